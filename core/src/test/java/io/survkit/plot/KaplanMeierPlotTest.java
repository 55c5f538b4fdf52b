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

class KaplanMeierPlotTest {
    // Hand-computed KM: times 2 (event), 3 (censored), 5 (event), 8 (event) of 4 subjects:
    // S(2) = 3/4, S(3) = 3/4, S(5) = 3/4 * 1/2 = 3/8, S(8) = 0; at risk 4, 3, 2, 1.
    private static final KaplanMeierPlot.Curve ARM_A = new KaplanMeierPlot.Curve("A<script>&\"B",
            new double[] {2, 3, 5, 8}, new double[] {0.75, 0.75, 0.375, 0}, null, null, new double[] {4, 3, 2, 1},
            new double[] {0, 1, 0, 0});
    private static final KaplanMeierPlot.Curve ARM_B = new KaplanMeierPlot.Curve("B", new double[] {4, 9},
            new double[] {0.5, 0.5}, new double[] {0.2, 0.2}, new double[] {0.9, 0.9}, new double[] {2, 1},
            new double[] {0, 1});

    @Test
    void verticesAreTheCurvePointsThroughTheAxisTransform() throws Exception {
        KaplanMeierPlot plot = KaplanMeierPlot.withDefaults().withSize(800, 560);
        String svg = plot.render(List.of(ARM_A, ARM_B));
        Document doc = SvgXml.parse(svg);
        List<Element> paths = byClass(doc, "path", "km-path");
        assertEquals(2, paths.size());
        // Layout: ticks 0..10 by 2; right edge = 800 - 30 - legend width (30 + 7 * 12 chars = 114).
        double left = 24 + 7 * 12; // risk-table labels: 12 characters
        double right = 800 - 30 - (30 + 7 * 12);
        double top = 20;
        double bottom = 560 - 60 - (40 + 20 * 2);
        String expected = "M" + Svg.num(left) + "," + Svg.num(top)
                + "H" + Svg.num(left + 2 / 10.0 * (right - left)) + "V" + Svg.num(bottom - 0.75 * (bottom - top))
                // time 3 is a censoring: S does not change, so the path needs no vertex there
                + "H" + Svg.num(left + 5 / 10.0 * (right - left)) + "V" + Svg.num(bottom - 0.375 * (bottom - top))
                + "H" + Svg.num(left + 8 / 10.0 * (right - left)) + "V" + Svg.num(bottom);
        assertEquals(expected, paths.get(0).getAttribute("d"));
        List<Element> marks = byClass(doc, "path", "censor-marks");
        assertTrue(marks.get(0).getAttribute("d").startsWith("M" + Svg.num(left + 0.3 * (right - left)) + ","));
    }

    @Test
    void riskTableShowsNumberAtRiskAtTicksAndLegendShowsLabelsAsText() throws Exception {
        KaplanMeierPlot plot = KaplanMeierPlot.withDefaults();
        Document doc = SvgXml.parse(plot.render(List.of(ARM_A, ARM_B)));
        List<Element> cells = byClass(doc, "text", "at-risk");
        double[] ticks = plot.tickTimes(List.of(ARM_A, ARM_B));
        assertEquals(2 * ticks.length, cells.size());
        for (Element e : cells) {
            double t = Double.parseDouble(e.getAttribute("data-time"));
            KaplanMeierPlot.Curve c = e.getAttribute("data-group").equals("B") ? ARM_B : ARM_A;
            assertEquals(Ticks.label(KaplanMeierPlot.numberAtRisk(c, t)), e.getTextContent());
        }
        // R's summary(times=) rule: at risk at the first curve time >= t, 0 after the end
        assertEquals(4, KaplanMeierPlot.numberAtRisk(ARM_A, 0));
        assertEquals(2, KaplanMeierPlot.numberAtRisk(ARM_A, 4));
        assertEquals(0, KaplanMeierPlot.numberAtRisk(ARM_A, 10));
        List<String> legend = new ArrayList<>();
        byClass(doc, "text", "legend-label").forEach(e -> legend.add(e.getTextContent()));
        assertEquals(List.of("A<script>&\"B", "B"), legend);
    }

