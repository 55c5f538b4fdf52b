package io.survkit.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Penalized Cox models against R survival 3.5-3 (regression/penalized/penalized.R, each case's
 * {@code rCall}): {@code pspline()} (lung with and without other terms, two splines, veteran with
 * strata and Breslow ties, a non-integer df) and {@code frailty()} (kidney, rats, lung by
 * institution): coefficients, var, var2, degrees of freedom, log-likelihoods, iterations (outer and
 * Newton-Raphson), penalties, theta, Wald and likelihood-ratio tests, frailties and their variances,
 * the I-likelihood, the concordance, and every number of R's printed table; 1e-9 relative.
 */
class PenalizedCoxTest {
    static Path dir() {
        return Oracle.root().getParent().resolve("regression").resolve("penalized");
    }

    static JsonNode cases() throws IOException {
        return new ObjectMapper().readTree(dir().resolve("penalized.json").toFile());
    }

    static SurvivalData data(JsonNode c) {
        String ds = c.get("dataset").asText();
        Path file = ds.equals("kidney") || ds.equals("rats") ? dir().resolve(ds + ".csv") : Oracle.data(ds);
        return SurvivalData.csv(file).time(c.get("time").asText())
                .event(c.get("event").asText(), c.get("eventValue").asText()).read();
    }

    static PenalizedCoxResult fit(JsonNode c) {
        PenalizedCoxRegression cox = PenalizedCoxRegression.withDefaults()
                .withTies(c.get("ties").asText().equals("breslow") ? TieMethod.BRESLOW : TieMethod.EFRON);
        return cox.fit(data(c), c.get("formula").asText());
    }

    @Test
    void equalsR() throws IOException {
        JsonNode all = cases();
        assertEquals(7, all.size());
        for (JsonNode c : all) {
            assertFit(c, fit(c), c.get("rCall").asText());
        }
    }

    /** {@code toString()} is R's {@code print(fit)} (print.coxph.penal) without its "Call:" block. */
    @Test
    void printsAsR() throws IOException {
        for (JsonNode c : cases()) {
            assertEquals(c.get("printed").asText().stripTrailing(), fit(c).toString().stripTrailing(),
                    c.get("rCall").asText());
        }
    }

    static double[] flat(double[][] m) {
        int p = m.length;
        double[] f = new double[p * p];
        for (int j = 0; j < p; j++) { // R's matrices are column-major
            for (int i = 0; i < p; i++) {
                f[j * p + i] = m[i][j];
            }
        }
        return f;
    }

    static void assertFit(JsonNode c, PenalizedCoxResult fit, String w) {
        Oracle.assertStrings(c.get("names"), fit.terms(), w + " names");
        assertEquals(c.get("iter").get(0).asInt(), fit.outerIterations(), w + " outer iterations");
        assertEquals(c.get("iter").get(1).asInt(), fit.iterations(), w + " Newton-Raphson iterations");
        Oracle.assertNumbers(c.get("coef"), fit.coefficients(), w + " coef");
        Oracle.assertNumbers(c.get("var"), flat(fit.variance()), w + " var");
        Oracle.assertNumbers(c.get("var2"), flat(fit.variance2()), w + " var2");
        Oracle.assertNumbers(c.get("df"), fit.degreesOfFreedom(), w + " df");
        Oracle.assertNumber(c.get("loglik").get(0), fit.logLikelihoodNull(), w + " loglik[1]");
        Oracle.assertNumber(c.get("loglik").get(1), fit.logLikelihood(), w + " loglik[2]");
        if (c.hasNonNull("frail")) {
            // a gamma frailty's penalty is -nu sum(w) over frailties recentred to mean(exp(w)) = 1: a sum
            // that cancels to ~ nu sum(w^2) / 2, so R's value carries the rounding of nu sum |w|; it is
            // compared at 1e-9 of that scale (its condition), the other penalty numbers at 1e-9 relative
            double scale = 0;
            for (double v : fit.frailties()) {
                scale += Math.abs(v);
            }
            scale /= fit.frailtyVariance().getAsDouble();
            for (int i = 0; i < 2; i++) {
                double e = c.get("penalty").get(i).asDouble();
                double a = fit.penalties()[i];
                assertTrue(Math.abs(a - e) <= 1e-9 * Math.max(scale, Math.abs(e)),
                        w + " penalty[" + i + "]: R " + e + ", survkit " + a + " (scale " + scale + ")");
            }
        } else {
            Oracle.assertNumbers(c.get("penalty"), fit.penalties(), w + " penalty");
        }
        Oracle.assertNumbers(c.get("theta"), fit.thetas(), w + " theta");
        Oracle.assertNumber(c.get("wald"), fit.waldStatistic(), w + " wald");
        Oracle.assertNumber(c.get("lrt").get("chisq"), fit.likelihoodRatioStatistic(), w + " lrt");
        Oracle.assertNumber(c.get("lrt").get("df"), fit.likelihoodRatioDegreesOfFreedom(), w + " lrt df");
        Oracle.assertNumber(c.get("lrt").get("p"), fit.likelihoodRatioPValue(), w + " lrt p");
        if (c.hasNonNull("frail")) {
            Oracle.assertNumbers(c.get("frail"), fit.frailties(), w + " frail");
            Oracle.assertNumbers(c.get("fvar"), fit.frailtyVariances(), w + " fvar");
            Oracle.assertNumber(c.get("iLoglik"), fit.integratedLogLikelihood().getAsDouble(), w + " I-likelihood");
        }
        List<PenalizedCoxResult.Row> rows = fit.rows();
        assertEquals(c.get("table").size(), rows.size(), w + " table rows");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode e = c.get("table").get(i);
            PenalizedCoxResult.Row r = rows.get(i);
            String at = w + " table " + e.get("name").asText();
            assertEquals(e.get("name").asText(), r.name(), at);
            Oracle.assertNumber(e.get("coef"), r.coefficient().orElse(Double.NaN), at + " coef");
            Oracle.assertNumber(e.get("se"), r.standardError().orElse(Double.NaN), at + " se");
            Oracle.assertNumber(e.get("se2"), r.standardError2().orElse(Double.NaN), at + " se2");
            Oracle.assertNumber(e.get("chisq"), r.chiSquare(), at + " chisq");
            Oracle.assertNumber(e.get("df"), r.degreesOfFreedom(), at + " df");
            Oracle.assertNumber(e.get("p"), r.pValue(), at + " p");
        }
        Oracle.assertNumber(c.get("concordance"), fit.concordance().value(), w + " concordance");
        Oracle.assertNumber(c.get("concordanceSe"), fit.concordance().standardError(), w + " concordance se");
        assertEquals(c.get("n").asInt(), fit.size(), w + " n");
        assertEquals(c.get("nevent").asInt(), fit.events(), w + " nevent");
    }

    @Test
    void badModelsAreNamed() throws IOException {
        SurvivalData lung = data(cases().get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PenalizedCoxRegression.withDefaults().fit(lung, "age + sex"));
        assertTrue(e.getMessage().contains("no pspline() or frailty() term"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PenalizedCoxRegression.withDefaults().fit(lung, "pspline(age, df = 1)"));
        assertTrue(e.getMessage().contains("df must be a finite number above 1")
                || e.getMessage().contains("degrees of freedom above 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PenalizedCoxRegression.withDefaults().withTies(TieMethod.EXACT));
        assertTrue(e.getMessage().contains("not available for penalized"), e.getMessage());
    }
}
