package io.survkit.validation;

import static io.survkit.oracle.Oracle.assertNumbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scores from a survkit Cox fit: the shared {@code score_lung} and {@code score_veteran} data sets
 * hold R's predicted risks {@code 1 - S(t | x)} of {@code coxph} fitted on the other rows of lung /
 * veteran (oracle README, "Data sets"); refitting on those rows and predicting must give R's risk
 * columns (relative 1e-9) and so R's {@code Score} results (relative 1e-8).
 */
class CoxPredictionScoreTest {
    /** The rows of {@code dataset} (complete in the model's columns) whose row number is not a test id. */
    private static SurvivalData training(String dataset, SurvivalData test, String eventValue, String formula) {
        SurvivalData all = SurvivalData.csv(Oracle.data(dataset)).time("time").event("status", eventValue).read();
        Set<Integer> ids = new HashSet<>();
        for (double id : test.numbers("id")) {
            ids.add((int) id);
        }
        int[] rows = ModelFrame.of(all, formula).dataRows();
        int[] keep = new int[rows.length];
        int m = 0;
        for (int r : rows) {
            if (!ids.contains(all.sourceRow(r))) {
                keep[m++] = r;
            }
        }
        return all.rows(Arrays.copyOf(keep, m));
    }

    private static void check(String caseName, String dataset, String eventValue, String formula, String[] riskCols) {
        JsonNode c = Oracle.load(caseName);
        SurvivalData test = SurvivalData.csv(Oracle.data(c.get("dataset").asText())).time("time")
                .event("status", eventValue).read();
        CoxResult fit = CoxRegression.withDefaults().fit(training(dataset, test, eventValue, formula), formula);
        double[] times = new double[riskCols.length];
        for (int k = 0; k < times.length; k++) {
            times[k] = c.get("params").get("times").get(k).asDouble();
        }
        double[][] risk = CoxRisk.of(fit, ModelFrame.of(test, fit.formula()), times);
        for (int k = 0; k < times.length; k++) {
            JsonNode expected = new ObjectMapper().valueToTree(test.numbers(riskCols[k]));
            assertNumbers(expected, risk[k], caseName + " predicted risk at " + times[k]);
        }
        ScoreResult s = Score.withDefaults().estimate(test, times, fit);
        JsonNode e = c.get("result");
        for (int k = 0; k < times.length; k++) {
            for (String f : ScoreOracleTest.FIELDS) {
                ScoreOracleTest.near(e.get(f).get(k).asDouble(), ScoreOracleTest.field(s.at(k), f),
                        caseName + " " + f + "[" + k + "] from the Cox fit");
            }
        }
    }

    @Test
    void lung() {
        // coxph(Surv(time, status == 2) ~ age + sex + ph.ecog) on the 114 training rows
        check("score_lung", "lung", "2", "age + sex + ph.ecog", new String[] {"risk180", "risk365"});
    }

    @Test
    void veteran() {
        // coxph(Surv(time, status == 1) ~ karno + celltype) on the 69 training rows
        check("score_veteran", "veteran", "1", "karno + factor(celltype)", new String[] {"risk30", "risk90", "risk180"});
    }
}
