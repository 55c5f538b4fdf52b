package io.survkit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.internal.RFormat.NotANumber;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * RFormat against R 4.2.2's printed strings at ties and near-ties ({@code internal/rformat/ties.R}
 * writes {@code ties.json}): R rounds the exact binary value, half to even only at exact ties
 * ({@code format(0.125, digits = 2)} is {@code "0.12"}, {@code format(2.5, digits = 1)} is {@code "2"},
 * {@code sprintf("%.1f", 0.15)} is {@code "0.1"}, {@code format(0.0125, digits = 2)} is {@code "0.013"}).
 */
class RFormatTest {
    private static JsonNode ties() throws IOException {
        try (InputStream in = RFormatTest.class.getResourceAsStream("/internal/rformat/ties.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode n) {
        if (!n.isArray()) {
            return new double[] {n.isNull() ? Double.NaN : n.asDouble()};
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).isNull() ? Double.NaN : n.get(i).asDouble();
        }
        return v;
    }

    private static String[] strings(JsonNode n) {
        if (!n.isArray()) {
            return new String[] {n.asText()};
        }
        String[] v = new String[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asText();
        }
        return v;
    }

    @Test
    void scalarsAsRFormatsThem() throws IOException {
        for (JsonNode c : ties().get("scalars")) {
            double v = c.get("value").asDouble();
            int d = c.get("digits").asInt();
            String what = v + " at " + d;
            assertEquals(c.get("format").asText(), RFormat.signif(v, d), "format(x, digits) " + what);
            assertEquals(c.get("sprintf_f").asText(), RFormat.fixed(v, d), "sprintf(%.*f) " + what);
            assertEquals(c.get("sprintf_e").asText(), RFormat.scientific(v, d), "sprintf(%.*e) " + what);
            assertEquals(c.get("round").asDouble(), RFormat.round(v, d), 0, "round(x, d) " + what);
        }
    }

    @Test
    void vectorsShareOneLayoutAsRFormatsThem() throws IOException {
        for (JsonNode c : ties().get("vectors")) {
            assertArrayEquals(strings(c.get("format")), RFormat.format(doubles(c.get("values")), c.get("digits").asInt()),
                    c.toString());
        }
    }

    @Test
    void pValuesAsFormatPval() throws IOException {
        for (JsonNode c : ties().get("pvalues")) {
            assertArrayEquals(strings(c.get("format")),
                    RFormat.formatPValues(doubles(c.get("values")), c.get("digits").asInt()), c.toString());
        }
    }

    /** R: {@code format.pval(NaN)} is "NA"; {@code format(round(NaN, 1))} is "NaN". */
    @Test
    void notANumberAsTheCallerSays() {
        assertEquals("NA", RFormat.formatPValue(Double.NaN, 1));
        assertEquals("NA", RFormat.fixed(Double.NaN, 3));
        assertEquals("NaN", RFormat.fixed(Double.NaN, 3, NotANumber.NAN));
        assertEquals("NaN", RFormat.signif(Double.NaN, 3, NotANumber.NAN));
        assertEquals("-Inf", RFormat.signif(Double.NEGATIVE_INFINITY, 3, NotANumber.NAN));
    }

    /**
     * R 4.2.2: {@code m <- matrix(c(0.125, NaN, NA, 2.5), 2); print(m, digits = 2)} prints the 0/0 as
     * NaN and the missing value as NA, each column at its own decimals.
     */
    @Test
    void matrixPrintsNaAndNaNAsR() {
        String[][] cells = {
            {RFormat.column(new double[] {0.125, Double.NaN}, 2, NotANumber.NAN)[0],
                RFormat.column(new double[] {Double.NaN, 2.5}, 2, NotANumber.NA)[0]},
            {RFormat.column(new double[] {0.125, Double.NaN}, 2, NotANumber.NAN)[1],
                RFormat.column(new double[] {Double.NaN, 2.5}, 2, NotANumber.NA)[1]}};
        assertEquals("     [,1] [,2]\n[1,] 0.12   NA\n[2,]  NaN  2.5\n",
                RFormat.table(new String[] {"[,1]", "[,2]"}, new String[] {"[1,]", "[2,]"}, cells));
    }

    /** C's sprintf keeps the sign of a negative value that rounds to zero: {@code sprintf("%.2f", -0.001)}. */
    @Test
    void negativeRoundingToZeroKeepsItsSign() {
        assertEquals("-0.00", RFormat.fixed(-0.001, 2));
        assertEquals("0.00", RFormat.fixed(0.0, 2));
    }
}
