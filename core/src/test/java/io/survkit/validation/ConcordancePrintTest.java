package io.survkit.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.survkit.oracle.Oracle;
import org.junit.jupiter.api.Test;

/**
 * {@code toString()} against R 4.2.2 / survival 3.5-3 {@code print(concordance(...))} (the lines
 * after the call), for the oracle cases named in each test.
 */
class ConcordancePrintTest {
    private static String print(String caseName) {
        String s = ConcordanceOracleTest.run(Oracle.load(caseName)).toString();
        return s;
    }

    @Test
    void vector() {
        // print(concordance(Surv(time, status == 2) ~ age, data = lung, reverse = TRUE))
        assertEquals("n= 228 \nConcordance= 0.5502 se= 0.02514\n"
                + "concordant discordant     tied.x     tied.y    tied.xy \n"
                + "     10717       8706        591         27          1 \n", print("concordance_lung_age_harrell"));
    }

    @Test
    void fractionalAndOmitted() {
        // print(concordance(Surv(time, status == 2) ~ ph.karno, data = lung, timewt = "n/G2"))
        assertEquals("n=227 (1 observation deleted due to missingness)\nConcordance= 0.5815 se= 0.02396\n"
                + "concordant discordant     tied.x     tied.y    tied.xy \n"
                + "  11952.39    7796.53    5759.27      28.23       7.01 \n", print("concordance_lung_phkarno_uno"));
    }

    @Test
    void strata() {
        // print(concordance(Surv(time, status == 1) ~ karno + strata(celltype), data = veteran))
        assertEquals("n= 137 \nConcordance= 0.6949 se= 0.02532\n"
                + "     concordant discordant tied.x tied.y tied.xy\n"
                + "[1,]        246         53     42      1       0\n"
                + "[2,]        212         79     51      0       0\n"
                + "[3,]        649        299    144      8       1\n"
                + "[4,]        338        120     60      1       0\n", print("concordance_veteran_karno_strata_celltype"));
    }
}