    @Test
    void bandsAnnotationAndMedianLinesRender() throws Exception {
        String svg = KaplanMeierPlot.withDefaults().withConfidenceBands(true).withMedianLines(true)
                .withAnnotation("Log-rank p = 0.01 & HR < 1").withTitle("OS").render(List.of(ARM_A, ARM_B));
        Document doc = SvgXml.parse(svg);
        assertEquals(1, byClass(doc, "path", "ci-band").size());
        assertEquals(2, byClass(doc, "path", "median-line").size());
        assertEquals("Log-rank p = 0.01 & HR < 1", byClass(doc, "text", "annotation").get(0).getTextContent());
    }

    @Test
    void nonCharactersAndLoneSurrogatesInTextKeepTheSvgWellFormed() throws Exception {
        // issue 12: U+FFFE / U+FFFF and lone surrogates are not XML characters; the parser refused them
        String svg = KaplanMeierPlot.withDefaults().withAnnotation("p\uFFFE\uFFFF\uD800 < 1").withTitle("OS\uDFFF")
                .render(List.of(ARM_A, ARM_B));
        Document doc = SvgXml.parse(svg);
        assertEquals("p < 1", byClass(doc, "text", "annotation").get(0).getTextContent());
    }

    @Test
    void aMillionSubjectsDrawAsTheirDistinctTimes() {
        int distinct = 150; // integer months
        double[] t = new double[distinct];
        double[] s = new double[distinct];
        double[] r = new double[distinct];
        double[] c = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            t[i] = i + 1;
            s[i] = Math.exp(-0.01 * (i + 1));
            r[i] = 1_000_000 - i * 5000;
            c[i] = 100;
        }
        String svg = KaplanMeierPlot.withDefaults().withTimeLabel("Months").render(
                List.of(new KaplanMeierPlot.Curve("all", t, s, null, null, r, c)));
        assertTrue(svg.length() < 100_000, "svg size " + svg.length());
        assertTrue(svg.contains(">1000000<"));
    }

    @Test
    void millionDistinctTimesDrawWithFewVerticesAndEndAtTheLastDrop() {
        int n = 1_000_000;
        double[] t = new double[n];
        double[] s = new double[n];
        double[] r = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (i + 1) * 0.001;
            s[i] = 1 - (i + 1) / (double) n;
            r[i] = n - i;
            c[i] = i % 3 == 0 ? 1 : 0;
        }
        KaplanMeierPlot.Curve big = new KaplanMeierPlot.Curve("all", t, s, null, null, r, c);
        String svg = KaplanMeierPlot.withDefaults().render(List.of(big, big));
        assertTrue(svg.length() < 2_000_000, "svg size " + svg.length());
        String d = svg.substring(svg.indexOf(" d=\"M") + 4);
        d = d.substring(0, d.indexOf('"'));
        long vertices = d.chars().filter(ch -> ch == 'H' || ch == 'V').count();
        assertTrue(vertices < 5000, "vertices " + vertices);
        // the curve reaches S = 0 at the bottom of the plot area at its last time
        assertTrue(d.endsWith("V" + Svg.num(560 - 60 - (40 + 20 * 2))) || d.contains("V" + Svg.num(560 - 60 - 80)),
                d.substring(d.length() - 40));
    }

    @Test
    void rejectsNoCurvesAndTooMany() {
        assertThrows(IllegalArgumentException.class, () -> KaplanMeierPlot.withDefaults().render(List.of()));
        List<KaplanMeierPlot.Curve> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(ARM_B);
        }
        assertThrows(IllegalArgumentException.class, () -> KaplanMeierPlot.withDefaults().render(eleven));
    }

    static List<Element> byClass(Document doc, String tag, String cls) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> r = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                r.add(e);
            }
        }
        return r;
    }
}
