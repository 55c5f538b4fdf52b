package io.survkit.parametric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interval-censored survreg equal to R: {@code survreg(Surv(lower, upper, type = "interval2") ~ x +
 * g, dist = ...)} on {@code parametric/interval.csv} (120 rows: 5 left censored, 25 right censored,
 * 12 exact, 78 interval censored), references from {@code parametric/survreg_interval.R} (R 4.2.2,
 * survival 3.5-3; the script is beside the JSON), every field at relative 1e-7.
 */
class ParametricIntervalTest {
    static JsonNode cases() {
        try (InputStream in = ParametricIntervalTest.class.getResourceAsStream("/parametric/survreg_interval.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The CSV's columns: lower, upper (NaN = empty = open), x, g. */
    static Object[] read() throws IOException, URISyntaxException {
        Path p = Path.of(ParametricIntervalTest.class.getResource("/parametric/interval.csv").toURI());
        List<String> lines = Files.readAllLines(p);
        int n = lines.size() - 1;
        double[] lo = new double[n];
        double[] up = new double[n];
        double[] x = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            lo[i] = f[0].isEmpty() ? Double.NaN : Double.parseDouble(f[0]);
            up[i] = f[1].isEmpty() ? Double.NaN : Double.parseDouble(f[1]);
            x[i] = Double.parseDouble(f[2]);
            g[i] = f[3].replace("\"", "");
        }
        return new Object[] {lo, up, x, g};
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void equalsR(int k) throws Exception {
        JsonNode c = cases().get(k);
        Object[] cols = read();
        double[] lo = (double[]) cols[0];
        int n = lo.length;
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1);
        boolean[] ev = new boolean[n];
        java.util.Arrays.fill(ev, true);
        // the time and event roles are placeholders: the interval bounds are the response
        SurvivalData data = SurvivalData.builder().time("t", one).event("d", ev).numeric("lower", lo)
                .numeric("upper", (double[]) cols[1]).numeric("x", (double[]) cols[2]).text("g", (String[]) cols[3])
                .build();
        Distribution dist = Distribution.of(c.get("dist").asText());
        ParametricResult fit = ParametricRegression.withDefaults().withDistribution(dist)
                .withIntervalCensoring("lower", "upper").fit(data, "x + factor(g, ref = a)");
        String at = dist.optionName();
        assertEquals(c.get("n").asInt(), fit.size(), at + " n");
        assertEquals(c.get("iterations").asInt(), fit.iterations(), at + " iterations");
        assertEquals(c.get("statusCounts").get("1").asInt(), fit.events(), at + " exact rows");
        Oracle2.strings(c.get("terms"), fit.terms(), at + " terms");
        ParametricOracleTest.near(c.get("coef"), fit.coefficients(), at + " coef");
        ParametricOracleTest.near(c.get("se"), fit.standardErrors(), at + " se");
        ParametricOracleTest.near(c.get("scale"), fit.scales()[0], at + " scale");
        if (!c.get("logScale").isNull()) {
            ParametricOracleTest.near(c.get("logScale"), fit.logScales()[0], at + " logScale");
            ParametricOracleTest.near(c.get("logScaleSe"), fit.logScaleStandardErrors()[0], at + " logScaleSe");
        }
        double[][] v = fit.varianceMatrix();
        for (int i = 0; i < v.length; i++) {
            ParametricOracleTest.near(c.get("var").get(i), v[i], at + " var[" + i + "]");
        }
        ParametricOracleTest.near(c.get("loglik"), fit.logLikelihood(), at + " loglik");
        ParametricOracleTest.near(c.get("loglikNull"), fit.logLikelihoodNull(), at + " loglikNull");
        ParametricOracleTest.near(c.get("aic"), fit.aic(), at + " aic");
        List<Map<String, Object>> nd = List.of(Map.of("x", 50.0, "g", "a"), Map.of("x", 60.0, "g", "b"));
        double[] probs = {0.25, 0.5, 0.75};
        for (int s = 0; s < nd.size(); s++) {
            List<QuantileEstimate> q = fit.predict(nd.get(s)).quantiles(probs);
            for (int j = 0; j < probs.length; j++) {
                ParametricOracleTest.near(c.get("quantile").get("time").get(s).get(j), q.get(j).time(),
                        at + " quantile[" + s + "][" + j + "]");
                ParametricOracleTest.near(c.get("quantile").get("se").get(s).get(j), q.get(j).standardError(),
                        at + " quantile se[" + s + "][" + j + "]");
            }
        }
    }

    /** Asserting a list of names. */
    static final class Oracle2 {
        static void strings(JsonNode e, List<String> a, String where) {
            List<String> l = new ArrayList<>();
            e.forEach(x -> l.add(x.asText()));
            assertEquals(l, a, where);
        }
    }
}
