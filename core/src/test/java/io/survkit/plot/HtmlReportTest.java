package io.survkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    static final String HOSTILE = "A<script>&\"B";

    static String sampleReport() {
        KaplanMeierPlot.Curve a = new KaplanMeierPlot.Curve(HOSTILE, new double[] {2, 3, 5, 8},
                new double[] {0.75, 0.75, 0.375, 0}, null, null, new double[] {4, 3, 2, 1}, new double[] {0, 1, 0, 0});
        String svg = KaplanMeierPlot.withDefaults().withTitle(HOSTILE).render(List.of(a));
        return HtmlReport.titled(HOSTILE).heading(HOSTILE).paragraph(HOSTILE).figure(svg, HOSTILE)
                .table(List.of("Arm", "n"), List.of(List.of(HOSTILE, "4"))).methods("Kaplan-Meier").render();
    }

    @Test
    void everyUserTextIsEscaped() {
        String html = sampleReport();
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("A&lt;script&gt;&amp;&quot;B"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals(1, html.split("<svg", -1).length - 1);
    }

    @Test
    void rejectsNonSvgFiguresAndRaggedTables() {
        assertThrows(IllegalArgumentException.class,
                () -> HtmlReport.titled("t").figure("<img src=x onerror=alert(1)>", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> HtmlReport.titled("t").table(List.of("a", "b"), List.of(List.of("1"))));
    }
}
