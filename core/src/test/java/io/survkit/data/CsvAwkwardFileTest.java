package io.survkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Awkward CSV files read as R's {@code read.csv} reads them: every value, the rows kept and the
 * rows omitted equal to {@code csv/read-csv.json}, written by {@code csv/read-csv.R} (R 4.2,
 * {@code read.csv} then {@code na.omit} of time, status, arm, x).
 */
class CsvAwkwardFileTest {
    private static JsonNode reference;

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(CsvAwkwardFileTest.class.getResource("csv/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode r(String file) throws IOException {
        if (reference == null) {
            try (InputStream in = CsvAwkwardFileTest.class.getResourceAsStream("csv/read-csv.json")) {
                reference = new ObjectMapper().readTree(in);
            }
        }
        return reference.get(file);
    }

    private static CsvSurvivalReader reader(String file) {
        CsvSurvivalReader r = SurvivalData.csv(resource(file)).time("time").event("status", "1");
        if (file.equals("semicolon.csv")) {
            r.delimiter(';');
        } else if (file.endsWith(".tsv")) {
            r.delimiter('\t');
        } else if (file.equals("latin1.csv")) {
            r.encoding(StandardCharsets.ISO_8859_1);
        }
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bom.csv", "crlf.csv", "no-final-newline.csv", "semicolon.csv", "tab.tsv", "quoted.csv",
        "quoted-newline.csv", "blank-lines.csv", "missing.csv", "write-csv.csv", "short-header.csv", "latin1.csv",
        "spaces.csv"})
    void readsAsReadCsv(String file) throws IOException {
        JsonNode ref = r(file);
        SurvivalData data = reader(file).read();
        ModelFrame d = ModelFrame.of(data, "arm + x"); // the rows complete in time, status, arm, x
        int n = ref.get("time").size();
        assertEquals(n, d.rowCount(), file);
        assertEquals(ref.get("omitted").get(0).asInt(), d.omittedRows(), file);
        String[] arm = data.labels("arm");
        double[] x = data.numbers("x");
        for (int i = 0; i < n; i++) {
            String where = file + " row " + i;
            int row = d.dataRows()[i];
            assertEquals(ref.get("time").get(i).asDouble(), d.time(i), 0, where);
            assertEquals(ref.get("status").get(i).asInt() == 1, d.isEvent(i), where);
            assertEquals(ref.get("arm").get(i).asText(), arm[row], where);
            assertEquals(ref.get("x").get(i).asDouble(), x[row], 0, where);
            assertEquals(ref.get("rows").get(i).asInt(), d.sourceRow(i), where);
        }
    }

