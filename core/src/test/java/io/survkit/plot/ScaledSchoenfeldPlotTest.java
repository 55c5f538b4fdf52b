package io.survkit.plot;

import static io.survkit.plot.FigureReferences.assertClose;
import static io.survkit.plot.FigureReferences.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.ProportionalHazardsResult;
import io.survkit.regression.ProportionalHazardsTest;
import io.survkit.regression.ScaledSchoenfeldResiduals;
import io.survkit.regression.TieMethod;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The scaled Schoenfeld residual figure against R: {@code cox.zph(fit)}'s x, time, y and var, and
 * the curve {@code plot.cox.zph} draws ({@code plot(zph, var = i, plot = FALSE)}: the ns(df = 4) lm
 * smooth and its +-2 se band) for lung {@code age + sex + factor(ph.ecog)} (a factor collapsed to
 * its linear predictor), {@code age + ph.karno} with Breslow ties, and a stratified model where a
 * covariate is constant in one stratum (its residuals there are R's structural-zero NA, NaN here,
 * and leave the smooth); R 4.2.2, survival 3.5-3, reference/figures.R.
 */
class ScaledSchoenfeldPlotTest {
    static ProportionalHazardsResult zph(String formula, TieMethod ties) {
        return zph(FigureReferences.lung(), formula, ties);
    }

    static ProportionalHazardsResult zph(SurvivalData data, String formula, TieMethod ties) {
        CoxResult fit = CoxRegression.withDefaults().withTies(ties).fit(data, formula);
        return ProportionalHazardsTest.withDefaults().test(fit);
    }

    /** The data of a reference case: lung, or figures.R's zph_strata.csv for the stratified case. */
    static SurvivalData data(JsonNode c) {
        if (!c.get("rCall").asText().contains("data = st")) {
            return FigureReferences.lung();
        }
        return SurvivalData.csv(Oracle.root().getParent().resolve("reference").resolve("zph_strata.csv"))
                .time("time").event("status", "2").read();
    }

    @Test
    void residualsAndSmoothEqualPlotCoxZph() {
        for (JsonNode c : FigureReferences.load().get("zph")) {
            String formula = c.get("formula").asText();
            ProportionalHazardsResult zph = zph(data(c), formula, c.get("rCall").asText().contains("breslow")
                    ? TieMethod.BRESLOW : TieMethod.EFRON);
            ScaledSchoenfeldResiduals r = zph.residuals();
            double[] x = doubles(c.get("x"));
            double[] time = doubles(c.get("time"));
            assertEquals(x.length, r.size(), formula);
            for (int i = 0; i < x.length; i++) {
                assertClose(x[i], r.transformedTimes()[i], formula + " x " + i);
                assertClose(time[i], r.times()[i], formula + " time " + i);
            }
            JsonNode var = c.get("var");
            for (int a = 0; a < var.size(); a++) {
                for (int b = 0; b < var.size(); b++) {
                    assertClose(var.get(b).get(a).asDouble(), r.variance()[a][b], formula + " var");
                }
            }
            for (int t = 0; t < c.get("curves").size(); t++) {
                JsonNode cu = c.get("curves").get(t);
                String what = formula + " " + cu.get("term").asText();
                // R names a factor term factor(ph.ecog); survkit names it by its column
                assertEquals(cu.get("term").asText().replaceAll("^factor\\((.*)\\)$", "$1"), r.terms().get(t));
                assertClose(c.get("p").get(t).asDouble(), zph.test(t).pValue(), what + " p");
                double[] y = doubles(cu.get("y"));
                for (int i = 0; i < y.length; i++) {
                    assertClose(y[i], r.residuals(t)[i], what + " y " + i);
                }
                ScaledSchoenfeldPlot.Smooth sm = ScaledSchoenfeldPlot.smooth(r, t);
                double[][] expected = {doubles(cu.get("x")), doubles(cu.get("fit")), doubles(cu.get("upper")),
                    doubles(cu.get("lower"))};
                double[][] actual = {sm.x(), sm.fit(), sm.upper(), sm.lower()};
                for (int k = 0; k < 4; k++) {
                    assertEquals(40, actual[k].length);
                    for (int i = 0; i < 40; i++) {
                        assertClose(expected[k][i], actual[k][i], what + " curve " + k + " point " + i);
                    }
                }
            }
        }
    }

    static String figure() {
        return ScaledSchoenfeldPlot.withDefaults().withTimeLabel("Days")
                .render(zph("age + sex + factor(ph.ecog)", TieMethod.EFRON));
    }

    @Test
    void onePanelPerTermWithItsTestAndTimeLabels() throws Exception {
        ProportionalHazardsResult zph = zph("age + sex + factor(ph.ecog)", TieMethod.EFRON);
        Document doc = SvgXml.parse(figure());
        List<String> titles = KaplanMeierPlotOptionsTest.texts(doc, "panel-title");
        assertEquals(3, titles.size());
        assertTrue(titles.get(2).startsWith("ph.ecog: Schoenfeld individual test p = "), titles.toString());
        NodeList g = doc.getElementsByTagName("g");
        int panels = 0;
        for (int i = 0; i < g.getLength(); i++) {
            Element e = (Element) g.item(i);
            if ("zph-panel".equals(e.getAttribute("class"))) {
                assertEquals(zph.test(panels).pValue(), Double.parseDouble(e.getAttribute("data-p")));
                panels++;
            }
        }
        assertEquals(3, panels);
        // the x axis is labelled in days (R's signif(, 2) times), increasing
        List<String> ticks = KaplanMeierPlotOptionsTest.texts(doc, "x-tick");
        assertTrue(ticks.size() >= 3 * 6, ticks.toString());
        assertTrue(Double.parseDouble(ticks.get(1)) > Double.parseDouble(ticks.get(0)));
        assertTrue(KaplanMeierPlotOptionsTest.texts(doc, "title").get(0).startsWith("Global Schoenfeld test p: "));
    }
}
