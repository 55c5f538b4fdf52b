package io.survkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.CsvSurvivalReader;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The weighted log-rank test with case weights against R: the robust score test of
 * {@code coxph(Surv ~ group, weights = w, ties = "breslow", robust = TRUE)$rscore} for the log-rank
 * weight, and R's score residuals with w(t) for the other weightings. Produced by
 * {@code src/test/resources/reference/logrank_robust.R} (R 4.2.2, survival 3.5-3; each case names its
 * R code), compared at relative 1e-9.
 */
class LogRankRobustTest {
    private static final JsonNode REF = load();

    private static JsonNode load() {
        try (InputStream in = LogRankRobustTest.class.getResourceAsStream("/reference/logrank_robust.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> cases() {
        List<String> r = new ArrayList<>();
        REF.get("logrank").forEach(c -> r.add(c.get("case").asText()));
        return r.stream();
    }

    private static JsonNode find(String name) {
        for (JsonNode c : REF.get("logrank")) {
            if (c.get("case").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name);
    }

    static Path file(String name) {
        try {
            return Path.of(LogRankRobustTest.class.getResource("/reference/logrank_robust_" + name + ".csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The case's frame with its weights multiplied by {@code scale}. */
    static ModelFrame frame(JsonNode c, double scale) {
        JsonNode p = c.get("params");
        CsvSurvivalReader r = SurvivalData.csv(file(c.get("file").asText())).time(p.get("time").asText())
                .event(p.get("event").asText(), p.get("eventValue").asText());
        if (Oracle.text(p, "start") != null) {
            r.start(p.get("start").asText());
        }
        SurvivalData d = r.read();
        double[] w = d.numbers("w").clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= scale;
        }
        return ModelFrame.of(d.withWeights("cw", w), p.get("formula").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void robustScoreTestMatchesR(String name) {
        JsonNode c = find(name);
        LogRankResult r = LogRankReferenceTest.test(c.get("params")).test(frame(c, 1));
        JsonNode e = c.get("result");
        Oracle.assertStrings(e.get("groups"), strip(r.groups()), name + " groups");
        Oracle.assertNumbers(e.get("observed"), r.observed(), name + " observed");
        Oracle.assertNumbers(e.get("expected"), r.expected(), name + " expected");
        Oracle.assertMatrix(e.get("variance"), r.variance(), name + " variance");
        Oracle.assertNumber(e.get("chisq"), r.chiSquare(), name + " chisq");
        assertEquals(e.get("df").asInt(), r.degreesOfFreedom(), name + " df");
        Oracle.assertNumber(e.get("p"), r.pValue(), name + " p");
    }

    /** The statistic and p at weights x 1e-160, x 0.01 and x 1e300 equal R's at scale 1. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scalingEveryWeightChangesNothing(String name) {
        JsonNode c = find(name);
        LogRankTest t = LogRankReferenceTest.test(c.get("params"));
        for (double scale : new double[] {1e-160, 0.01, 3, 1e300}) {
            LogRankResult r = t.test(frame(c, scale));
            Oracle.assertNumber(c.get("result").get("chisq"), r.chiSquare(), name + " chisq x " + scale);
            Oracle.assertNumber(c.get("result").get("p"), r.pValue(), name + " p x " + scale);
        }
    }

    @Test
    void weightedStartStopRowsWithoutAClusterAreAnErrorAsInR() {
        JsonNode c = find("cgd_treat_counting");
        SurvivalData d = SurvivalData.csv(file("cgd")).time("tstop").start("tstart").event("status", "1").read();
        ModelFrame f = ModelFrame.of(d.withWeights("cw", d.numbers("w")), "treat");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> LogRankTest.withDefaults().test(f));
        assertTrue(x.getMessage().contains("cluster"), x.getMessage());
        assertTrue(c.get("params").get("formula").asText().contains("cluster(id)"));
    }

    private static List<String> strip(List<String> labels) {
        List<String> r = new ArrayList<>();
        for (String l : labels) {
            r.add(l.substring(l.indexOf('=') + 1));
        }
        return r;
    }
}
