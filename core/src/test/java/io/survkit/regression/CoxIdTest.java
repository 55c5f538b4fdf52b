package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The subject id role in Cox regression (issue 13: id distinct from cluster), against R survival
 * 3.5-3's {@code coxph(..., id = id)} (references by {@code regression/id/id.R}): without a cluster,
 * R's robust variance is on by default when a subject has more than one event or the weights are
 * fractional, and then sums within id (cgd); several rows per subject with at most one event each
 * leave it off (heart); {@code robust = FALSE} / {@code TRUE} override. Coefficients, variance, the
 * naive variance and the log-likelihoods at 1e-9.
 */
class CoxIdTest {
    private static final Path DIR = Oracle.root().getParent().resolve("regression").resolve("id");

    @ParameterizedTest
    @CsvSource({"cgd_id,cgd_w.csv,tstart,tstop,status,age + sex,,AUTO",
        "cgd_id_model,cgd_w.csv,tstart,tstop,status,age + sex,,MODEL",
        "cgd_id_weights,cgd_w.csv,tstart,tstop,status,age,w,AUTO",
        "heart_id,heart.csv,start,stop,event,age + transplant,,AUTO",
        "heart_id_robust,heart.csv,start,stop,event,age + transplant,,ROBUST"})
    void equalsR(String name, String file, String start, String stop, String event, String formula, String weights,
            CoxVariance variance) throws IOException {
        JsonNode e = null;
        for (JsonNode c : new ObjectMapper().readTree(DIR.resolve("id.json").toFile())) {
            if (c.get("name").asText().equals(name)) {
                e = c;
            }
        }
        var reader = SurvivalData.csv(DIR.resolve(file)).start(start).time(stop).event(event, "1").id("id");
        if (weights != null) {
            reader.weights(weights);
        }
        CoxResult fit = CoxRegression.withDefaults().withVariance(variance).fit(reader.read(), formula);
        assertEquals(e.get("robust").asBoolean(), fit.isRobust(), name + " robust");
        Oracle.assertNumbers(e.get("coefficients"), fit.coefficients(), name + " coefficients");
        Oracle.assertNumbers(e.get("loglik"), new double[] {fit.logLikelihoodNull(), fit.logLikelihood()},
                name + " loglik");
        Oracle.assertMatrix(e.get("var"), fit.variance(), name + " var");
        if (fit.isRobust()) {
            Oracle.assertMatrix(e.get("naiveVar"), fit.naiveVariance(), name + " naive.var");
        }
    }
}
