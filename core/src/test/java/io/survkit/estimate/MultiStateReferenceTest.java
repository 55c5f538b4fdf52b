package io.survkit.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.CsvSurvivalReader;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Aalen-Johansen for multi-state data against R survival 3.5-3, references made by
 * {@code src/test/resources/multistate/generate.R} (each case's {@code call}): mgus2 illness-death
 * (the survival vignette "compete") by sex and with case weights, mgus2 competing risks without an
 * id, delayed-entry weighted competing risks with ties, and a three-state a ↔ b → c process with
 * an {@code istate} and several rows per subject. Every field of the fit (time, n.risk, n.event,
 * n.censor, pstate, std.err, lower, upper, cumhaz) and of {@code summary(fit, times =)} at 1e-9.
 */
class MultiStateReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path root() {
        return Oracle.root().getParent().resolve("multistate");
    }

    static JsonNode all() throws IOException {
        return JSON.readTree(root().resolve("expected.json").toFile());
    }

    static Stream<String> cases() throws IOException {
        List<String> names = new ArrayList<>();
        all().forEach(c -> names.add(c.get("name").asText()));
        assertEquals(6, names.size());
        return names.stream();
    }

    /** The data roles of each case, as its R call names them. */
    static MultiStateResult fit(String name) {
        Path data = root().resolve("data");
        MultiStateSurvival ms = MultiStateSurvival.withDefaults();
        return switch (name) {
            case "mgus2_sex" -> ms.fit(mgus(data).read(), "sex");
            case "mgus2_weighted" -> ms.fit(mgus(data).weights("w").read(), "1");
            case "mgus2_cr" -> ms.fit(SurvivalData.csv(data.resolve("mgus2_cr.csv")).time("etime")
                    .causes("event", "censor").read(), "sex");
            case "entry_cr" -> ms.fit(SurvivalData.csv(data.resolve("entry_cr.csv")).start("entry").time("exit")
                    .causes("cause", "0").id("id").weights("w").read(), "g");
            case "abc_istate" -> ms.withInitialStateColumn("istate").fit(abc(data), "grp");
            case "abc_plain" -> ms.withInitialStateColumn("istate").fit(abc(data), "1");
            default -> throw new AssertionError(name);
        };
    }

    private static CsvSurvivalReader mgus(Path data) {
        return SurvivalData.csv(data.resolve("mgus2_ms.csv")).start("tstart").time("tstop").causes("event", "censor")
                .id("id");
    }

    private static SurvivalData abc(Path data) {
        return SurvivalData.csv(data.resolve("abc.csv")).start("t1").time("t2").causes("state", "0").id("id").read();
    }

    /** R's one-element vectors are unboxed to scalars in the JSON. */
    static JsonNode list(JsonNode v) {
        return v.isArray() ? v : JSON.createArrayNode().add(v);
    }

    static JsonNode expected(String name) throws IOException {
        for (JsonNode c : all()) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name);
    }

    /** {@code toString()} is R's {@code print(fit)} (print.survfitms, restricted means) without its "Call:" line. */
    @ParameterizedTest
    @MethodSource("cases")
    void printsAsR(String name) throws IOException {
        assertEquals(expected(name).get("printed").asText(), fit(name).toString().stripTrailing(), name);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fitEqualsR(String name) throws IOException {
        JsonNode e = expected(name);
        MultiStateResult fit = fit(name);
        Oracle.assertStrings(e.get("states"), fit.states(), name + " states");
        Oracle.assertStrings(e.get("transitions"), fit.transitions(), name + " transitions");
        List<String> strata = new ArrayList<>();
        fit.curves().forEach(c -> strata.add(c.name()));
        Oracle.assertStrings(list(e.get("strata").get("name")), strata, name + " strata");
        int k = fit.states().size();
        int nt = fit.transitions().size();
        List<Double> time = new ArrayList<>();
        List<double[]> nRisk = new ArrayList<>();
        List<double[]> nEvent = new ArrayList<>();
        List<Double> nCensor = new ArrayList<>();
        List<double[]> pstate = new ArrayList<>();
        List<double[]> se = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        List<double[]> upper = new ArrayList<>();
        List<double[]> cumhaz = new ArrayList<>();
        for (int g = 0; g < fit.curves().size(); g++) {
            MultiStateCurve c = fit.curve(g);
            assertEquals(list(e.get("strata").get("size")).get(g).asInt(), c.size(), name + " " + c.name() + " size");
            assertEquals(list(e.get("n")).get(g).asInt(), c.rowCount(), name + " " + c.name() + " n");
            for (int i = 0; i < c.size(); i++) {
                time.add(c.time(i));
                nCensor.add((double) c.censored(i));
                double[][] row = new double[6][k];
                for (int s = 0; s < k; s++) {
                    row[0][s] = c.numberAtRisk(i, s);
                    row[1][s] = c.events(i, s);
                    row[2][s] = c.probability(i, s);
                    row[3][s] = c.standardError(i, s);
                    row[4][s] = c.lower(i, s).orElse(Double.NaN);
                    row[5][s] = c.upper(i, s).orElse(Double.NaN);
                }
                nRisk.add(row[0]);
                nEvent.add(row[1]);
                pstate.add(row[2]);
                se.add(row[3]);
                lower.add(row[4]);
                upper.add(row[5]);
                double[] h = new double[nt];
                for (int j = 0; j < nt; j++) {
                    h[j] = c.cumulativeHazard(i, j);
                }
                cumhaz.add(h);
            }
        }
        Oracle.assertNumbers(e.get("time"), time.stream().mapToDouble(Double::doubleValue).toArray(), name + " time");
        Oracle.assertNumbers(e.get("n.censor"), nCensor.stream().mapToDouble(Double::doubleValue).toArray(),
                name + " n.censor");
        Oracle.assertMatrix(e.get("n.risk"), nRisk.toArray(new double[0][]), name + " n.risk");
        Oracle.assertMatrix(e.get("n.event"), nEvent.toArray(new double[0][]), name + " n.event");
        Oracle.assertMatrix(e.get("pstate"), pstate.toArray(new double[0][]), name + " pstate");
        Oracle.assertMatrix(e.get("std.err"), se.toArray(new double[0][]), name + " std.err");
        Oracle.assertMatrix(e.get("lower"), lower.toArray(new double[0][]), name + " lower");
        Oracle.assertMatrix(e.get("upper"), upper.toArray(new double[0][]), name + " upper");
        Oracle.assertMatrix(e.get("cumhaz"), cumhaz.toArray(new double[0][]), name + " cumhaz");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void summaryEqualsR(String name) throws IOException {
        JsonNode e = expected(name);
        MultiStateResult fit = fit(name);
        double[] times = new double[e.get("times").size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = e.get("times").get(i).asDouble();
        }
        MultiStateSummary s = fit.summary(times);
        JsonNode r = e.get("summary");
        int k = fit.states().size();
        int nt = fit.transitions().size();
        assertEquals(r.get("time").size(), s.size(), name + " summary rows");
        for (int i = 0; i < s.size(); i++) {
            String at = name + " summary[" + i + "]";
            assertEquals(r.get("strata").get(i).asText(), s.curve(i), at + " strata");
            Oracle.assertNumber(r.get("time").get(i), s.time(i), at + " time");
            Oracle.assertNumber(r.get("n.censor").get(i), s.censored(i), at + " n.censor");
            for (int st = 0; st < k; st++) {
                String w = at + " state " + st;
                Oracle.assertNumber(r.get("pstate").get(i).get(st), s.probability(i, st), w + " pstate");
                Oracle.assertNumber(r.get("std.err").get(i).get(st), s.standardError(i, st), w + " std.err");
                Oracle.assertNumber(r.get("lower").get(i).get(st), s.lower(i, st).orElse(Double.NaN), w + " lower");
                Oracle.assertNumber(r.get("upper").get(i).get(st), s.upper(i, st).orElse(Double.NaN), w + " upper");
                Oracle.assertNumber(r.get("n.risk").get(i).get(st), s.numberAtRisk(i, st), w + " n.risk");
                Oracle.assertNumber(r.get("n.event").get(i).get(st), s.events(i, st), w + " n.event");
            }
            for (int j = 0; j < nt; j++) {
                Oracle.assertNumber(r.get("cumhaz").get(i).get(j), s.cumulativeHazard(i, j), at + " cumhaz " + j);
            }
        }
    }

    @Test
    void countingRowsNeedAnId() {
        SurvivalData d = SurvivalData.csv(root().resolve("data").resolve("entry_cr.csv")).start("entry").time("exit")
                .causes("cause", "0").read();
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> MultiStateSurvival.withDefaults().fit(d, "g"));
        assertTrue(x.getMessage().contains("id"), x.getMessage());
    }

    @Test
    void overlappingRowsAreRefusedNamingTheSubject() {
        SurvivalData d = SurvivalData.builder().start("t1", new double[] {0, 2, 0}).time("t2", new double[] {3, 5, 4})
                .causes("s", new String[] {"0", "1", "1"}, "0").id("id", new String[] {"a", "a", "b"}).build();
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> MultiStateSurvival.withDefaults().fit(d, "1"));
        assertTrue(x.getMessage().contains("id 'a'") && x.getMessage().contains("overlap"), x.getMessage());
    }
}
