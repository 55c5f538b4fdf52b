package io.survkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gray's test of 40 groups (900 rows with tied whole-day times, two causes, two sites) against R
 * {@code cmprsk::cuminc(...)$Tests} (reference/gray_many.R), at relative 1e-9: the O(groups^2) per
 * time form of cmprsk's variance (issue 12) gives cuminc's numbers where every group's variance terms
 * interact.
 */
class GrayManyGroupsTest {
    private static final JsonNode REF = load();

    private static JsonNode load() {
        try (InputStream in = GrayManyGroupsTest.class.getResourceAsStream("/reference/gray_many.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<String> cases() {
        List<String> r = new ArrayList<>();
        REF.forEach(c -> r.add(c.get("case").asText()));
        return r.stream();
    }

    static SurvivalData data() throws URISyntaxException {
        Path p = Path.of(GrayManyGroupsTest.class.getResource("/reference/gray_many.csv").toURI());
        return SurvivalData.csv(p).time("time").causes("status", "0").read();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsCuminc(String name) throws URISyntaxException {
        JsonNode c = null;
        for (JsonNode x : REF) {
            if (x.get("case").asText().equals(name)) {
                c = x;
            }
        }
        boolean strata = c.get("strata").asBoolean();
        ModelFrame f = ModelFrame.of(data(), strata ? "group + strata(site)" : "group");
        GrayTestResult r = GrayTest.withDefaults().withRho(c.get("rho").asDouble()).test(f);
        assertEquals(40, r.groups().size());
        JsonNode tests = c.get("grayTest");
        assertEquals(tests.size(), r.causeCount());
        for (int k = 0; k < tests.size(); k++) {
            JsonNode e = tests.get(k);
            assertEquals(e.get("cause").asText(), r.cause(k));
            Oracle.assertNumber(e.get("stat"), r.statistic(k), name + " stat " + k);
            Oracle.assertNumber(e.get("p"), r.pValue(k), name + " p " + k);
            assertEquals(e.get("df").asInt(), r.degreesOfFreedom(k));
        }
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    /** Fewer than 5 events of a cause per group: the result says the K-sample test is unwise (text, JSON). */
    @Test
    void tooFewEventsPerGroupIsAWarningInTextAndJson() {
        // 4 groups, cause 1: 6 events (1.5 per group), cause 2: 2 events
        double[] t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        double[] s = {1, 1, 2, 0, 1, 1, 0, 2, 1, 0, 1, 0};
        String[] g = {"a", "b", "c", "d", "a", "b", "c", "d", "a", "b", "c", "d"};
        GrayTestResult r = GrayTest.withDefaults().test(ModelFrame.of(SurvivalData.builder().time("t", t)
                .causes("s", s, 0).text("g", g).build(), "g"));
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("compares 4 groups with 6 events"), r.warnings().get(0));
        assertTrue(r.toString().contains("Warning: Gray's test of cause 1"), r.toString());
        assertTrue(r.toJson().contains("\"warnings\""), r.toJson());
    }
}
