package io.survkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import io.survkit.validation.Calibration;
import io.survkit.validation.CalibrationResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The calibration SVG is well-formed XML with one point per group at the result's values. */
class CalibrationPlotTest {
    static CalibrationResult sample() {
        SurvivalData d = SurvivalData.csv(Oracle.data("score_lung")).time("time").event("status", "2").read();
        return Calibration.withDefaults().withGroups(5).estimate(d, 365, "risk365");
    }

    @Test
    void onePointPerGroup() throws Exception {
        CalibrationResult c = sample();
        Document doc = SvgXml.parse(CalibrationPlot.withDefaults().withTitle("Calibration <365 days>").render(c));
        NodeList circles = doc.getElementsByTagName("circle");
        assertEquals(c.groups().size(), circles.getLength());
        for (int k = 0; k < circles.getLength(); k++) {
            Element e = (Element) circles.item(k);
            assertEquals(c.group(k).observed(), Double.parseDouble(e.getAttribute("data-observed")), 0);
            assertEquals(c.group(k).meanRisk(), Double.parseDouble(e.getAttribute("data-predicted")), 0);
        }
        assertEquals("Calibration <365 days>", doc.getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void badSize() {
        assertThrows(IllegalArgumentException.class, () -> CalibrationPlot.withDefaults().withSize(10));
    }
}
