package io.survkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.oracle.Oracle;
import io.survkit.regression.CoxRegression;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stratum labels as R's {@code strata()} writes them, in every result (issue 12: log-rank wrote
 * {@code sex=f} where R writes {@code f}, Cox's baseline {@code 1} where R writes {@code enum=1}).
 * R: {@code unique(basehaz(coxph(Surv(time, status) ~ trt + strata(celltype), veteran))$strata)} is
 * (distinct, per row) adeno, large, smallcell, squamous (text: the level alone) and with {@code strata(prior)} prior=0,
 * prior=10 (numeric: name=level).
 */
class StrataLabelTest {
    private static SurvivalData veteran() {
        return SurvivalData.csv(Oracle.data("veteran")).time("time").event("status", "1").read();
    }

    @Test
    void logRankAndCoxBaselineUseRsStrataLabels() {
        List<String> text = List.of("adeno", "large", "smallcell", "squamous");
        List<String> numeric = List.of("prior=0", "prior=10");
        assertEquals(text, LogRankTest.withDefaults().test(ModelFrame.of(veteran(), "trt + strata(celltype)"))
                .strata());
        assertEquals(numeric, LogRankTest.withDefaults().test(ModelFrame.of(veteran(), "trt + strata(prior)"))
                .strata());
        assertEquals(text, CoxRegression.withDefaults().fit(ModelFrame.of(veteran(), "trt + strata(celltype)"))
                .prediction().baselineHazard().strata().orElseThrow().stream().distinct().toList());
        assertEquals(numeric, CoxRegression.withDefaults().fit(ModelFrame.of(veteran(), "trt + strata(prior)"))
                .prediction().baselineHazard().strata().orElseThrow().stream().distinct().toList());
    }
}
