package io.survkit.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The null model's standard error and limits, the model-minus-null Brier contrast and the printed
 * result of {@link Score}, against {@code src/test/resources/validation/score_null_contrast.R}
 * (riskRegression 2022.11.28 {@code Score} on the shared score cases: {@code fit$Brier$score} Null
 * model rows, {@code fit$Brier$contrasts}, {@code print(fit)}); relative 1e-8 (Score's tolerance;
 * the JSON holds 15 digits).
 */
class ScoreNullModelTest {
    @ParameterizedTest
    @ValueSource(strings = {"score_lung", "score_veteran"})
    void againstR(String name) throws Exception {
        JsonNode e = CalibrationReferenceTest.load(name + "_null_contrast");
        ScoreResult r = ScoreOracleTest.run(Oracle.load(name));
        JsonNode j = new ObjectMapper().readTree(r.toJson());
        for (String f : List.of("brierNullSe", "brierNullLower", "brierNullUpper", "deltaBrier", "deltaBrierSe",
                "deltaBrierLower", "deltaBrierUpper", "deltaBrierP")) {
            for (int k = 0; k < r.timeCount(); k++) {
                ScoreOracleTest.near(e.get(f).get(k).asDouble(), j.get(f).get(k).asDouble(), name + " " + f + "[" + k + "]");
            }
        }
        // R prints its NOTE lines with message() (standard error); the rest is standard output
        String printed = r.toString().lines().filter(l -> !l.startsWith("NOTE:")).reduce("", (a, b) -> a + b + "\n");
        String expected = e.get("print").asText() + "\n";
        assertEquals(expected.replaceAll("\n\n+", "\n\n").strip(), printed.replaceAll("\n\n+", "\n\n").strip());
    }
}
