package io.survkit.estimate;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kaplan-Meier cases beyond the shared oracle, produced by R survival 3.5-3 with
 * {@code src/test/resources/km-extra/generate.R} (each file's {@code rCall}): the jackknife variance
 * with clusters and with delayed entry, {@code robust = TRUE} without weights, every confidence type
 * with the jackknife, strata, landmarks before 0 and tau inside the curve; and (issue 13)
 * {@code conf.type = "logit"} and {@code "none"}, {@code stype}/{@code ctype} (exp(-H) survival,
 * Fleming-Harrington hazard) with Greenwood and jackknife variances, {@code start.time},
 * quantiles at any probabilities and {@code rmean = "common"}/{@code "individual"}. Same fields
 * and tolerance as the oracle.
 */
class KaplanMeierExtraReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path root() {
        return Oracle.root().getParent().resolve("km-extra");
    }

    static Stream<String> cases() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(root().resolve("expected"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().forEach(names::add);
        }
        assertTrue(names.size() >= 25, "extra cases " + names);
        // R's subset = is the command line's --where (checked in the CLI's KmCommandTest), not a library option
        names.removeIf(n -> load(n).get("rCall").asText().contains("subset = "));
        return names.stream();
    }

    static JsonNode load(String name) {
        try (InputStream in = Files.newInputStream(root().resolve("expected").resolve(name + ".json"))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelFrame data(JsonNode c) {
        JsonNode p = c.get("params");
        String ds = c.get("dataset").asText() + ".csv";
        Path file = Files.exists(root().resolve("data").resolve(ds)) ? root().resolve("data").resolve(ds)
                : Oracle.root().resolve("data").resolve(ds);
        CsvSurvivalReader r = SurvivalData.csv(file).time(Oracle.text(p, "time"))
                .event(Oracle.text(p, "event"), p.get("eventValue").asText());
        if (Oracle.text(p, "start") != null) {
            r.start(Oracle.text(p, "start"));
        }
        if (Oracle.text(p, "weights") != null) {
            r.weights(Oracle.text(p, "weights"));
        }
        if (Oracle.text(p, "cluster") != null) {
            r.cluster(Oracle.text(p, "cluster"));
        }
        return ModelFrame.of(r.read(), Oracle.terms(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesR(String name) {
        JsonNode c = load(name);
        JsonNode p = c.get("params");
        Variance v = switch (p.get("variance").asText()) {
            case "greenwood" -> Variance.GREENWOOD;
            case "jackknife" -> Variance.INFINITESIMAL_JACKKNIFE;
            default -> Variance.AUTO;
        };
        KaplanMeier km = KaplanMeier.withDefaults()
                .withConfType(ConfidenceIntervalType.fromRName(p.get("confType").asText()))
                .withConfLevel(p.get("confLevel").asDouble()).withVariance(v)
                .withSurvivalEstimator(p.get("stype").asInt() == 2 ? SurvivalEstimator.EXPONENTIAL_HAZARD
                        : SurvivalEstimator.PRODUCT_LIMIT)
                .withHazardEstimator(p.get("ctype").asInt() == 2 ? HazardEstimator.FLEMING_HARRINGTON
                        : HazardEstimator.NELSON_AALEN);
        if (!p.get("startTime").isNull()) {
            km = km.withStartTime(p.get("startTime").asDouble());
        }
        KaplanMeierOracleTest.assertResult(c, km.fit(data(c)), true);
    }
}
