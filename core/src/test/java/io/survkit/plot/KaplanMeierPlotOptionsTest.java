package io.survkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The figure options of issue 15 (survminer's ggsurvplot arguments), each checked in the SVG
 * document: tick interval (break.time.by), percent axis, palettes and user colours, line width,
 * font, legend positions and labels, cumulative events and censorings under the risk table (the
 * numbers are R's: cumulative sums of {@code summary(survfit(Surv(time, status == 2) ~ sex, lung),
 * times = c(0, 250, 500, 750, 1000), extend = TRUE)$n.event} and {@code $n.censor}), and size in
 * millimetres. {@code BrowserRenderTest} renders the same figure in Chromium.
 */
class KaplanMeierPlotOptionsTest {
    static KaplanMeierResult lungBySex() {
        SurvivalData d = SurvivalData.csv(Oracle.root().resolve("data").resolve("lung.csv")).time("time")
                .event("status", "2").read();
        return KaplanMeier.withDefaults().fit(d, "sex");
    }

    static KaplanMeierPlot everyOption() {
        return KaplanMeierPlot.withDefaults().withTitle("Overall survival").withTimeLabel("Days since enrolment")
                .withSurvivalLabel("Survival").withConfidenceBands(true).withTickInterval(250).withMaxTime(1000).withPercent(true)
                .withColours(List.of("#ff0000", "#0000ff")).withLineWidth(3.5).withFont("Georgia, serif", 14)
                .withLegend(LegendPosition.TOP).withLegendLabels(List.of("Male", "Female"))
                .withCumulativeEvents(true).withCumulativeCensored(true).withSizeMillimetres(254, 203.2);
    }

    static List<String> texts(Document doc, String cls) {
        List<String> r = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("text");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                r.add(e.getTextContent());
            }
        }
        return r;
    }

    @Test
    void everyOptionShowsInTheDocument() throws Exception {
        String svg = everyOption().render(KaplanMeierPlots.curves(lungBySex()));
        Document doc = SvgXml.parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("960", root.getAttribute("width"), "254 mm = 10 in = 960 px");
        assertEquals("768", root.getAttribute("height"));
        assertEquals("Georgia, serif", root.getAttribute("font-family"));
        assertEquals(List.of("0", "250", "500", "750", "1000"), texts(doc, "x-tick"));
        assertEquals(List.of("0%", "20%", "40%", "60%", "80%", "100%"), texts(doc, "y-tick"));
        assertEquals(List.of("Male", "Female"), texts(doc, "legend-label"));
        assertEquals("top", ((Element) doc.getElementsByTagName("g").item(findGroup(doc, "legend")))
                .getAttribute("data-position"));
        assertEquals(List.of("Overall survival"), texts(doc, "title"));
        assertEquals(List.of("0", "65", "96", "109", "112", "0", "24", "42", "52", "53"),
                texts(doc, "cumulative-events"));
        assertEquals(List.of("0", "11", "22", "22", "24", "0", "13", "27", "35", "37"),
                texts(doc, "cumulative-censored"));
        NodeList paths = doc.getElementsByTagName("path");
        List<String> strokes = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if ("km-path".equals(p.getAttribute("class"))) {
                strokes.add(p.getAttribute("stroke") + " " + p.getAttribute("stroke-width"));
            }
        }
        assertEquals(List.of("#ff0000 3.5", "#0000ff 3.5"), strokes);
        assertTrue(texts(doc, "title").size() == 1);
    }

    private static int findGroup(Document doc, String cls) {
        NodeList g = doc.getElementsByTagName("g");
        for (int i = 0; i < g.getLength(); i++) {
            if (cls.equals(((Element) g.item(i)).getAttribute("class"))) {
                return i;
            }
        }
        throw new AssertionError("no group " + cls);
    }

    @Test
    void defaultsLegendByLevelGreyPaletteAndNoLegend() throws Exception {
        KaplanMeierResult fit = lungBySex();
        Document doc = SvgXml.parse(KaplanMeierPlot.withDefaults().render(KaplanMeierPlots.curves(fit)));
        assertEquals(List.of("1", "2"), texts(doc, "legend-label"), "the level, not sex=1 (survminer legend.labs)");
        Document grey = SvgXml.parse(KaplanMeierPlot.withDefaults().withPalette(Palette.GREY)
                .withLegend(LegendPosition.NONE).render(KaplanMeierPlots.curves(fit)));
        assertTrue(texts(grey, "legend-label").isEmpty(), "no legend");
        NodeList paths = grey.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if ("km-path".equals(p.getAttribute("class"))) {
                String c = p.getAttribute("stroke");
                assertTrue(c.substring(1, 3).equals(c.substring(3, 5)) && c.substring(3, 5).equals(c.substring(5, 7)),
                        "grey: equal red, green and blue, got " + c);
            }
        }
    }

    @Test
    void badOptionsAreRefused() {
        KaplanMeierPlot p = KaplanMeierPlot.withDefaults();
        assertThrows(IllegalArgumentException.class, () -> p.withColours(List.of("red")));
        assertThrows(IllegalArgumentException.class, () -> p.withColours(List.of()));
        assertThrows(IllegalArgumentException.class, () -> p.withLineWidth(0));
        assertThrows(IllegalArgumentException.class, () -> p.withFont("", 12));
        assertThrows(IllegalArgumentException.class, () -> p.withTickInterval(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.withLegendLabels(List.of("only one")).render(KaplanMeierPlots.curves(lungBySex())));
        assertTrue(e.getMessage().contains("1 legend labels for 2 curves"), e.getMessage());
    }
}
