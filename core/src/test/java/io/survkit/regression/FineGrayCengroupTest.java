package io.survkit.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fine-Gray with crr's {@code cengroup} (a censoring distribution per site) and
 * {@code predict.crr}, against cmprsk 2.2-11 on cr_synth with groupB and x as in
 * {@code crr_cr_synth.R}; references by {@code src/test/resources/reference/crr_cengroup.R}
 * ({@code crr_cengroup.json}): coef, var, loglik, loglik.null, score, uftime, bfitj and the
 * predicted cumulative incidence of three covariate rows at every failure time, at 1e-9.
 */
class FineGrayCengroupTest {
    static final Path DIR = Oracle.root().getParent().resolve("reference");

    @ParameterizedTest
    @CsvSource({"cengroup_cause1,1,true,1e-6,10", "cengroup_cause2_tight,2,true,1e-12,50",
        "predict_cause1,1,false,1e-6,10"})
    void equalsCrr(String name, String cause, boolean cengroup, double gtol, int iterations) throws IOException {
        JsonNode e = new ObjectMapper().readTree(DIR.resolve("crr_cengroup.json").toFile()).get(name);
        SurvivalData d = SurvivalData.csv(DIR.resolve("crr_synth_x.csv")).time("time").causes("status", "0").read();
        FineGray fg = FineGray.withDefaults().withCause(cause).withTolerance(gtol).withMaxIterations(iterations);
        if (cengroup) {
            fg = fg.withCensoringGroups("site");
        }
        FineGrayResult r = fg.fit(d, "groupB + x");
        JsonNode nx = e.get("newx");
        double[][] rows = new double[nx.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {nx.get(i).get(0).asDouble(), nx.get(i).get(1).asDouble()};
        }
        assertCrr(e, r, name, gtol, rows);
    }

    /** Every number crr and predict.crr give: coef, var, loglik(s), score (unless tight), uftime, bfitj, CIF. */
    static void assertCrr(JsonNode e, FineGrayResult r, String name, double gtol, double[][] rows) {
        Oracle.assertNumbers(e.get("coef"), r.coefficients(), name + " coef");
        Oracle.assertMatrix(e.get("var"), r.variance(), name + " var");
        Oracle.assertNumber(e.get("loglik"), r.logLikelihood(), name + " loglik");
        Oracle.assertNumber(e.get("loglikNull"), r.logLikelihoodNull(), name + " loglik.null");
        if (gtol > 1e-9) {
            Oracle.assertNumbers(e.get("score"), r.score(), name + " score");
        }
        Oracle.assertNumbers(e.get("uftime"), r.failureTimes(), name + " uftime");
        Oracle.assertNumbers(e.get("bfitj"), r.baselineJumps(), name + " bfitj");
        Oracle.assertMatrix(e.get("predict"), r.predict(rows), name + " predict");
    }
}
