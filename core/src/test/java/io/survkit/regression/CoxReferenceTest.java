package io.survkit.regression;

import io.survkit.data.ModelFrame;
import static io.survkit.regression.CoxOracleTest.near;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Residuals, predicted curves, interactions and cox.zph beyond the shared oracle, against R
 * 4.2.2 / survival 3.5-3 values in {@code src/test/resources/regression/cox_extra.json}, made by
 * {@code generate.R} there (each entry names its R call). Relative 1e-8.
 */
class CoxReferenceTest {
    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = CoxReferenceTest.class.getResourceAsStream("/regression/cox_extra.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    static ModelFrame amlData() {
        return ModelFrame.of(SurvivalData.csv(Oracle.data("aml")).time("time").event("status", "1").read(), "factor(x, ref = Maintained)");
    }

    static ModelFrame ovarian() {
        return ModelFrame.of(SurvivalData.csv(Oracle.data("ovarian")).time("futime").event("fustat", "1").weights("w")
                .read(), "age + rx");
    }

    static ModelFrame veteranStrataData() {
        return ModelFrame.of(SurvivalData.csv(Oracle.data("veteran")).time("time").event("status", "1")
                .read(), "trt + karno + strata(celltype)");
    }

    static ModelFrame cgd() {
        return ModelFrame.of(SurvivalData.csv(Oracle.data("cgd")).start("tstart").time("tstop").event("status", "1")
                .read(), "factor(treat, ref = placebo) + age");
    }

    static ModelFrame ties() {
        return ModelFrame.of(SurvivalData.csv(Oracle.data("edge_ties")).time("time").event("status", "1").read(), "factor(group, ref = A)");
    }

    static ModelFrame fracw() {
        return ModelFrame.of(SurvivalData.csv(Oracle.data("edge_fracw")).time("time").event("status", "1").weights("w")
                .read(), "factor(group, ref = A) + x");
    }

    @Test
    void aml() {
        CoxResult f = CoxRegression.withDefaults().fit(amlData());
        all(ref.get("aml"), f);
        curve(ref.get("aml").get("curve"),
                f.prediction().survivalCurve(f.prediction().modelRow(Map.of("x", "Nonmaintained"))));
    }

    @Test
    void ovarianWeighted() {
        CoxResult f = CoxRegression.withDefaults().fit(ovarian());
        assertEquals(false, f.isRobust());
        all(ref.get("ovarian"), f);
        curve(ref.get("ovarian").get("curve"), f.prediction().survivalCurve(60, 2));
    }

    @Test
    void veteranStrata() {
        CoxResult f = CoxRegression.withDefaults().fit(veteranStrataData());
        all(ref.get("veteranStrata"), f);
        curve(ref.get("veteranStrata").get("curve"), f.prediction().survivalCurve(1, 60));
    }

    @Test
    void cgdCountingProcess() {
        CoxResult f = CoxRegression.withDefaults().fit(cgd());
        all(ref.get("cgd"), f);
        curve(ref.get("cgd").get("curve"),
                f.prediction().survivalCurve(f.prediction().modelRow(Map.of("treat", "rIFN-g", "age", "20"))));
    }

    @Test
    void cgdCountingProcessBreslow() {
        all(ref.get("cgdBreslow"), CoxRegression.withDefaults().withTies(TieMethod.BRESLOW).fit(cgd()));
    }

    @Test
    void heavyTiesBreslow() {
        CoxResult f = CoxRegression.withDefaults().withTies(TieMethod.BRESLOW).fit(ties());
        all(ref.get("tiesBreslow"), f);
        curve(ref.get("tiesBreslow").get("curve"), f.prediction().survivalCurve(1));
    }

    @Test
    void heavyTiesEfron() {
        CoxResult f = CoxRegression.withDefaults().fit(ties());
        all(ref.get("tiesEfron"), f);
        curve(ref.get("tiesEfron").get("curve"), f.prediction().survivalCurve(1));
    }

    @Test
    void fractionalWeightsRobust() {
        CoxResult f = CoxRegression.withDefaults().fit(fracw());
        assertEquals(true, f.isRobust());
        JsonNode r = ref.get("fracwRobustCurve");
        all(r, f);
        // survfit.coxph uses fit$var, the robust one here
        curve(r.get("curve"), f.prediction().survivalCurve(1, 0.5));
    }

    @Test
    void numericInteraction() {
        ModelFrame lung = ModelFrame.of(SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2")
                .read(), "age * sex");
        CoxResult f = CoxRegression.withDefaults().fit(lung);
        JsonNode r = ref.get("lungInteraction");
        fit(r.get("fit"), f);
        zph(r.get("zph"), ProportionalHazardsTest.withDefaults().test(f));
        near(r.get("concordance").get(0), f.concordance(), "concordance");
        near(r.get("concordance").get(1), f.concordanceStandardError(), "concordanceSe");
    }

