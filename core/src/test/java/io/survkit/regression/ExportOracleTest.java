package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.data.ModelFrame;
import io.survkit.oracle.Oracle;
import io.survkit.table.Table;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library's JSON of Cox, cox.zph, logistic and Fine-Gray results equals R's oracle case or
 * reference field by field (relative 1e-8 as the other Cox and glm tests: R's own convergence is
 * 1e-9), and the tidy coefficient tables hold R's numbers.
 */
class ExportOracleTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.survkit.regression.CoxOracleTest#cases")
    void coxJsonIsTheOracleResult(String name) {
        JsonNode c = Oracle.load(name);
        CoxResult fit = CoxOracleTest.fit(c);
        Oracle.assertJson(c.get("result"), Oracle.parse(fit.toJson()), name, CoxOracleTest.REL);
        Table t = fit.table();
        assertEquals(List.of("term", "coef", "se", "robustSe", "hr", "hrLower", "hrUpper", "z", "p"), t.columnNames());
        Oracle.assertStrings(c.get("result").get("terms"), t.texts("term"), name + " terms");
        CoxOracleTest.near(c.get("result").get("coef"), t.numbers("coef"), name + " coef");
        CoxOracleTest.near(c.get("result").get("hrUpper"), t.numbers("hrUpper"), name + " hrUpper");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.survkit.regression.ProportionalHazardsOracleTest#cases")
    void zphJsonIsTheOracleResult(String name) {
        JsonNode c = Oracle.load(name);
        ProportionalHazardsResult zph = ProportionalHazardsTest.withDefaults().test(CoxOracleTest.fit(c));
        Oracle.assertJson(c.get("result"), Oracle.parse(zph.toJson()), name, CoxOracleTest.REL);
        Table t = zph.table();
        assertEquals(zph.terms().size() + 1, t.rowCount());
        assertEquals("GLOBAL", t.texts("term").get(t.rowCount() - 1));
        CoxOracleTest.near(c.get("result").get("global").get("chisq"), t.number(t.rowCount() - 1, "chisq"), "global");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.survkit.regression.LogisticOracleTest#cases")
    void logisticJsonIsTheOracleResult(String name) {
        JsonNode c = Oracle.load(name);
        LogisticResult fit = LogisticOracleTest.fit(c);
        ObjectNode expected = c.get("result").deepCopy();
        expected.remove("smdBefore"); // a balance statistic, not part of the glm fit (arms.BalanceResult has it)
        Oracle.assertJson(expected, Oracle.parse(fit.toJson()), name, LogisticOracleTest.REL);
        assertEquals(List.of("term", "coef", "se", "robustSe", "or", "orLower", "orUpper", "z", "p"),
                fit.table().columnNames());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1", "2"})
    void fineGrayJsonIsCrrs(String cause) throws IOException {
        FineGrayResult r = FineGray.withDefaults().withCause(cause).fit(FineGrayReferenceTest.data());
        ObjectNode expected = FineGrayReferenceTest.reference().get("crr_cause" + cause).deepCopy();
        expected.remove("rCall");
        Oracle.assertJson(expected, Oracle.parse(r.toJson()), "crr cause " + cause, Oracle.REL);
        assertEquals(r.terms(), r.table().texts("term"));
    }
}
