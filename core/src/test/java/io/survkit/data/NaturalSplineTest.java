package io.survkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link NaturalSpline} against R's {@code splines::ns(x, df)} and {@code predict(basis, newx)}
 * (R 4.2.2; {@code src/test/resources/reference/natural_spline.R}): knots, boundary knots and every
 * basis value at 1e-9 for the lung ages with df 1..5 (new values inside, at and beyond the boundary
 * knots, and missing), and for a tied variable with negative values.
 */
class NaturalSplineTest {
    @Test
    void equalsR() throws IOException {
        JsonNode all = new ObjectMapper().readTree(
                Oracle.root().getParent().resolve("reference").resolve("natural_spline.json").toFile());
        SurvivalData lung = SurvivalData.csv(Oracle.root().resolve("data").resolve("lung.csv")).time("time")
                .event("status", "2").read();
        double[] age = lung.numbers("age");
        int checked = 0;
        for (JsonNode c : all.get("cases")) {
            double[] x = c.has("x") ? doubles(c.get("x")) : age;
            NaturalSpline ns = NaturalSpline.of(x, c.get("df").asInt());
            String where = "ns(df = " + c.get("df").asInt() + ")";
            Oracle.assertNumbers(c.get("knots"), ns.interiorKnots(), where + " knots");
            Oracle.assertNumbers(c.get("boundary"), ns.boundaryKnots(), where + " boundary");
            double[][] basis = ns.basis(x);
            double[][] predicted = ns.basis(doubles(c.get("newx")));
            assertEquals(c.get("basis").size(), basis.length, where + " columns");
            for (int j = 0; j < basis.length; j++) {
                Oracle.assertNumbers(c.get("basis").get(j), basis[j], where + " column " + (j + 1));
                assertNaNWhereNull(c.get("predicted").get(j), predicted[j], where + " predicted column " + (j + 1));
                checked++;
            }
        }
        assertEquals(19, checked);
    }

    private static void assertNaNWhereNull(JsonNode e, double[] a, String where) {
        assertEquals(e.size(), a.length, where);
        for (int i = 0; i < a.length; i++) {
            if (e.get(i).isNull()) {
                assertEquals(Double.NaN, a[i], where + "[" + i + "]");
            } else {
                Oracle.assertNumber(e.get(i), a[i], where + "[" + i + "]");
            }
        }
    }

    private static double[] doubles(JsonNode a) {
        List<Double> l = new ArrayList<>();
        a.forEach(v -> l.add(v.isNull() ? Double.NaN : v.asDouble()));
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NaturalSpline.of(new double[] {1, 1, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> NaturalSpline.of(new double[] {1, 2, 3}, 0));
        assertThrows(IllegalArgumentException.class, () -> NaturalSpline.of(new double[] {1, Double.NaN}, 1));
    }

    @Test
    void formulaTermsParseAndRefuseBadDegreesOfFreedom() {
        assertEquals("ns(age, df = 3)", Terms.parse("ns(age, df = 3)").terms().get(0).formula());
        assertEquals(Terms.parse("ns(age, 3)").terms(), Terms.of(Terms.spline("age", 3)).terms());
        for (String bad : new String[] {"ns(age)", "ns(age, df = 0)", "ns(age, k = 3)", "ns(age, df = 2.5)"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Terms.parse(bad), bad);
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("df") || e.getMessage().contains(","),
                    e.getMessage());
        }
    }
}
