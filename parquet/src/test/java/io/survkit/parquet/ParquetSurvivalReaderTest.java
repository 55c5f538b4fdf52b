package io.survkit.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blue.strategic.parquet.ParquetWriter;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet file written here from R's {@code veteran} data ({@code veteran.csv}, a copy of the
 * oracle's, with a few values set to null) reads into the same rows as the CSV reader gives for the same values.
 */
class ParquetSurvivalReaderTest {
    @TempDir
    static Path dir;

    private static Path parquet;
    private static Path csv;

    /** One veteran row as written: nulls where the CSV has NA. */
    private record Row(int trt, String celltype, Double time, int status, long karno, boolean dead, String notes) {
    }

    @BeforeAll
    static void write() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(ParquetSurvivalReaderTest.class.getResource("/veteran.csv").toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Row> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder("trt,celltype,time,status,karno,dead\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String cell = f[1].replace("\"", "");
            int k = rows.size();
            Double time = k % 17 == 5 ? null : Double.valueOf(f[2]);
            String celltype = k % 23 == 7 ? null : cell;
            int status = Integer.parseInt(f[3]);
            rows.add(new Row(Integer.parseInt(f[0]), celltype, time, status, Long.parseLong(f[4]), status == 1,
                    noise(k)));
            text.append(f[0]).append(',').append(celltype == null ? "NA" : celltype).append(',')
                    .append(time == null ? "NA" : f[2]).append(',').append(f[3]).append(',').append(f[4]).append(',')
                    .append(status).append('\n');
        }
        csv = dir.resolve("veteran.csv");
        Files.writeString(csv, text);
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.INT32).named("trt")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("celltype")
                .optional(PrimitiveTypeName.DOUBLE).named("time")
                .required(PrimitiveTypeName.INT32).named("status")
                .required(PrimitiveTypeName.INT64).named("karno")
                .required(PrimitiveTypeName.BOOLEAN).named("dead")
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("notes")
                .named("veteran");
        parquet = dir.resolve("veteran.parquet");
        try (ParquetWriter<Row> w = ParquetWriter.writeFile(schema, parquet.toFile(), (r, out) -> {
            out.write("trt", r.trt());
            if (r.celltype() != null) {
                out.write("celltype", r.celltype());
            }
            if (r.time() != null) {
                out.write("time", r.time());
            }
            out.write("status", r.status());
            out.write("karno", r.karno());
            out.write("dead", r.dead());
            out.write("notes", r.notes());
        })) {
            for (Row r : rows) {
                w.write(r);
            }
        }
    }

    @Test
    void sameRowsAsTheCsvReaderAndNullsOmitted() {
        String model = "celltype + strata(trt) + karno";
        ModelFrame p = ModelFrame.of(ParquetSurvivalData.read(parquet).time("time").event("status", "1").read(),
                model);
        ModelFrame c = ModelFrame.of(SurvivalData.csv(csv).time("time").event("status", "1").read(), model);
        assertTrue(p.omittedRows() > 0);
        assertEquals(c.omittedRows(), p.omittedRows());
        assertArrayEquals(c.times(), p.times());
        assertArrayEquals(c.statuses(), p.statuses());
        assertArrayEquals(c.sourceRows(), p.sourceRows());
        assertEquals(c.groups().orElseThrow().levels(), p.groups().orElseThrow().levels());
        assertArrayEquals(c.groups().orElseThrow().codes(), p.groups().orElseThrow().codes());
        assertEquals(c.strata().orElseThrow().levels(), p.strata().orElseThrow().levels());
        assertArrayEquals(c.strata().orElseThrow().codes(), p.strata().orElseThrow().codes());
        assertArrayEquals(c.column(c.columnNames().indexOf("karno")), p.column(p.columnNames().indexOf("karno")));
    }

    @Test
    void booleanEventIsOneForTrue() {
        SurvivalData p = ParquetSurvivalData.read(parquet).time("time").event("dead", "1").read();
        SurvivalData q = ParquetSurvivalData.read(parquet).time("time").event("status", "1").read();
        assertTrue(p.isNumeric("dead"));
        assertArrayEquals(q.statuses(), p.statuses());
    }

    /** 4 kB of incompressible text: the unused column holds nearly all of the file. */
    private static String noise(int k) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(k);
        StringBuilder sb = new StringBuilder(4096);
        for (int i = 0; i < 4096; i++) {
            sb.append((char) ('!' + r.nextInt(90)));
        }
        return sb.toString();
    }

    @Test
    void onlyTheColumnsUsedAreRead() throws IOException {
        long size = Files.size(parquet);
        long[] read = new long[1];
        SurvivalData d = new ParquetSurvivalReader(parquet, p -> new CountingInputFile(new LocalInputFile(p), read))
                .time("time").event("status", "1").columns("celltype").read();
        assertTrue(d.rowCount() > 100);
        assertTrue(size > 137 * 4096, "file " + size);
        assertTrue(read[0] < size / 10, "read " + read[0] + " of " + size + " bytes");
        long[] all = new long[1];
        new ParquetSurvivalReader(parquet, p -> new CountingInputFile(new LocalInputFile(p), all)).time("time")
                .event("status", "1").columns("notes").read();
        assertTrue(all[0] > 137 * 4096, "read " + all[0]);
    }

    @Test
    void unknownColumnAndMissingFileSayWhat() {
        String m = assertThrows(IllegalArgumentException.class, () -> ParquetSurvivalData.read(parquet).time("months")
                .event("status", "1").read()).getMessage();
        assertTrue(m.contains("unknown column 'months'") && m.contains("celltype"), m);
        String f = assertThrows(IllegalArgumentException.class, () -> ParquetSurvivalData.read(dir.resolve("no.parquet"))
                .time("t").event("e", "1").read()).getMessage();
        assertTrue(f.contains("no such file"), f);
    }
}
