package io.survkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.oracle.Oracle;
import io.survkit.parametric.ModelComparison;
import io.survkit.parametric.ModelComparisonResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The model-choice figures are well-formed SVG with one path per model, the KM curve and its band. */
class ParametricFitPlotTest {
    static SurvivalData lung() {
        return SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read();
    }

    static String[] figures() {
        SurvivalData d = lung();
        ModelComparisonResult m = ModelComparison.withDefaults().withHorizon(3000).fit(d, "1");
        SurvivalCurve km = KaplanMeier.withDefaults().fit(d).curve(0);
        ParametricFitPlot p = ParametricFitPlot.withDefaults().withTitle("Lung: extrapolation").withTimeLabel("Days");
        return new String[] {p.survival(km, m), p.hazard(km, m)};
    }

    @Test
    void survivalAndHazardFiguresAreWellFormed() throws Exception {
        for (String svg : figures()) {
            Document doc = SvgXml.parse(svg);
            int paths = doc.getElementsByTagName("path").getLength();
            assertTrue(paths >= 7, "paths: " + paths);
            assertTrue(svg.contains("gengamma (AIC"), "legend");
        }
        assertEquals(8, SvgXml.parse(figures()[0]).getElementsByTagName("path").getLength(),
                "survival: band, KM, six models");
    }
}
