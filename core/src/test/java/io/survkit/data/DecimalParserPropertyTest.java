package io.survkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The CSV engine's number parsing gives the double {@link Double#parseDouble} gives (the correctly
 * rounded one), bit for bit, for the texts R and registries write and for the rare ones.
 */
class DecimalParserPropertyTest {

    private static List<String> texts(double v, int decimals) {
        List<String> t = new ArrayList<>();
        t.add(Double.toString(v));
        t.add(String.format(Locale.ROOT, "%." + decimals + "f", v));
        t.add(String.format(Locale.ROOT, "%." + decimals + "e", v));
        t.add(String.format(Locale.ROOT, "%.15g", v).strip());
        t.add(String.format(Locale.ROOT, "%.17g", v).strip());
        t.add(new BigDecimal(v).toPlainString());
        return t;
    }

    private static void same(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        double expected = Double.parseDouble(s);
        double got = DecimalParser.parse(b, 0, b.length);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got), s);
    }

    @Property(seed = "14")
    void anyDoubleInAnyCommonForm(@ForAll double v, @ForAll @IntRange(min = 0, max = 20) int decimals) {
        if (Double.isFinite(v)) {
            texts(v, decimals).forEach(DecimalParserPropertyTest::same);
        }
    }

    @Property(seed = "15")
    void dataLikeNumbers(@ForAll @DoubleRange(min = -1e6, max = 1e6) double v,
            @ForAll @IntRange(min = 0, max = 8) int decimals) {
        texts(v, decimals).forEach(DecimalParserPropertyTest::same);
    }

    @Test
    void edgeTexts() {
        for (String s : new String[] {"0", "-0", "+0", "0.0", ".5", "5.", "-.5", "1e5", "1E+05", "1e-5", "007",
            "9007199254740993", "9007199254740992", "123456789012345678", "1234567890123456789012", "1e22", "1e23",
            "4.9e-324", "2.2250738585072014E-308", "1.7976931348623157e308", "0.1", "0.3", "100000000000000000000000",
            "0.000000000000000000000000000001", "3.141592653589793238462643383279"}) {
            same(s);
        }
        for (String bad : new String[] {"1d", "abc", "1.2.3", "--1", "1e", "e5", "NaN", "-", "."}) {
            byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Double.NaN, DecimalParser.parse(b, 0, b.length), bad);
        }
    }

    @Property(seed = "16", tries = 50)
    void scannerInPlacePathEqualsParseDouble(@ForAll @DoubleRange(min = -1e9, max = 1e9) double v,
            @ForAll @IntRange(min = 0, max = 17) int decimals) throws IOException {
        List<String> t = texts(v, decimals);
        Path f = Files.createTempFile("numbers", ".csv");
        try {
            StringBuilder sb = new StringBuilder("x\n");
            t.forEach(s -> sb.append(s).append('\n'));
            Files.writeString(f, sb);
            CsvScanner s = new CsvScanner(f, ',', StandardCharsets.UTF_8);
            s.open();
            CsvScanner.Table table = s.scan(new int[] {0}, new CsvScanner.Kind[] {CsvScanner.Kind.NUMBER},
                    new String[] {"a number"});
            for (int i = 0; i < t.size(); i++) {
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(t.get(i))),
                        Double.doubleToRawLongBits(table.numbers[0][i]), t.get(i));
            }
        } finally {
            Files.delete(f);
        }
    }
}
