package io.survkit.regression;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fine-Gray against R {@code cmprsk::crr} (cmprsk 2.2-11, R 4.2.2) on {@code cr_synth} with the
 * covariates {@code groupB = (group == "B")} and {@code x = ((id * 37) %% 101) / 10}; the R code
 * is {@code src/test/resources/reference/crr_cr_synth.R}, its output {@code crr_cr_synth.json}.
 * Relative 1e-9 on every number crr returns (coef, var, loglik, loglik.null, score) and on
 * summary.crr's se, z and p.
 */
class FineGrayReferenceTest {

    static JsonNode reference() throws IOException {
        try (InputStream in = FineGrayReferenceTest.class.getResourceAsStream("/reference/crr_cr_synth.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** cr_synth with the two derived columns, as crr_cr_synth.R builds them. */
    static ModelFrame data() throws IOException {
        List<String> lines = Files.readAllLines(Oracle.data("cr_synth"));
        int n = lines.size() - 1;
        double[] time = new double[n];
        double[] status = new double[n];
        double[] groupB = new double[n];
        double[] x = new double[n];
        String[] arm3 = new String[n];
        String[] site = new String[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            int id = Integer.parseInt(f[0]);
            time[i] = Double.parseDouble(f[1]);
            status[i] = Double.parseDouble(f[2]);
            groupB[i] = f[3].equals("\"B\"") ? 1 : 0;
            x[i] = ((id * 37) % 101) / 10.0;
            arm3[i] = new String[] {"a", "b", "c"}[id % 3];
            site[i] = new String[] {"s1", "s2"}[id % 2];
        }
        return ModelFrame.of(SurvivalData.builder().time("time", time).causes("status", status, 0).numeric("groupB", groupB)
                .numeric("x", x).text("arm3", arm3).factor("site", site, "s1", "s2").build(), "groupB + x");
    }

    static void assertFit(JsonNode e, FineGrayResult r, String where) {
        assertEquals(List.of("groupB", "x"), r.terms());
        assertEquals(e.get("converged").asBoolean(), r.converged(), where + " converged");
        Oracle.assertNumbers(e.get("coef"), r.coefficients(), where + " coef");
        Oracle.assertNumbers(e.get("se"), r.standardErrors(), where + " se");
        Oracle.assertNumbers(e.get("z"), r.zStatistics(), where + " z");
        Oracle.assertNumbers(e.get("p"), r.pValues(), where + " p");
        Oracle.assertNumber(e.get("loglik"), r.logLikelihood(), where + " loglik");
        Oracle.assertNumber(e.get("loglikNull"), r.logLikelihoodNull(), where + " loglik.null");
        Oracle.assertMatrix(e.get("var"), r.variance(), where + " var");
        if (Math.abs(e.get("score").get(0).asDouble()) > 1e-10) { // not at the tight optimum, where both are noise
            Oracle.assertNumbers(e.get("score"), r.score(), where + " score");
        }
    }

    @Test
    void cause1MatchesCrrWithItsDefaultTolerance() throws IOException {
        FineGrayResult r = FineGray.withDefaults().fit(data());
        assertEquals("1", r.cause());
        assertFit(reference().get("crr_cause1"), r, "cause 1");
        assertEquals(300, r.size());
    }

    @Test
    void cause1ConvergedTightly() throws IOException {
        FineGrayResult r = FineGray.withDefaults().withTolerance(1e-13).withMaxIterations(50).fit(data());
        assertFit(reference().get("crr_cause1_tight"), r, "cause 1 tight");
    }

    @Test
    void cause2MatchesCrr() throws IOException {
        FineGrayResult r = FineGray.withDefaults().withCause("2").fit(data());
        assertFit(reference().get("crr_cause2"), r, "cause 2");
        assertTrue(r.toString().contains("groupB"), r.toString());
    }

    @Test
    void competingEventsAndCensoringsAtTimeZeroMatchCrr() {
        // reference/defects_issue12.R, case crr_time0: crr's censoring survival at time 0 includes the
        // time-0 censorings (issue 12: survkit used G = 1 there, up to 3e-4 relative off crr)
        JsonNode e = io.survkit.oracle.DefectReference.get("crr_time0");
        int n = 84;
        double[] time = new double[n];
        double[] status = new double[n];
        double[] x = new double[n];
        double[] codes = {0, 1, 2, 1};
        double[] tail = {0, 2, 0, 1};
        for (int k = 1; k <= n; k++) {
            time[k - 1] = k <= 80 ? (k * 7) % 23 : 0;
            status[k - 1] = k <= 80 ? codes[k % 4] : tail[k - 81];
            x[k - 1] = ((k * 13) % 17) / 4.0;
        }
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("time", time).causes("status", status, 0)
                .numeric("x", x).build(), "x");
        FineGrayResult r = FineGray.withDefaults().fit(d);
        assertEquals(e.get("converged").asBoolean(), r.converged());
        Oracle.assertNumber(e.get("coef"), r.coefficients()[0], "coef");
        Oracle.assertNumber(e.get("var").get(0).get(0), r.standardErrors()[0] * r.standardErrors()[0], "var");
        Oracle.assertNumber(e.get("loglik"), r.logLikelihood(), "loglik");
    }
}
