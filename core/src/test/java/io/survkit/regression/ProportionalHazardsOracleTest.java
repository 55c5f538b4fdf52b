package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code zph_*} oracle case: R {@code cox.zph(coxph(...), transform = "km")$table}, per term
 * and global, at relative 1e-8.
 */
class ProportionalHazardsOracleTest {
    static List<String> cases() {
        return Oracle.cases("zph");
    }

    @Test
    void everyCaseIsFound() {
        assertEquals(2, cases().size(), "zph cases in the oracle");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void table(String name) {
        JsonNode c = Oracle.load(name);
        JsonNode r = c.get("result");
        assertEquals("km", c.get("params").get("transform").asText());
        CoxResult fit = CoxOracleTest.fit(c);
        ProportionalHazardsResult zph = ProportionalHazardsTest.withDefaults().test(fit);
        assertEquals(r.get("nOmitted").asInt(), fit.omittedRows(), "nOmitted");
        Oracle.assertStrings(r.get("terms"), zph.terms(), "terms");
        CoxOracleTest.near(r.get("chisq"), zph.chiSquares(), "chisq");
        int[] df = zph.degreesOfFreedom();
        for (int i = 0; i < df.length; i++) {
            assertEquals(r.get("df").get(i).asInt(), df[i], "df[" + i + "]");
        }
        CoxOracleTest.near(r.get("p"), zph.pValues(), "p");
        CoxOracleTest.test(r.get("global"), zph.global(), "global");
    }
}
