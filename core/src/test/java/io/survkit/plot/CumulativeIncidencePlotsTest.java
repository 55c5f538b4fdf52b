package io.survkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.estimate.IncidenceCurve;
import io.survkit.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The cumulative incidence figure (issue 15): one rising curve per group and cause with cuminc's
 * names; each curve's path ends at the height of its final estimate (cmprsk 2.2-11's values in
 * the oracle case cif_cr_synth_group) on the figure's y axis; no risk table.
 */
class CumulativeIncidencePlotsTest {
    static CumulativeIncidenceResult fit() {
        return CumulativeIncidence.withDefaults().fit(Oracle.frame(Oracle.load("cif_cr_synth_group")));
    }

    @Test
    void oneRisingCurvePerGroupAndCause() throws Exception {
        CumulativeIncidenceResult fit = fit();
        Document doc = SvgXml.parse(CumulativeIncidencePlots.render(fit, "Years", 0.95));
        List<String> labels = KaplanMeierPlotOptionsTest.texts(doc, "legend-label");
        List<String> names = new ArrayList<>();
        for (IncidenceCurve c : fit.curves()) {
            names.add(c.name());
        }
        assertEquals(names, labels);
        assertTrue(KaplanMeierPlotOptionsTest.texts(doc, "y-label").contains("Cumulative incidence"));
        assertTrue(KaplanMeierPlotOptionsTest.texts(doc, "at-risk").isEmpty(), "no risk table");
        // y of the top (1) and bottom (0) ticks, then each path's last vertical position = its final F
        NodeList texts = doc.getElementsByTagName("text");
        double y0 = Double.NaN;
        double y1 = Double.NaN;
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if ("y-tick".equals(t.getAttribute("class"))) {
                double y = Double.parseDouble(t.getAttribute("y")) - 4;
                if (t.getTextContent().equals("0")) {
                    y0 = y;
                } else if (t.getTextContent().equals("1")) {
                    y1 = y;
                }
            }
        }
        // R's final estimate of each curve (cmprsk 2.2-11, oracle cif_cr_synth_group), by curve name
        java.util.Map<String, Double> rFinal = new java.util.HashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode c : Oracle.load("cif_cr_synth_group").get("result").get("curves")) {
            com.fasterxml.jackson.databind.JsonNode est = c.get("est");
            rFinal.put(c.get("name").asText(), est.get(est.size() - 1).asDouble());
        }
        NodeList paths = doc.getElementsByTagName("path");
        int k = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if (!"km-path".equals(p.getAttribute("class"))) {
                continue;
            }
            String d = p.getAttribute("d");
            double lastV = Double.parseDouble(d.substring(d.lastIndexOf('V') + 1).split("[A-Z]")[0]);
            IncidenceCurve c = fit.curves().get(k++);
            double f = rFinal.get(c.name());
            assertEquals(y0 + f * (y1 - y0), lastV, 0.01, c.name() + ": the path ends at F = " + f);
        }
        assertEquals(fit.curves().size(), k);
    }
}
