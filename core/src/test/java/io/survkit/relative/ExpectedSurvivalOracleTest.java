package io.survkit.relative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.Factor;
import io.survkit.oracle.Oracle;
import java.io.Reader;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code expected_*} case of the oracle: R survival 3.5-3's {@code survexp} cohort (Ederer)
 * expected survival, calls in each case's {@code rCall}, every field at relative 1e-9, through the
 * library and its JSON. The US cases use survexp's own birth date (no relsurv offset).
 */
class ExpectedSurvivalOracleTest {
    static Stream<String> cases() {
        List<String> cases = Oracle.cases("expected");
        assertTrue(cases.size() >= 4, "expected the expected-survival oracle cases, found " + cases);
        return cases.stream();
    }

    /** The demography and group of a case, read from its CSV. */
    record Rows(Demography who, Factor group) {
    }

    static Rows rows(JsonNode c) throws Exception {
        JsonNode p = c.get("params");
        List<Double> age = new ArrayList<>();
        List<Sex> sex = new ArrayList<>();
        List<LocalDate> date = new ArrayList<>();
        List<String> group = new ArrayList<>();
        String g = Oracle.text(p, "group");
        try (Reader in = Files.newBufferedReader(Oracle.data(c.get("dataset").asText()));
                CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().get())) {
            for (CSVRecord r : parser) {
                age.add(Double.parseDouble(r.get(p.get("age").asText())));
                sex.add(Sex.parse(r.get(p.get("sex").asText())).orElseThrow());
                date.add(LocalDate.parse(r.get(p.get("year").asText())));
                if (g != null) {
                    group.add(r.get(g));
                }
            }
        }
        double[] a = age.stream().mapToDouble(Double::doubleValue).toArray();
        Demography who = Demography.of(a, sex.toArray(new Sex[0]), date.toArray(new LocalDate[0]));
        if (g == null) {
            return new Rows(who, null);
        }
        List<String> levels = new ArrayList<>(new TreeSet<>(group)); // numeric one-digit codes: byte order = numeric
        int[] codes = group.stream().mapToInt(levels::indexOf).toArray();
        return new Rows(who, Factor.of(g, levels, codes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFieldEqualsSurvexp(String name) throws Exception {
        JsonNode c = Oracle.load(name);
        JsonNode p = c.get("params");
        Rows rows = rows(c);
        RateTable t = RelativeSurvivalOracleTest.table(p);
        assertEquals(p.get("daysPerYear").asDouble(), t.daysPerYear());
        ExpectedSurvivalResult r = ExpectedSurvival.withDefaults().withRateTable(t)
                .estimate(rows.who(), rows.group(), RelativeSurvivalOracleTest.doubles(p.get("times")));
        JsonNode actual = new ObjectMapper().readTree(r.toJson(0));
        JsonNode expected = c.get("result");
        assertEquals(expected.get("nOmitted").asInt(), actual.get("nOmitted").asInt());
        assertEquals(expected.get("strata").size(), actual.get("strata").size());
        for (int k = 0; k < expected.get("strata").size(); k++) {
            JsonNode e = expected.get("strata").get(k);
            JsonNode a = actual.get("strata").get(k);
            assertEquals(e.get("name").asText(), a.get("name").asText());
            for (String f : new String[] {"time", "surv", "nRisk"}) {
                Oracle.assertNumbers(e.get(f), RelativeSurvivalOracleTest.doubles(a.get(f)), name + " " + f);
            }
        }
    }
}
