package io.survkit.relative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-derivable cases on a table with one constant hazard λ per day: every S_i(t) = exp(−λt), so
 * Pohar-Perme's integral over an interval of length ℓ is exactly λℓ (A/B = λ at every step) and
 * Ederer II's expected hazard is Y·λℓ/Y.
 */
class RelativeSurvivalClosedFormTest {
    static final double LAMBDA = 1e-4;

    @TempDir
    Path dir;

    RateTable constant() throws IOException {
        StringBuilder b = new StringBuilder("age,sex,year,hazard\n");
        for (int a = 0; a <= 100; a++) {
            for (String s : new String[] {"male", "female"}) {
                b.append(a).append(',').append(s).append(",2000,").append(LAMBDA).append('\n');
            }
        }
        Path f = dir.resolve("constant.csv");
        Files.writeString(f, b.toString());
        return RateTable.csv(f);
    }

    /** Four subjects: censored at 10, censored at 20, event at 20, censored at 30. */
    static SurvivalData data() {
        return SurvivalData.builder().time("time", new double[] {10, 20, 20, 30})
                .event("status", new boolean[] {false, false, true, false}).build();
    }

    static Demography who() {
        LocalDate d = LocalDate.of(2005, 3, 1);
        return Demography.of(new double[] {50.5, 60.25, 70, 80}, new Sex[] {Sex.MALE, Sex.FEMALE, Sex.MALE,
            Sex.FEMALE}, new LocalDate[] {d, d, d, d});
    }

    @Test
    void poharPermeAndEdererTwoOnAConstantTable() throws IOException {
        RateTable t = constant();
        for (RelativeSurvivalMethod m : new RelativeSurvivalMethod[] {RelativeSurvivalMethod.POHAR_PERME,
            RelativeSurvivalMethod.EDERER_II}) {
            RelativeSurvivalCurve c = RelativeSurvival.withDefaults().withMethod(m).withRateTable(t)
                    .estimate(data(), who()).curve(0);
            double s10 = 1 + 10 * LAMBDA;
            double s20 = s10 * (1 - (1.0 / 3 - 10 * LAMBDA));
            double s30 = s20 * (1 + 10 * LAMBDA);
            double[] s = c.survival();
            assertEquals(s10, s[0], 1e-14, m.rName());
            assertEquals(s20, s[1], 1e-14, m.rName());
            assertEquals(s30, s[2], 1e-14, m.rName());
            // Pohar-Perme's variance Σ S⁻² / (Σ S⁻¹)² = 1/Y² when all S_i are equal; Ederer II's is d/Y²
            assertEquals(1.0 / 3, c.standardError()[1], 1e-14);
        }
    }

    @Test
    void edererOneAndExpectedSurvivalAreExpMinusLambdaT() throws IOException {
        RateTable t = constant();
        ExpectedSurvivalResult e = ExpectedSurvival.withDefaults().withRateTable(t).estimate(who(), 10, 400, 5000);
        assertEquals(Math.exp(-10 * LAMBDA), e.curve(0).survival(0), 1e-15);
        assertEquals(Math.exp(-5000 * LAMBDA), e.curve(0).survival(2), 1e-15);
        RelativeSurvivalCurve c = RelativeSurvival.withDefaults().withMethod(RelativeSurvivalMethod.EDERER_I)
                .withRateTable(t).estimate(data(), who()).curve(0);
        assertEquals((1 - 1.0 / 3) / Math.exp(-20 * LAMBDA), c.survival()[1], 1e-14);
    }

    @Test
    void monthsAndYearsAreDaysTimesTheTablesYear() throws IOException {
        RateTable t = constant();
        double perMonth = t.daysPerYear() / 12;
        SurvivalData months = SurvivalData.builder().time("time", new double[] {10 / perMonth, 20 / perMonth,
            20 / perMonth, 30 / perMonth}).event("status", new boolean[] {false, false, true, false}).build();
        RelativeSurvivalCurve c = RelativeSurvival.withDefaults().withRateTable(t).withTimeUnit(TimeUnit.MONTHS)
                .estimate(months, who()).curve(0);
        assertEquals(20 / perMonth, c.times()[1], 1e-12);
        assertEquals(1 + 10 * LAMBDA, c.survival()[0], 1e-12);
    }

    @Test
    void zeroFollowUpIsLeftOutAndCounted() throws IOException {
        SurvivalData d = SurvivalData.builder().time("time", new double[] {0, 20, 20, 30})
                .event("status", new boolean[] {false, false, true, false}).build();
        RelativeSurvivalResult r = RelativeSurvival.withDefaults().withRateTable(constant()).estimate(d, who());
        assertEquals(1, r.zeroTimeRows());
        assertEquals(3, r.curve(0).rowCount());
    }

    @Test
    void demographyOfAnotherLengthIsRejected() {
        SurvivalData d = SurvivalData.builder().time("time", new double[] {5, 6})
                .event("status", new boolean[] {true, false}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RelativeSurvival.withDefaults().estimate(d, who()));
        assertTrue(e.getMessage().contains("demography has 4 rows and the survival data 2"), e.getMessage());
    }

    @Test
    void aBadAgeNamesTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Demography.of(
                new double[] {50, Double.NaN}, new Sex[] {Sex.MALE, Sex.MALE},
                new LocalDate[] {LocalDate.EPOCH, LocalDate.EPOCH}));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void aYearOfDiagnosisAloneIsJulyFirst() {
        SurvivalData d = SurvivalData.builder().time("time", new double[] {5, 6})
                .event("status", new boolean[] {true, false}).numeric("age", new double[] {60, 70})
                .text("sex", new String[] {"Male", "Female"}).numeric("year", new double[] {1995, 2001})
                .build();
        Demography who = Demography.of(d, "age", "sex", "year");
        assertEquals(LocalDate.of(1995, 7, 1), who.diagnosisDate(0));
        assertEquals(Sex.FEMALE, who.sex(1));
        SurvivalData bad = SurvivalData.builder().time("time", new double[] {5})
                .event("status", new boolean[] {true}).numeric("age", new double[] {60})
                .text("sex", new String[] {"Male"}).text("year", new String[] {"1995/07/01"}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Demography.of(bad, "age", "sex", "year"));
        assertTrue(e.getMessage().contains("column 'year', row 1 (file line 2): '1995/07/01'"), e.getMessage());
    }
}
