package io.survkit.spark;

import static io.survkit.spark.SparkTests.assertClose;
import static io.survkit.spark.SparkTests.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.regression.BaselineHazard;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.TieMethod;
import io.survkit.regression.CoxVariance;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code cox_*} case of R's oracle through {@link SparkSurvival#cox} on {@code local[2]}, with
 * the model-based variance: coefficients, standard errors, log-likelihoods, the three tests and the
 * baseline hazard equal core's {@code CoxRegression} on the same rows to 1e-10 relative, and R's
 * coef, se and log-likelihoods ({@code coxph}, rCall in each case) to R's own 1e-8 (its
 * convergence tolerance is 1e-9). For robust cases R's Wald and score tests are robust ones, so
 * only their model-based fields are compared with R.
 */
class SparkCoxOracleTest {

    static Stream<String> coxCases() {
        return SparkTests.cases("cox");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coxCases")
    void coxEqualsCoreAndR(String name) {
        JsonNode c = SparkTests.load(name);
        JsonNode p = c.get("params");
        CoxRegression cox = CoxRegression.withDefaults().withVariance(CoxVariance.MODEL)
                .withTies("breslow".equals(p.get("ties").asText()) ? TieMethod.BRESLOW : TieMethod.EFRON);
        CoxResult core = cox.fit(SparkTests.reader(c).read(), SparkTests.formula(c));
        List<String> terms = SparkTests.covariates(c);
        SparkCoxResult spark = SparkTests.survival(c).cox(cox, terms.toArray(new String[0]));
        assertEquals(core.terms(), spark.columnNames(), name + " columns");
        assertClose(core.coefficients(), spark.coefficients(), name + " coef");
        assertClose(core.standardErrors(), spark.standardErrors(), name + " se");
        assertClose(core.logLikelihoodNull(), spark.logLikelihoodNull(), name + " loglik0");
        assertClose(core.logLikelihood(), spark.logLikelihood(), name + " loglik");
        assertClose(core.likelihoodRatioTest().statistic(), spark.likelihoodRatioTest().statistic(), name + " lrt");
        assertClose(core.waldTest().statistic(), spark.waldTest().statistic(), name + " wald");
        assertClose(core.scoreTest().statistic(), spark.scoreTest().statistic(), name + " score");
        assertClose(core.hazardRatioLower(), spark.hazardRatioLower(), name + " lower");
        assertClose(core.pValues(), spark.pValues(), name + " p");
        assertEquals(core.iterations(), spark.iterations(), name + " iterations");
        assertEquals(core.converged(), spark.converged(), name + " converged");
        assertEquals(core.size(), spark.size(), name + " n");
        assertEquals(core.events(), spark.events(), name + " events");
        assertEquals(core.omittedRows(), spark.omittedRows(), name + " omitted");
        assertEquals(core.warnings().size(), spark.warnings().size(), name + " warnings " + spark.warnings());
        BaselineHazard a = core.prediction().baselineHazard();
        BaselineHazard b = spark.baselineHazard();
        assertClose(a.times(), b.times(), name + " baseline time");
        assertClose(a.cumulativeHazards(), b.cumulativeHazards(), name + " baseline cumhaz");
        assertEquals(a.strata(), b.strata(), name + " baseline strata");
        JsonNode r = c.get("result");
        for (int j = 0; j < spark.coefficients().length; j++) {
            if (r.get("coef").get(j).isNull()) {
                assertTrue(Double.isNaN(spark.coefficients()[j]), name + " R NA coef " + j);
                continue;
            }
            assertTrue(SparkTests.close(r.get("coef").get(j).asDouble(), spark.coefficients()[j], 1e-8), name + " R coef");
            assertTrue(SparkTests.close(r.get("se").get(j).asDouble(), spark.standardErrors()[j], 1e-8), name + " R se");
        }
        assertTrue(SparkTests.close(r.get("loglik").asDouble(), spark.logLikelihood(), 1e-8), name + " R loglik");
        assertTrue(SparkTests.close(r.get("lrt").get("chisq").asDouble(), spark.likelihoodRatioTest().statistic(),
                1e-8), name + " R lrt");
        if (!p.get("robust").asBoolean()) {
            assertTrue(SparkTests.close(r.get("wald").get("chisq").asDouble(), spark.waldTest().statistic(), 1e-8),
                    name + " R wald");
            assertTrue(SparkTests.close(r.get("score").get("chisq").asDouble(), spark.scoreTest().statistic(), 1e-8),
                    name + " R score");
        }
        assertTrue(text(p, "time") != null);
    }

    /**
     * The robust variance with strata and Breslow ties (no R robust case has them): the stratified
     * veteran model with {@code robust = TRUE} equals core's robust fit of the same rows (whose robust
     * variance equals R's on the cluster cases) to 1e-10.
     */
    @org.junit.jupiter.api.Test
    void stratifiedRobustVarianceEqualsCore() {
        JsonNode c = SparkTests.load("cox_veteran_trt_karno_strata_celltype_efron");
        for (TieMethod ties : TieMethod.values()) {
            if (ties == TieMethod.EXACT) {
                continue;
            }
            CoxRegression cox = CoxRegression.withDefaults().withVariance(CoxVariance.ROBUST).withTies(ties);
            CoxResult core = cox.fit(SparkTests.reader(c).read(), SparkTests.formula(c));
            SparkCoxResult spark = SparkTests.survival(c).cox(cox, SparkTests.covariates(c).toArray(new String[0]));
            assertClose(core.robustStandardErrors().orElseThrow(), spark.robustStandardErrors().orElseThrow(), ties + " robust se");
            assertClose(core.waldTest().statistic(), spark.waldTest().statistic(), ties + " wald");
            assertClose(core.scoreTest().statistic(), spark.scoreTest().statistic(), ties + " robust score");
        }
    }

    static Stream<String> robustCases() {
        return SparkTests.cases("cox").filter(n -> SparkTests.load(n).get("params").get("robust").asBoolean());
    }

    /**
     * The robust (sandwich) variance by the second distributed pass, on every oracle case where R
     * used it (cluster(id), non-integer weights, robust = TRUE): robust standard errors, the robust
     * Wald and score tests, intervals and p-values equal core's to 1e-10 relative, and R's robust se,
     * Wald and score statistics to 1e-8.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("robustCases")
    void robustVarianceEqualsCoreAndR(String name) {
        JsonNode c = SparkTests.load(name);
        JsonNode p = c.get("params");
        CoxRegression cox = CoxRegression.withDefaults().withVariance(CoxVariance.ROBUST)
                .withTies("breslow".equals(p.get("ties").asText()) ? TieMethod.BRESLOW : TieMethod.EFRON);
        CoxResult core = cox.fit(SparkTests.reader(c).read(), SparkTests.formula(c));
        SparkCoxResult spark = SparkTests.survival(c).cox(cox, SparkTests.covariates(c).toArray(new String[0]));
        assertTrue(core.isRobust() && spark.isRobust(), name);
        assertClose(core.robustStandardErrors().orElseThrow(), spark.robustStandardErrors().orElseThrow(), name + " robust se");
        assertClose(core.standardErrors(), spark.standardErrors(), name + " se");
        assertClose(core.waldTest().statistic(), spark.waldTest().statistic(), name + " wald");
        assertClose(core.scoreTest().statistic(), spark.scoreTest().statistic(), name + " robust score");
        assertClose(core.hazardRatioLower(), spark.hazardRatioLower(), name + " lower");
        assertClose(core.hazardRatioUpper(), spark.hazardRatioUpper(), name + " upper");
        assertClose(core.zStatistics(), spark.zStatistics(), name + " z");
        assertClose(core.pValues(), spark.pValues(), name + " p");
        assertEquals(core.warnings(), spark.warnings(), name + " warnings");
        JsonNode r = c.get("result");
        for (int j = 0; j < spark.coefficients().length; j++) {
            assertTrue(SparkTests.close(r.get("robustSe").get(j).asDouble(), spark.robustStandardErrors().orElseThrow()[j], 1e-8),
                    name + " R robust se " + j);
        }
        assertTrue(SparkTests.close(r.get("wald").get("chisq").asDouble(), spark.waldTest().statistic(), 1e-8),
                name + " R wald");
        assertTrue(SparkTests.close(r.get("score").get("chisq").asDouble(), spark.scoreTest().statistic(), 1e-8),
                name + " R robust score");
    }
}
