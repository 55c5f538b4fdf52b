package io.survkit.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading the issue-14 file (time, status, arm and 3 numeric covariates; {@code n} rows, written
 * as R's {@code fwrite} writes them) into primitive columns: survkit's byte-level engine beside the
 * libraries that could replace parts of it, all storing the same six columns.
 *
 * <ul>
 * <li>{@code engine}: {@link CsvScanner} alone (numbers parsed in place, text dictionary-coded).
 * <li>{@code read}: {@code SurvivalData.csv(...).read()}: the engine plus the builder's validation.
 * <li>{@code fastCsvFastDoubleParser}: FastCSV 4 records (a {@code String} per field), numbers by
 * FastDoubleParser 2, labels through a {@code HashMap}.
 * <li>{@code fastCsvParseDouble}: the same with {@link Double#parseDouble}.
 * <li>{@code commonsCsv}: Commons CSV 1.14 with {@link Double#parseDouble}, the reader survkit had
 * before.
 * </ul>
 *
 * The number parsers alone, on the numeric fields of the same file held as byte ranges:
 * {@code parseDecimalParser} (ours), {@code parseFastDoubleParser}, {@code parseJdk}
 * ({@code new String} + {@link Double#parseDouble}); {@code digits = 17} writes every number with
 * 17 significant digits (the round-trip form, outside our exact fast path).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CsvReadBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvReadBenchmark {
    @Param("1000000")
    public int n;

    /** {@code data}: as fwrite writes rounded data (2, 1 and 4 decimals); 17: round-trip digits. */
    @Param({"data", "17"})
    public String digits;

    private Path file;
    private byte[] bytes;
    private int[] from;
    private int[] to;

    @Setup
    public void setup() throws IOException {
        file = Files.createTempFile("survkit-csv-bench", ".csv");
        write(file, n, digits.equals("17"), 14);
        bytes = Files.readAllBytes(file);
        int fields = 0;
        from = new int[4 * n];
        to = new int[4 * n];
        int p = indexOf(bytes, 0, (byte) '\n') + 1;
        for (int r = 0; r < n; r++) {
            for (int f = 0; f < 6; f++) {
                int e = p;
                while (bytes[e] != ',' && bytes[e] != '\n') {
                    e++;
                }
                if (f != 1 && f != 2) {
                    from[fields] = p;
                    to[fields++] = e;
                }
                p = e + 1;
            }
        }
    }

    private static int indexOf(byte[] b, int p, byte c) {
        while (b[p] != c) {
            p++;
        }
        return p;
    }

    /** The issue-14 file: exponential times by arm, uniform censoring, age, bmi, score; seeded. */
    public static void write(Path file, int n, boolean fullDigits, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("time,status,arm,age,bmi,score\n");
            for (int i = 0; i < n; i++) {
                boolean a = r.nextBoolean();
                double t = -Math.log(1 - r.nextDouble()) * (a ? 20 : 26);
                double c = r.nextDouble() * 60;
                double time = Math.min(t, c);
                double age = 62 + 10 * gaussian(r);
                double bmi = 26 + 4 * gaussian(r);
                double score = r.nextDouble();
                if (fullDigits) {
                    w.write(String.format(Locale.ROOT, "%.17g,%d,%s,%.17g,%.17g,%.17g%n", time, t <= c ? 1 : 0,
                            a ? "A" : "B", age, bmi, score));
                } else {
                    w.write(Double.toString(Math.round(time * 100) / 100.0));
                    w.write(t <= c ? ",1," : ",0,");
                    w.write(a ? "A," : "B,");
                    w.write(Long.toString(Math.round(age)));
                    w.write(',');
                    w.write(Double.toString(Math.round(bmi * 10) / 10.0));
                    w.write(',');
                    w.write(Double.toString(Math.round(score * 1e4) / 1e4));
                    w.write('\n');
                }
            }
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Uses an existing file instead of writing one (for {@link CsvReadTimes}). */
    void use(Path existing) {
        file = existing;
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public CsvScanner.Table engine() {
        CsvScanner s = new CsvScanner(file, ',', StandardCharsets.UTF_8);
        s.open();
        CsvScanner.Kind num = CsvScanner.Kind.NUMBER;
        CsvScanner.Kind text = CsvScanner.Kind.TEXT;
        return s.scan(new int[] {0, 1, 2, 3, 4, 5}, new CsvScanner.Kind[] {num, text, text, num, num, num},
                new String[] {"a time", "a code", "a label", "a number", "a number", "a number"});
    }

    @Benchmark
    public SurvivalData read() {
        return SurvivalData.csv(file).time("time").event("status", "1").read();
    }

    /** Six primitive columns filled by a record-at-a-time reader. */
    private static final class Columns {
        final double[][] numbers = new double[4][];
        final int[][] codes = new int[2][];
        final Map<String, Integer>[] levels;
        int size;

        @SuppressWarnings("unchecked")
        Columns(int capacity) {
            for (int j = 0; j < 4; j++) {
                numbers[j] = new double[capacity];
            }
            codes[0] = new int[capacity];
            codes[1] = new int[capacity];
            levels = new Map[] {new HashMap<String, Integer>(), new HashMap<String, Integer>()};
        }

        void label(int j, String s) {
            Integer c = levels[j].get(s);
            if (c == null) {
                c = levels[j].size();
                levels[j].put(s, c);
            }
            codes[j][size] = c;
        }
    }

    @Benchmark
    public Columns fastCsvFastDoubleParser() throws IOException {
        return fastCsv(true);
    }

    @Benchmark
    public Columns fastCsvParseDouble() throws IOException {
        return fastCsv(false);
    }

    private Columns fastCsv(boolean fdp) throws IOException {
        Columns c = new Columns(n);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            boolean header = true;
            for (CsvRecord r : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                c.numbers[0][c.size] = fdp ? JavaDoubleParser.parseDouble(r.getField(0))
                        : Double.parseDouble(r.getField(0));
                c.label(0, r.getField(1));
                c.label(1, r.getField(2));
                for (int j = 1; j < 4; j++) {
                    c.numbers[j][c.size] = fdp ? JavaDoubleParser.parseDouble(r.getField(j + 2))
                            : Double.parseDouble(r.getField(j + 2));
                }
                c.size++;
            }
        }
        return c;
    }

    @Benchmark
    public Columns commonsCsv() throws IOException {
        Columns c = new Columns(n);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord r : parser) {
                c.numbers[0][c.size] = Double.parseDouble(r.get(0));
                c.label(0, r.get(1));
                c.label(1, r.get(2));
                for (int j = 1; j < 4; j++) {
                    c.numbers[j][c.size] = Double.parseDouble(r.get(j + 2));
                }
                c.size++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return c;
    }

    @Benchmark
    public double parseDecimalParser() {
        double s = 0;
        for (int k = 0; k < from.length; k++) {
            s += DecimalParser.parse(bytes, from[k], to[k]);
        }
        return s;
    }

    @Benchmark
    public double parseFastDoubleParser() {
        double s = 0;
        for (int k = 0; k < from.length; k++) {
            s += JavaDoubleParser.parseDouble(bytes, from[k], to[k] - from[k]);
        }
        return s;
    }

    @Benchmark
    public double parseJdk() {
        double s = 0;
        for (int k = 0; k < from.length; k++) {
            s += Double.parseDouble(new String(bytes, from[k], to[k] - from[k], StandardCharsets.US_ASCII));
        }
        return s;
    }
}
