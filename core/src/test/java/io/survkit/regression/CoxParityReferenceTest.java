package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cox models with the R options of issue 13 (natural splines {@code ns(x, df)}, the convergence
 * criterion {@code coxph.control(eps =, iter.max =)}, the initial values {@code init}), fitted from {@code params.formula}, against R survival 3.5-3
 * ({@code src/test/resources/regression/parity/generate.R}, each file's {@code rCall}); every field of
 * the oracle's cox layout at its tolerance.
 */
class CoxParityReferenceTest {
    static Path root() {
        return Oracle.root().getParent().resolve("regression").resolve("parity");
    }

    static Stream<Path> cases() throws IOException {
        return CoxExactReferenceTest.files(root());
    }

    @Test
    void everyCaseIsFound() throws IOException {
        assertEquals(6, cases().count());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void equalsR(Path file) throws IOException {
        JsonNode c = CoxExactReferenceTest.load(file);
        CoxResult fit = CoxOracleTest.procedure(c.get("params"))
                .fit(Oracle.survivalData(c), c.get("params").get("formula").asText());
        CoxOracleTest.assertCoefficientsAndTests(c, fit);
        CoxOracleTest.assertConcordance(c, fit);
        CoxOracleTest.assertBaselineHazard(c, fit);
    }
}
