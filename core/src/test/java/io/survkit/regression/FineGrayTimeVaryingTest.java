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
 * Fine-Gray with a time-varying covariate (crr {@code cov2 = x}, {@code tf = log(t)} or {@code t},
 * the second with {@code cengroup = site} and cause 2) and predict.crr with cov2, against cmprsk
 * 2.2-11; references by {@code src/test/resources/reference/crr_cov2.R} ({@code crr_cov2.json}):
 * coef, var, loglik, loglik.null, score, uftime, bfitj and predicted cumulative incidence at 1e-9.
 */
class FineGrayTimeVaryingTest {
    static final Path DIR = Oracle.root().getParent().resolve("reference");

    @ParameterizedTest
    @CsvSource({"cov2_log,1,LOG,false,1e-6,10", "cov2_identity_cengroup,2,IDENTITY,true,1e-6,10"})
    void equalsCrr(String name, String cause, FineGrayTimeFunction tf, boolean cengroup, double gtol, int iterations)
            throws IOException {
        JsonNode e = new ObjectMapper().readTree(DIR.resolve("crr_cov2.json").toFile()).get(name);
        SurvivalData d = SurvivalData.csv(DIR.resolve("crr_synth_x.csv")).time("time").causes("status", "0").read();
        FineGray fg = FineGray.withDefaults().withCause(cause).withTolerance(gtol).withMaxIterations(iterations)
                .withTimeVaryingCovariate("x", tf);
        if (cengroup) {
            fg = fg.withCensoringGroups("site");
        }
        FineGrayResult r = fg.fit(d, "groupB + x");
        double[][] rows = new double[3][];
        for (int i = 0; i < 3; i++) {
            rows[i] = new double[] {e.get("newx1").get(i).get(0).asDouble(), e.get("newx1").get(i).get(1).asDouble(),
                e.get("newx2").get(i).get(0).asDouble()};
        }
        FineGrayCengroupTest.assertCrr(e, r, name, gtol, rows);
    }
}
