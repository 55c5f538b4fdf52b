package io.survkit.validation;

import static io.survkit.oracle.Oracle.assertNumbers;

import com.fasterxml.jackson.databind.JsonNode;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
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
    private static SurvivalData training(String dataset, SurvivalData test, String eventValue, String... cov) {
        var r = SurvivalData.csv(Oracle.data(dataset)).time("time").event("status", eventValue);
        for (String c : cov) {
            if (c.startsWith("factor:")) {
                r.factor(c.substring(7));
            } else {
                r.numeric(c);
            }
        }
        SurvivalData all = r.read();
        Set<Integer> ids = new HashSet<>();
        for (double id : test.covariate("id").values()) {
            ids.add((int) id);
        }
        int[] keep = new int[all.size()];
        int m = 0;
        for (int i = 0; i < all.size(); i++) {
            if (!ids.contains(all.fileRow(i))) {
                keep[m++] = i;
            }
        }
        return all.rows(java.util.Arrays.copyOf(keep, m));
    }

    private static void check(String caseName, String dataset, String eventValue, String[] cov, String[] riskCols) {
        JsonNode c = Oracle.load(caseName);
        var reader = SurvivalData.csv(Oracle.data(c.get("dataset").asText())).time("time").event("status", eventValue)
                .numeric("id");
        for (String col : cov) {
            if (col.startsWith("factor:")) {
                reader.factor(col.substring(7));
            } else {
                reader.numeric(col);
            }
        }
        for (String col : riskCols) {
            reader.numeric(col);
        }
        SurvivalData test = reader.read();
        SurvivalData train = training(dataset, test, eventValue, cov);
        CoxResult fit = CoxRegression.withDefaults().fit(train.withCovariates(names(cov)));
        double[] times = new double[riskCols.length];
        for (int k = 0; k < times.length; k++) {
            times[k] = c.get("params").get("times").get(k).asDouble();
        }
        double[][] risk = CoxRisk.of(fit, test, times);
        for (int k = 0; k < times.length; k++) {
            double[] r = test.covariate(riskCols[k]).values();
            JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(r);
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

    private static String[] names(String[] cov) {
        String[] n = new String[cov.length];
        for (int i = 0; i < cov.length; i++) {
            n[i] = cov[i].startsWith("factor:") ? cov[i].substring(7) : cov[i];
        }
        return n;
    }

    @Test
    void lung() {
        // coxph(Surv(time, status == 2) ~ age + sex + ph.ecog) on the 114 training rows
        check("score_lung", "lung", "2", new String[] {"age", "sex", "ph.ecog"}, new String[] {"risk180", "risk365"});
    }

    @Test
    void veteran() {
        // coxph(Surv(time, status == 1) ~ karno + celltype) on the 69 training rows
        check("score_veteran", "veteran", "1", new String[] {"karno", "factor:celltype"},
                new String[] {"risk30", "risk90", "risk180"});
    }
}
