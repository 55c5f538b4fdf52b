package io.survkit.relative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step grid of Pohar-Perme and Ederer II off whole days: relsurv 2.2.9 {@code rs.surv} on rdata
 * with fractional follow-up (time − 0.25·(row mod 4)) and {@code precision} 0.5, 2.5 and 7
 * ({@code resources/relative/reference/rssurv_steps.R}); curve times, survival and standard errors at
 * relative 1e-9. These exercise the kernel's day-bucket queue where step starts are not whole days.
 */
class DailyStepReferenceTest {
    @TempDir
    Path dir;

    @Test
    void fractionalTimesAndOtherStepsEqualRelsurv() throws IOException {
        JsonNode ref = new ObjectMapper().readTree(RateTableTest.resource("reference/rssurv_steps.json").toFile());
        List<String> lines = Files.readAllLines(Oracle.data("rdata"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",ftime");
        for (int row = 1; row < lines.size(); row++) {
            double time = Double.parseDouble(lines.get(row).split(",")[0]);
            out.add(lines.get(row) + "," + (time - 0.25 * (row % 4)));
        }
        Path csv = dir.resolve("rdata_ftime.csv");
        Files.write(csv, out);
        RateTable slopop = RateTable.csv(Oracle.root().resolve("ratetables/slopop.csv")).withDaysPerYear(365.241);
        for (JsonNode c : ref.get("cases")) {
            SurvivalData d = SurvivalData.csv(csv).time(c.get("time").asText()).event("cens", "1").read();
            RelativeSurvivalCurve curve = RelativeSurvival.withDefaults().withRateTable(slopop)
                    .withMethod(RelativeSurvivalMethod.fromRName(c.get("method").asText()))
                    .withIntegrationStep(c.get("precision").asDouble()).estimate(d, "age", "sex", "year").curve(0);
            String w = c.get("method").asText() + " precision " + c.get("precision").asText() + " " + c.get("time");
            Oracle.assertNumbers(c.get("curveTime"), curve.times(), w + " time");
            Oracle.assertNumbers(c.get("surv"), curve.survival(), w + " surv");
            Oracle.assertNumbers(c.get("stdErr"), curve.standardError(), w + " stdErr");
        }
    }
}
