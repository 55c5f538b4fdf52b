package io.survkit.plot;

import static io.survkit.plot.FigureReferences.assertClose;
import static io.survkit.plot.FigureReferences.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The Nelson-Aalen and log-log figures against R (reference/figures.R; R 4.2.2, survival 3.5-3):
 * {@code plot(survfit(Surv(time, status == 2) ~ sex, lung), fun = "cumhaz", conf.int = TRUE)} draws
 * {@code fit$cumhaz} with plain limits {@code cumhaz -+ qnorm(0.975) std.chaz} (lower cut at 0);
 * {@code fun = "cloglog"} draws {@code log(-log(surv))} and the limits through the same function
 * against log time. Every value the plot draws (the scale applied to the curves it is handed) equals R's.
 */
class KaplanMeierScaleTest {
    static KaplanMeierResult fit() {
        return KaplanMeier.withDefaults().fit(FigureReferences.lung(), "sex");
    }

    @Test
    void drawnValuesEqualPlotSurvfit() {
        JsonNode ref = FigureReferences.load().get("km").get("curves");
        List<KaplanMeierPlot.Curve> hazard = KaplanMeierPlots.curves(fit(), CurveScale.CUMULATIVE_HAZARD);
        List<KaplanMeierPlot.Curve> loglog = KaplanMeierPlots.curves(fit(), CurveScale.CLOGLOG);
        for (int g = 0; g < 2; g++) {
            JsonNode r = ref.get(g);
            double[] time = doubles(r.get("time"));
            String[][] fields = {{"cumhaz", "cumhazLower", "cumhazUpper"}, {"cloglog", "cloglogLower", "cloglogUpper"}};
            KaplanMeierPlot.Curve[] curves = {hazard.get(g), loglog.get(g)};
            CurveScale[] scales = {CurveScale.CUMULATIVE_HAZARD, CurveScale.CLOGLOG};
            for (int k = 0; k < 2; k++) {
                KaplanMeierPlot.Curve c = curves[k];
                assertEquals(time.length, c.time().length);
                double[] v = doubles(r.get(fields[k][0]));
                double[] lo = doubles(r.get(fields[k][1]));
                double[] hi = doubles(r.get(fields[k][2]));
                for (int i = 0; i < time.length; i++) {
                    String what = scales[k] + " curve " + g + " time " + time[i];
                    assertClose(time[i], c.time()[i], what);
                    // decreasing transforms: the survival-scale upper limit gives the lower drawn limit
                    check(v[i], scales[k].apply(c.survival()[i]), what);
                    check(lo[i], scales[k].apply(c.upper()[i]), what + " lower");
                    check(hi[i], scales[k].apply(c.lower()[i]), what + " upper");
                }
            }
        }
    }

    /** R's value, or R's non-number (log(-log(0)), log(-log(1))) where the scale has none. */
    private static void check(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertFalse(Double.isFinite(actual), what + ": R has no value, got " + actual);
        } else {
            assertClose(expected, actual, what);
        }
    }

    @Test
    void axesFollowTheScale() throws Exception {
        Document haz = SvgXml.parse(KaplanMeierPlot.withDefaults().withScale(CurveScale.CUMULATIVE_HAZARD)
                .withConfidenceBands(true).render(KaplanMeierPlots.curves(fit(), CurveScale.CUMULATIVE_HAZARD)));
        assertEquals(List.of("Cumulative hazard"), KaplanMeierPlotOptionsTest.texts(haz, "y-label"));
        List<String> y = KaplanMeierPlotOptionsTest.texts(haz, "y-tick");
        assertEquals("0", y.get(0));
        assertTrue(Double.parseDouble(y.get(y.size() - 1)) >= 2.5, "R's largest upper limit is above 2.5: " + y);
        Document cll = SvgXml.parse(KaplanMeierPlot.withDefaults().withScale(CurveScale.CLOGLOG)
                .render(KaplanMeierPlots.curves(fit(), CurveScale.CLOGLOG)));
        assertEquals(List.of("log(-log(survival))"), KaplanMeierPlotOptionsTest.texts(cll, "y-label"));
        // log time axis: 1-2-5 ticks from 5 (lung's first time is 5) to 1000 (last 1022 rounds up to 2000)
        List<String> x = KaplanMeierPlotOptionsTest.texts(cll, "x-tick");
        assertEquals(List.of("5", "10", "20", "50", "100", "200", "500", "1000", "2000"), x);
        org.w3c.dom.NodeList paths = cll.getElementsByTagName("path");
        int drawn = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            String d = ((org.w3c.dom.Element) paths.item(i)).getAttribute("d");
            if ("km-path".equals(((org.w3c.dom.Element) paths.item(i)).getAttribute("class"))) {
                drawn++;
                assertFalse(d.contains("NaN") || d.contains("Infinity"), d);
            }
        }
        assertEquals(2, drawn, "one log-log curve per sex");
    }
}
