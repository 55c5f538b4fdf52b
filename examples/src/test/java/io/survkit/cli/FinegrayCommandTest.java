package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code survkit finegray --json} against cmprsk 2.2-11's crr (with {@code cengroup}) and
 * predict.crr, the references of core's {@code reference/crr_cengroup.R}: coef, var, loglik,
 * loglik.null, uftime, bfitj and the predicted cumulative incidence of three covariate rows at 1e-9.
 */
class FinegrayCommandTest {
    static final Path DIR = Path.of("..", "core", "src", "test", "resources", "reference");

    @ParameterizedTest
    @CsvSource({"cengroup_cause1,1,site,1e-6,10", "cengroup_cause2_tight,2,site,1e-12,50", "predict_cause1,1,,1e-6,10"})
    void jsonEqualsCrr(String name, String cause, String cengroup, String gtol, String iter, @TempDir Path dir)
            throws IOException {
        JsonNode e = OracleJson.JSON.readTree(DIR.resolve("crr_cengroup.json").toFile()).get(name);
        Path newx = dir.resolve("newx.csv");
        StringBuilder sb = new StringBuilder("x,groupB\n");
        for (JsonNode row : e.get("newx")) {
            sb.append(row.get(1).asText()).append(',').append(row.get(0).asText()).append('\n');
        }
        Files.writeString(newx, sb.toString());
        List<String> argv = new ArrayList<>(List.of("finegray", "--data", DIR.resolve("crr_synth_x.csv").toString(),
                "--time", "time", "--event", "status", "--cause", cause, "--covariates", "groupB,x", "--gtol", gtol,
                "--iter-max", iter, "--predict", newx.toString(), "--json"));
        JsonNode r = assertCrr(e, argv, cengroup, name);
        OracleJson.assertMatches(e.get("loglikNull"), r.get("loglikNull"), name + " loglik.null");
        OracleJson.assertMatches(e.get("uftime"), r.get("uftime"), name + " uftime");
        OracleJson.assertMatches(e.get("uftime"), r.get("predict").get("time"), name + " predict time");
    }

    /** Runs {@code argv} (with {@code --cengroup} when given), checks coef, var, loglik, bfitj, predict; the JSON. */
    private static JsonNode assertCrr(JsonNode e, List<String> argv, String cengroup, String name) throws IOException {
        if (cengroup != null) {
            argv.add("--cengroup");
            argv.add(cengroup);
        }
        JsonNode r = OracleJson.runJson(argv);
        OracleJson.assertMatches(e.get("coef"), r.get("coef"), name + " coef");
        OracleJson.assertMatches(e.get("var"), r.get("var"), name + " var");
        OracleJson.assertMatches(e.get("loglik"), r.get("loglik"), name + " loglik");
        OracleJson.assertMatches(e.get("bfitj"), r.get("bfitj"), name + " bfitj");
        OracleJson.assertMatches(e.get("predict"), r.get("predict").get("cif"), name + " predict");
        return r;
    }

    /** {@code --cov2 x --tf log|identity} against crr(cov2 = x, tf) and predict.crr (reference/crr_cov2.R). */
    @ParameterizedTest
    @CsvSource({"cov2_log,1,log,", "cov2_identity_cengroup,2,identity,site"})
    void timeVaryingEqualsCrr(String name, String cause, String tf, String cengroup, @TempDir Path dir)
            throws IOException {
        JsonNode e = OracleJson.JSON.readTree(DIR.resolve("crr_cov2.json").toFile()).get(name);
        Path newx = dir.resolve("newx.csv");
        String tv = "x*" + (tf.equals("log") ? "log(t)" : "t");
        StringBuilder sb = new StringBuilder("groupB,x,").append(tv).append('\n');
        for (int i = 0; i < 3; i++) {
            sb.append(e.get("newx1").get(i).get(0).asText()).append(',').append(e.get("newx1").get(i).get(1).asText())
                    .append(',').append(e.get("newx2").get(i).get(0).asText()).append('\n');
        }
        Files.writeString(newx, sb.toString());
        List<String> argv = new ArrayList<>(List.of("finegray", "--data", DIR.resolve("crr_synth_x.csv").toString(),
                "--time", "time", "--event", "status", "--cause", cause, "--covariates", "groupB,x", "--cov2", "x",
                "--tf", tf, "--predict", newx.toString(), "--json"));
        assertCrr(e, argv, cengroup, name);
    }

    @ParameterizedTest
    @CsvSource({"--event-value,1", "--cengroup,nosuch", "--cov2,nosuch"})
    void badOptionsAreOneLineErrors(String option, String value) {
        Object[] r = OracleJson.run("finegray", "--data", DIR.resolve("crr_synth_x.csv").toString(), "--time", "time",
                "--event", "status", "--covariates", "groupB,x", option, value);
        assertEquals(2, r[0], (String) r[2]);
        assertTrue(((String) r[2]).contains(option), (String) r[2]);
    }
}
