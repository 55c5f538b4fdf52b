package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cox models with {@code ties = "exact"} against R survival 3.5-3
 * ({@code src/test/resources/regression/exact/generate.R}, each file's {@code rCall}), in the
 * layout and at the tolerance of the oracle's cox cases: coefficients, SEs, tests, iterations,
 * concordance and the baseline hazard (Breslow increments, as R's {@code survfit.coxph} for exact
 * ties).
 */
class CoxExactReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path root() {
        return Oracle.root().getParent().resolve("regression").resolve("exact");
    }

    static Stream<Path> cases() throws IOException {
        return files(root());
    }

    /** The JSON cases in {@code dir}, sorted by name. */
    static Stream<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> l = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            return l.stream();
        }
    }

    static JsonNode load(Path p) throws IOException {
        return JSON.readTree(p.toFile());
    }

    @Test
    void everyCaseIsFound() throws IOException {
        assertEquals(5, cases().count());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void equalsR(Path file) throws IOException {
        JsonNode c = load(file);
        io.survkit.data.ModelFrame data = Oracle.frame(c);
        CoxResult fit = CoxOracleTest.procedure(c.get("params")).fit(data);
        assertEquals(TieMethod.EXACT, fit.tieMethod());
        CoxOracleTest.assertCoefficientsAndTests(c, fit);
        CoxOracleTest.assertConcordance(c, fit);
        CoxOracleTest.assertBaselineHazard(c, fit);
    }
}
