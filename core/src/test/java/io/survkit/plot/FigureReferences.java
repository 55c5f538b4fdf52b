package io.survkit.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;

/** R's values for the issue-15 figures: {@code reference/figures.json}, made by {@code figures.R} beside it. */
final class FigureReferences {
    private FigureReferences() {
    }

    static JsonNode load() {
        try {
            return new ObjectMapper().readTree(Oracle.root().getParent().resolve("reference").resolve("figures.json")
                    .toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The oracle's lung data with status 2 as the event (R: {@code Surv(time, status == 2)}). */
    static SurvivalData lung() {
        return SurvivalData.csv(Oracle.root().resolve("data").resolve("lung.csv")).time("time").event("status", "2")
                .read();
    }

    static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        }
        return v;
    }

    /** Relative difference within 1e-9 (absolute near 0); R's NA (NaN) must be NaN. */
    static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(actual), what + ": R has NA, got " + actual);
            return;
        }
        double tol = 1e-9 * Math.max(1, Math.abs(expected));
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, tol, what);
    }
}
