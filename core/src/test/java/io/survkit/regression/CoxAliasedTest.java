package io.survkit.regression;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.DefectReference;
import io.survkit.oracle.Oracle;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An aliased (collinear) column: R reports its coefficient as NA, its se(coef) as 0 and a zero row
 * and column of {@code fit$var} (issue 12: survkit gave null). Reference: reference/defects_issue12.R,
 * case cox_aliased ({@code coxph(Surv(time, status == 2) ~ age + age2 + sex, lung)}, age2 = 2 age).
 */
class CoxAliasedTest {

    private static ModelFrame lung() {
        SurvivalData base = SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read();
        double[] age = base.numbers("age");
        double[] age2 = new double[age.length];
        for (int i = 0; i < age.length; i++) {
            age2[i] = 2 * age[i];
        }
        return ModelFrame.of(base.withNumeric("age2", age2), "age + age2 + sex");
    }

    @Test
    void aliasedCoefficientHasStandardErrorZeroAsR() {
        JsonNode c = DefectReference.get("cox_aliased");
        CoxResult f = CoxRegression.withDefaults().fit(lung());
        double[] coef = f.coefficients();
        assertTrue(Double.isNaN(coef[1]), "age2 is aliased: NA");
        Oracle.assertNumber(c.get("coef").get(0), coef[0], "coef age");
        Oracle.assertNumber(c.get("coef").get(2), coef[2], "coef sex");
        Oracle.assertNumbers(c.get("se"), f.standardErrors(), "se");
        Oracle.assertMatrix(c.get("var"), f.variance(), "var");
        CoxResult r = CoxRegression.withDefaults().withVariance(CoxVariance.ROBUST).fit(lung());
        Oracle.assertNumbers(c.get("robustSe"), r.robustStandardErrors().orElseThrow(), "robust se");
    }
}
