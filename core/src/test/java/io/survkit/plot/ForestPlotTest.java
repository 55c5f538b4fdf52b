package io.survkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ForestPlotTest {

    @Test
    void hostileLabelsStayTextAndSvgIsWellFormed() throws Exception {
        String label = "A<script>&\"B";
        String svg = ForestPlot.withDefaults().withTitle(label)
                .render(List.of(new ForestPlot.Row(label, 0.5, 0.25, 1.0, 100, 40, 0.04)));
        Document doc = SvgXml.parse(svg);
        NodeList texts = doc.getElementsByTagName("text");
        List<String> content = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            content.add(texts.item(i).getTextContent());
        }
        assertTrue(content.contains(label), content.toString());
        assertTrue(!svg.contains("<script>"));
    }

    @Test
    void markersSitAtTheEstimateOnTheLogAxisLeftOfOneWhenProtective() throws Exception {
        String svg = ForestPlot.withDefaults().render(List.of(
                new ForestPlot.Row("protective", 0.5, 0.3, 0.8, 10, 5, 0.01),
                new ForestPlot.Row("harmful", 2.0, 1.5, 3.0, 10, 5, 0.0001)));
        Document doc = SvgXml.parse(svg);
        NodeList rects = doc.getElementsByTagName("rect");
        List<Double> hr = new ArrayList<>();
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element e = (Element) rects.item(i);
            if (e.hasAttribute("data-hr")) {
                hr.add(Double.parseDouble(e.getAttribute("data-hr")));
                x.add(Double.parseDouble(e.getAttribute("x")) + 5);
            }
        }
        assertEquals(List.of(0.5, 2.0), hr);
        assertTrue(x.get(0) < x.get(1));
        assertTrue(svg.contains("&lt;0.001"));
    }

    @Test
    void rejectsImpossibleIntervals() {
        assertThrows(IllegalArgumentException.class, () -> new ForestPlot.Row("x", 0.5, 0.6, 0.9, 1, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ForestPlot.withDefaults().render(List.of()));
    }
}