    @Test
    void headerNamesAsReadCsv() throws IOException {
        for (String file : new String[] {"write-csv.csv", "short-header.csv", "bom.csv"}) {
            CsvScanner s = new CsvScanner(resource(file), ',', StandardCharsets.UTF_8);
            List<String> names = s.open();
            s.scan(new int[0], new CsvScanner.Kind[0], new String[0]);
            List<String> expected = new ArrayList<>();
            r(file).get("names").forEach(x -> expected.add(x.asText()));
            assertEquals(expected, names, file);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private IllegalArgumentException fails(Path p) {
        return assertThrows(IllegalArgumentException.class,
                () -> SurvivalData.csv(p).time("time").event("status", "1").read());
    }

    @Test
    void unclosedQuoteNamesTheLineWhereItOpened() throws IOException {
        String m = fails(write("u.csv", "time,status,arm\n5,1,A\n8,0,\"B\n12,1,A\n")).getMessage();
        assertTrue(m.contains("file line 3") && m.contains("never closed"), m);
        assertFalse(m.contains("Exception") || m.contains("java."), m);
    }

    @Test
    void textAfterClosingQuoteIsMalformed() throws IOException {
        String m = fails(write("m.csv", "time,status,arm\n5,1,A\n8,0,\"B\"x\n")).getMessage();
        assertTrue(m.contains("file line 3") && m.contains("after the closing quote") && m.contains("field 3"), m);
        assertFalse(m.contains("Exception"), m);
    }

    @Test
    void badValueAfterBlankLinesAndQuotedLineBreaksNamesItsFileLine() throws IOException {
        // line 1 header, 2 blank, 3-4 one record with a quoted line break, 5 blank, 6 ok, 7 bad (data row 3)
        String m = fails(write("l.csv", "time,status,arm\n\n5,1,\"A\nB\"\n\n8,0,A\nabc,1,B\n")).getMessage();
        assertTrue(m.contains("column 'time', row 3 (file line 7)") && m.contains("'abc'"), m);
    }

    @Test
    void builderMessagesUseFileLinesToo() throws IOException {
        String m = fails(write("n.csv", "time,status,arm\n\n\n5,1,A\n-8,0,B\n")).getMessage();
        assertTrue(m.contains("column 'time', row 2 (file line 5)") && m.contains("-8"), m);
    }

    @Test
    void latin1WithoutEncodingNamesLineAndEncoding() {
        String m = assertThrows(IllegalArgumentException.class, () -> SurvivalData.csv(resource("latin1.csv"))
                .time("time").event("status", "1").read()).getMessage();
        assertTrue(m.contains("file line 2") && m.contains("UTF-8") && m.contains("0xFC")
                && m.contains("ISO-8859-1") && m.contains("--encoding"), m);
    }

    @Test
    void tooFewFieldsNamesRowAndLine() throws IOException {
        String m = fails(write("f.csv", "time,status,arm\n5,1,A\n\n8,0\n")).getMessage();
        assertTrue(m.contains("row 2 (file line 4) has 2 fields") && m.contains("'arm'"), m);
    }

    @Test
    void columnTypesAsTypeConvert() throws IOException {
        // numbers until a value is not one: then text, the numbers before as their labels (R: type.convert)
        SurvivalData d = SurvivalData.csv(write("t.csv", "time,status,code,n\n1,1,2.0,1\n2,0,x,NA\n3,1,2,3\n"))
                .time("time").event("status", "1").read();
        assertTrue(d.isNumeric("n") && !d.isNumeric("code"));
        assertEquals(java.util.Arrays.asList("2", "x", "2"), java.util.Arrays.asList(d.labels("code")));
        SurvivalData only = SurvivalData.csv(write("o.csv", "time,status,a,b\n1,1,x,2\n")).time("time")
                .event("status", "1").columns("b").read();
        assertEquals(List.of("time", "status", "b"), only.columnNames());
    }

    @Test
    void delimiterMustBeOneUsableCharacter() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> new CsvScanner(Path.of("x.csv"), '"', StandardCharsets.UTF_8)).getMessage();
        assertTrue(m.contains("delimiter"), m);
    }

    @Test
    void longRecordsAndQuotedFieldsAcrossBlockBoundaries() throws IOException {
        // 300 000 rows of ~40 bytes cross many 1 MiB blocks; a long quoted label with line breaks forces a record
        // larger than a block to be kept whole.
        StringBuilder sb = new StringBuilder("time,status,arm,x\n");
        String big = "\"" + "x\n".repeat(700_000) + "\"";
        int n = 300_000;
        for (int i = 1; i <= n; i++) {
            sb.append(i).append(',').append(i % 2).append(',').append(i == 150_000 ? big : (i % 3 == 0 ? "\"B\"" : "A"))
                    .append(',').append(i * 0.25).append('\n');
        }
        SurvivalData d = SurvivalData.csv(write("big.csv", sb.toString())).time("time").event("status", "1")
                .read();
        assertEquals(n, d.rowCount());
        double[] time = d.numbers("time");
        double[] x = d.numbers("x");
        for (int i = 0; i < n; i += 997) {
            assertEquals(i + 1, time[i], 0);
            assertEquals((i + 1) * 0.25, x[i], 0);
        }
        assertEquals(3, d.factor("arm").levelCount());
    }
}
