package io.survkit.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One document, three renderings: the same blocks in text, Markdown and HTML, user text escaped in each. */
class DocumentTest {
    static final String HOSTILE = "A<script>&|*B";
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>";

    static Document sample() {
        Table t = Table.builder().textColumn("Arm").numberColumn("n").text(HOSTILE).number(4).build();
        Document inner = Document.titled("Inner").heading("Sub").table(null, t);
        return Document.titled(HOSTILE).heading(HOSTILE).paragraph(HOSTILE).bullets(List.of("one", HOSTILE))
                .table("Caption " + HOSTILE, t).figure("km-1", SVG, HOSTILE).methods("Methods text").section(inner);
    }

    @Test
    void htmlEscapesAndKeepsTablesAndFigures() {
        String html = sample().toHtml();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("<h2>A&lt;script&gt;&amp;|*B</h2>"), html);
        assertTrue(html.contains("<table><caption>Caption A&lt;script&gt;&amp;|*B</caption>"), html);
        assertEquals(2, html.split("<table>", -1).length - 1);
        assertTrue(html.contains("<figure id=\"km-1\"><svg"), html);
        assertTrue(html.contains("<h2>Inner</h2>") && html.contains("<h3>Sub</h3>"), "section one level deeper");
        assertTrue(html.contains("<p class=\"methods\">Methods text</p>"));
    }

    @Test
    void markdownLinksFiguresAndEscapes() {
        Document d = sample();
        String md = d.toMarkdown();
        assertTrue(md.startsWith("# A"), md);
        assertTrue(md.contains("](km-1.svg)"), md);
        assertFalse(md.contains("|*B |"), "pipes and stars escaped: " + md);
        assertTrue(md.contains("## Inner\n") && md.contains("### Sub\n"), md);
        assertEquals(List.of("km-1"), List.copyOf(d.figures().keySet()));
        assertEquals(2, d.tables().size());
        assertTrue(d.toText().contains("[figure km-1.svg:"), d.toText());
    }

    @Test
    void rejectsBadFigures() {
        Document d = Document.titled("t");
        assertThrows(IllegalArgumentException.class, () -> d.figure("x", "<img src=x onerror=alert(1)>", "c"));
        assertThrows(IllegalArgumentException.class, () -> d.figure("../x", SVG, "c"));
        assertThrows(IllegalArgumentException.class, () -> d.figure("a", SVG, "c").figure("a", SVG, "c"));
        Document withA = Document.titled("u").figure("a", SVG, "c");
        assertThrows(IllegalArgumentException.class, () -> d.figure("a", SVG, "c").section(withA));
    }
}
