package io.survkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import io.survkit.regression.CoxRegression;
import io.survkit.validation.Nomogram;
import io.survkit.validation.NomogramScales;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The nomogram SVG is well-formed XML with one axis group per scale, each tick at its points. */
class NomogramPlotTest {
    static NomogramScales sample() {
        SurvivalData d = SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read();
        return Nomogram.withDefaults().withTimes(365, 730)
                .build(CoxRegression.withDefaults().fit(d, "age + sex + factor(ph.ecog, ref = 0)"), d);
    }

    @Test
    void axes() throws Exception {
        NomogramScales n = sample();
        Document doc = SvgXml.parse(NomogramPlot.withDefaults().withTitle("Lung & survival").render(n));
        NodeList groups = doc.getElementsByTagName("g");
        // Points, 3 terms, total points, linear predictor, 2 survival axes
        assertEquals(1 + 3 + 2 + 2, groups.getLength());
        Element ecog = (Element) groups.item(3);
        assertEquals("ph.ecog", ecog.getAttribute("data-name"));
        NodeList ticks = ecog.getElementsByTagName("text");
        assertEquals(1 + n.terms().get(2).size(), ticks.getLength());
        assertEquals(n.terms().get(2).points()[3], Double.parseDouble(((Element) ticks.item(4)).getAttribute("data-points")));
    }
}
