package io.survkit.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class TableTest {
    static Table sample() {
        return Table.builder().textColumn("curve").numberColumn("time").numberColumn("survival")
                .text("sex=1").number(5).number(0.9934210526315789)
                .text("sex=1").number(11).number(Double.NaN)
                .text(null).number(1e-300).number(2.0 / 3)
                .build();
    }

    @Test
    void keepsColumnsAndCells() {
        Table t = sample();
        assertEquals(3, t.rowCount());
        assertEquals(List.of("curve", "time", "survival"), t.columnNames());
        assertTrue(t.isNumeric("time"));
        assertFalse(t.isNumeric("curve"));
        assertArrayEquals(new double[] {5, 11, 1e-300}, t.numbers("time"));
        assertEquals("sex=1", t.texts("curve").get(0));
        assertEquals(0.9934210526315789, t.number(0, "survival"));
        assertEquals("", t.cell(1, "survival"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.numbers("nope"));
        assertTrue(e.getMessage().contains("unknown column 'nope'"), e.getMessage());
    }

    /** Full precision: every number reads back to the same double; NaN is an empty cell. */
    @Test
    void csvHasFullPrecisionAndReadsBack() throws Exception {
        String csv = sample().toCsv();
        assertTrue(csv.startsWith("curve,time,survival\nsex=1,5,0.9934210526315789\n"), csv);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertEquals(4, rows.size());
        assertEquals("", rows.get(2).get(2));
        assertEquals(1e-300, Double.parseDouble(rows.get(3).get(1)));
        assertEquals(2.0 / 3, Double.parseDouble(rows.get(3).get(2)));
    }

    /** OWASP CSV injection: cells starting with = + - @ tab CR get a leading quote; numbers stay. */
    @Test
    void csvNeutralisesFormulasAndQuotes() throws Exception {
        Table t = Table.builder().textColumn("label").numberColumn("x")
                .text("=HYPERLINK(\"http://x\")").number(-1.5)
                .text("+1+cmd|' /C calc'!A0").number(1)
                .text("@SUM(A1)").number(2)
                .text("-2+3").number(3)
                .text("a,b \"q\"\nline").number(4)
                .build();
        String csv = t.toCsv();
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertEquals("'=HYPERLINK(\"http://x\")", rows.get(1).get(0));
        assertEquals("-1.5", rows.get(1).get(1));
        assertEquals("'+1+cmd|' /C calc'!A0", rows.get(2).get(0));
        assertEquals("'@SUM(A1)", rows.get(3).get(0));
        assertEquals("'-2+3", rows.get(4).get(0));
        assertEquals("a,b \"q\"\nline", rows.get(5).get(0));
        assertEquals(6, rows.size());
    }

    @Test
    void jsonIsAnArrayOfRowObjects() throws Exception {
        JsonNode n = new ObjectMapper().readTree(sample().toJson());
        assertEquals(3, n.size());
        assertEquals("sex=1", n.get(0).get("curve").asText());
        assertEquals(0.9934210526315789, n.get(0).get("survival").asDouble());
        assertTrue(n.get(1).get("survival").isNull());
        assertTrue(n.get(2).get("curve").isNull());
    }

    @Test
    void textMarkdownAndHtmlRoundAndEscape() {
        Table t = Table.builder().textColumn("group").numberColumn("p")
                .text("<b>A&B</b> | x").number(0.000123456789)
                .text("red\u001b[31m\nnext").number(Double.NaN)
                .build();
        String text = t.toText();
        assertEquals(3, text.lines().count(), text);
        assertTrue(text.contains("0.0001234568"), text);
        assertTrue(text.contains("NA"), text);
        assertFalse(text.contains("\u001b"), "escape sequence passed through: " + text);
        assertTrue(text.contains("red\\033[31m\\nnext"), text); // R: print(data.frame(x = "red\033[31m\nnext"))
        String md = t.toMarkdown();
        assertTrue(md.startsWith("| group | p |\n|---|---:|\n"), md);
        assertTrue(md.contains("\\|"), md);
        assertFalse(md.contains("<b>"), md);
        String html = t.toHtml();
        assertTrue(html.contains("<td>&lt;b&gt;A&amp;B&lt;/b&gt; | x</td><td class=\"number\">0.0001234568</td>"), html);
    }

    @Test
    void builderRejectsMistakes() {
        assertThrows(IllegalArgumentException.class, () -> Table.builder().numberColumn("x").text("a"));
        assertThrows(IllegalArgumentException.class, () -> Table.builder().numberColumn("x").numberColumn("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Table.builder().numberColumn("x").numberColumn("y").number(1).build());
        assertTrue(e.getMessage().contains("row 1 has 1 of the 2 cells"), e.getMessage());
        assertEquals(0, Table.builder().numberColumn("x").build().rowCount());
    }

    @Test
    void growsPastItsFirstCapacity() {
        Table.Builder b = Table.builder().numberColumn("i").textColumn("s");
        for (int i = 0; i < 1000; i++) {
            b.number(i).text("r" + i);
        }
        Table t = b.build();
        assertEquals(1000, t.rowCount());
        assertEquals(999, t.number(999, "i"));
        assertEquals("r999", t.texts("s").get(999));
    }
}