    @Test
    void factorInteraction() {
        ModelFrame vet = ModelFrame.of(SurvivalData.csv(Oracle.data("veteran")).time("time").event("status", "1")
                .read(), "karno * factor(celltype, ref = squamous)");
        CoxResult f = CoxRegression.withDefaults().fit(vet);
        JsonNode r = ref.get("veteranFactorInteraction");
        fit(r.get("fit"), f);
        assertEquals(List.of("karno", "celltype", "karno:celltype"), f.modelTerms());
        zph(r.get("zph"), ProportionalHazardsTest.withDefaults().test(f));
        near(r.get("concordance").get(0), f.concordance(), "concordance");
        near(r.get("concordance").get(1), f.concordanceStandardError(), "concordanceSe");
        curve(r.get("curve"),
                f.prediction().survivalCurve(f.prediction().modelRow(Map.of("karno", "60", "celltype", "adeno"))));
    }

    @Test
    void otherTransforms() {
        ModelFrame lung = ModelFrame.of(SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2")
                .read(), "age + sex");
        CoxResult f = CoxRegression.withDefaults().fit(lung);
        JsonNode r = ref.get("lungTransforms");
        zph(r.get("identity"), ProportionalHazardsTest.withDefaults().withTransform(TimeTransform.IDENTITY).test(f));
        zph(r.get("log"), ProportionalHazardsTest.withDefaults().withTransform(TimeTransform.LOG).test(f));
        zph(r.get("rank"), ProportionalHazardsTest.withDefaults().withTransform(TimeTransform.RANK).test(f));
    }

    private static void all(JsonNode r, CoxResult f) {
        fit(r.get("fit"), f);
        resid(r.get("resid"), f);
        zph(r.get("zph"), ProportionalHazardsTest.withDefaults().test(f));
    }

    private static void fit(JsonNode e, CoxResult f) {
        assertEquals(strings(e.get("terms")), f.terms(), "terms");
        near(e.get("coef"), f.coefficients(), "coef");
        near(e.get("se"), f.reportedStandardErrors(), "se");
        near(e.get("loglik").get(0), f.logLikelihoodNull(), "loglik[0]");
        near(e.get("loglik").get(1), f.logLikelihood(), "loglik[1]");
        assertEquals(e.get("iter").get(0).asInt(), f.iterations(), "iter");
    }

    private static void resid(JsonNode e, CoxResult f) {
        near(e.get("martingale"), f.residuals().martingale(), "martingale");
        near(e.get("deviance"), f.residuals().deviance(), "deviance");
        matrix(e.get("score"), f.residuals().score(), "score");
        matrix(e.get("schoenfeld"), f.residuals().schoenfeld(), "schoenfeld");
        matrix(e.get("scaledsch"), f.residuals().scaledSchoenfeld(), "scaledsch");
        matrix(e.get("dfbeta"), f.residuals().dfbeta(), "dfbeta");
        near(e.get("schoenfeldTime"), f.residuals().schoenfeldTimes(), "schoenfeldTime");
        near(e.get("lp"), f.linearPredictors(), "lp");
    }

    private static void curve(JsonNode e, PredictedSurvival s) {
        near(e.get("time"), s.times(), "curve.time");
        near(e.get("cumhaz"), s.cumulativeHazards(), "curve.cumhaz");
        near(e.get("stdErr"), s.standardErrors(), "curve.stdErr");
        double[] lo = new double[s.size()];
        double[] hi = new double[s.size()];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = s.lower(i);
            hi[i] = s.upper(i);
        }
        near(e.get("lower"), lo, "curve.lower");
        near(e.get("upper"), hi, "curve.upper");
        if (e.get("strata").isNull()) {
            assertTrue(s.strata().isEmpty());
        } else {
            assertEquals(strings(e.get("strata")), s.strata().orElseThrow(), "curve.strata");
        }
    }

    private static void zph(JsonNode e, ProportionalHazardsResult z) {
        assertEquals(strings(e.get("terms")), z.terms(), "zph.terms");
        int k = z.size();
        for (int i = 0; i < k; i++) {
            near(e.get("chisq").get(i), z.chiSquares()[i], "zph.chisq[" + i + "]");
            assertEquals(e.get("df").get(i).asInt(), z.degreesOfFreedom()[i], "zph.df[" + i + "]");
            near(e.get("p").get(i), z.pValues()[i], "zph.p[" + i + "]");
        }
        near(e.get("chisq").get(k), z.global().statistic(), "zph.global.chisq");
        assertEquals(e.get("df").get(k).asInt(), z.global().degreesOfFreedom(), "zph.global.df");
        near(e.get("p").get(k), z.global().pValue(), "zph.global.p");
    }

    private static void matrix(JsonNode e, double[][] a, String where) {
        assertEquals(e.size(), a.length, where + ": rows");
        for (int i = 0; i < a.length; i++) {
            near(e.get(i), a[i], where + "[" + i + "]");
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> l = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> l.add(x.asText()));
        } else {
            l.add(n.asText());
        }
        return l;
    }
}
