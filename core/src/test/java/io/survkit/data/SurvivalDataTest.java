package io.survkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurvivalDataTest {

    @Test
    void readsLungAsROmitsNothingForTimeStatusSex() {
        ModelFrame d = ModelFrame.of(SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2").read(), "sex");
        assertEquals(228, d.rowCount());
        assertEquals(0, d.omittedRows());
        assertEquals(165, d.eventCount());
        assertEquals(List.of("1", "2"), d.groups().orElseThrow().levels());
        assertEquals(List.of("sex=1", "sex=2"), d.groups().orElseThrow().labels());
        assertEquals(306.0, d.time(0));
        assertEquals(1, d.sourceRow(0));
    }

    @Test
    void leavesOutAndCountsRowsWithMissingCovariates() {
        // R: coxph(Surv(time, status == 2) ~ age + sex + ph.ecog, lung) uses 227 rows (1 NA in ph.ecog)
        ModelFrame d = ModelFrame.of(SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2")
                .read(), "age + sex + ph.ecog");
        assertEquals(227, d.rowCount());
        assertEquals(1, d.omittedRows());
        // Kaplan-Meier by sex uses 228 rows: ph.ecog is not in that model
        assertEquals(228, ModelFrame.of(SurvivalData.csv(Oracle.data("lung")).time("time").event("status", "2")
                .read(), "sex").rowCount());
    }

    @Test
    void factorLevelsAreSortedAndReferenceFirst() {
        ModelFrame d = ModelFrame.of(SurvivalData.csv(Oracle.data("veteran")).time("time").event("status", "1")
                .read(), "factor(celltype, ref = squamous)");
        assertEquals(List.of("squamous", "adeno", "large", "smallcell"), d.termSpans().get(0).levels());
        assertEquals(List.of("celltypeadeno", "celltypelarge", "celltypesmallcell"), d.columnNames());
    }

    @Test
    void badTimeNamesColumnRowAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SurvivalData.builder()
                .time("months", new String[] {"3", "abc"}).event("dead", new boolean[] {true, false}).build());
        assertTrue(e.getMessage().contains("'months'"), e.getMessage());
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
        assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
    }

    @Test
    void negativeTimeAndStartNotBeforeStopAreRejected() {
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> SurvivalData.builder()
                .time("t", new double[] {1, -2}).event("e", new boolean[] {true, true}).build());
        assertTrue(neg.getMessage().contains("row 2") && neg.getMessage().contains("-2"), neg.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> SurvivalData.builder()
                .start("entry", new double[] {0, 6}).time("t", new double[] {3, 5})
                .event("e", new boolean[] {true, true}).build());
        assertTrue(order.getMessage().contains("'entry'") && order.getMessage().contains("row 2"),
                order.getMessage());
    }

    @Test
    void negativeWeightIsRejectedAndMissingWeightOmitted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SurvivalData.builder()
                .time("t", new double[] {1, 2}).event("e", new boolean[] {true, true})
                .weights("w", new double[] {1, -0.5}).build());
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("-0.5"), e.getMessage());
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2, 3})
                .event("e", new boolean[] {true, true, false}).weights("w", new double[] {1, Double.NaN, 2}).build(),
                "1");
        assertEquals(2, d.rowCount());
        assertEquals(1, d.omittedRows());
        assertArrayEquals(new int[] {1, 3}, d.sourceRows());
    }

    @Test
    void eventValueThatNeverOccursIsAWarningNotAnError() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1, 2})
                .event("status", new double[] {0, 0}, 2).build(), "1");
        assertEquals(0, d.eventCount());
        assertEquals(1, d.warnings().size());
        assertTrue(d.warnings().get(0).contains("'2'"), d.warnings().get(0));
    }

    /**
     * Issue 11: with two or more values besides the event value, R's {@code status == value} would
     * censor them all; survkit refuses and lists them (with their counts) until the censoring values
     * are named. ({@code {0, 1}} with event value 2 was a warning about an absent event value.)
     */
    @Test
    void severalNonEventValuesAreAnErrorUntilTheCensoringValuesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SurvivalData.builder()
                .time("t", new double[] {1, 2, 3}).event("status", new double[] {0, 1, 1}, 2).build());
        assertTrue(e.getMessage().contains("column 'status' has 2 values besides the event value(s) [2]: "
                + "'0' (1 row), '1' (2 rows)"), e.getMessage());
        SurvivalData ok = SurvivalData.builder().time("t", new double[] {1, 2, 3})
                .event("status", new String[] {"Dead", "Alive", "alive"}, "Dead").censorValues("Alive", "alive")
                .build();
        assertEquals(1, ModelFrame.of(ok, "1").eventCount());
        IllegalArgumentException stray = assertThrows(IllegalArgumentException.class, () -> SurvivalData.builder()
                .time("t", new double[] {1, 2, 3}).event("status", new String[] {"Dead", "Alive", "dead"}, "Dead")
                .censorValues("Alive").build());
        assertTrue(stray.getMessage().contains("neither an event [Dead] nor censored [Alive]: 'dead' (1 row)"),
                stray.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SurvivalData.builder().time("t", new double[] {1})
                .event("status", new String[] {"Dead"}, "Dead").censorValues("Dead"));
    }

    @Test
    void emptyDataAndUnknownColumnAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ModelFrame.of(SurvivalData.builder()
                .time("t", new double[0]).event("e", new boolean[0]).build(), "1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SurvivalData.csv(Oracle.data("aml")).time("weeks").event("status", "1").read());
        assertTrue(e.getMessage().contains("'weeks'"), e.getMessage());
    }

    @Test
    void timeFixMergesNoiseAsAeqSurv() {
        double a = 1.0 / 3.0;
        double b = a + 1e-15; // differs only by rounding noise
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {b, a, 2})
                .event("e", new boolean[] {true, true, false}).build(), "1");
        assertEquals(d.time(0), d.time(1));
        assertEquals(a, d.time(0));
    }

    @Test
    void countTableOfSubjectsSumsCells() {
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {5, 3, 5, 5, 8})
                .event("e", new boolean[] {true, false, true, false, true})
                .text("g", new String[] {"B", "A", "A", "A", "B"}).build(), "g");
        CountTable c = CountTable.of(d);
        assertEquals(4, c.size());
        assertEquals(3.0, c.time(0));
        assertEquals(0, c.group(0));
        assertEquals(5.0, c.time(1));
        assertEquals(1.0, c.events(1));
        assertEquals(1.0, c.censored(1));
        assertEquals(2, c.blockStart(1));
        CountTable agg = CountTable.builder("g").add("A", 3, 0, 1).add("A", 5, 1, 1).add("B", 8, 1, 0)
                .add("B", 5, 1, 0).build();
        for (int i = 0; i < c.size(); i++) {
            assertEquals(c.time(i), agg.time(i));
            assertEquals(c.events(i), agg.events(i));
            assertEquals(c.censored(i), agg.censored(i));
            assertEquals(c.group(i), agg.group(i));
        }
    }

    @Test
    void timesNearDoubleMaxStayDistinctAsInR() {
        // R: survfit(Surv(c(1e308, 1.5e308, 1.7e308), c(1, 1, 1)) ~ 1)$time is 1e308 1.5e308 1.7e308
        // (aeqSurv's mean(abs(y)) must not overflow)
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", new double[] {1e308, 1.5e308, 1.7e308})
                .event("e", new boolean[] {true, true, true}).build(), "1");
        assertArrayEquals(new double[] {1e308, 1.5e308, 1.7e308}, new double[] {d.time(0), d.time(1), d.time(2)});
        assertEquals(1.4e308, TimeFix.meanAbs(new double[] {1e308, 1.5e308, 1.7e308}, 3), 1e-9 * 1.4e308);
    }

    @Test
    void countTableRejectsMoreEntriesThanExitsNamingTheCell() {
        // 5 enter after t = 1 but only 2 ever leave: n.start would be -3 (issue 12: then +-Inf, NaN, chisq 0)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CountTable.builder("g")
                .add("a", 1, 0, 0, 5).add("a", 2, 1, 1).add("b", 1, 1, 0).build());
        assertTrue(e.getMessage().contains("group 'a'") && e.getMessage().contains("time 1.0")
                && e.getMessage().contains("n.start") && e.getMessage().contains("-3"), e.getMessage());
        // 3 leave at t = 2 when only 2 remain at risk
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class, () -> CountTable.builder("g")
                .add("a", 1, 3, 0).add("a", 2, 0, 0, 1).add("a", 3, 2, 0).add("a", 4, 0, 0, 2).build());
        assertTrue(late.getMessage().contains("group 'a'"), late.getMessage());
        // consistent left truncation passes
        CountTable ok = CountTable.builder("g").add("a", 0, 0, 0, 2).add("a", 1, 1, 0).add("a", 2, 0, 1).build();
        assertEquals(3, ok.size());
    }

    @Test
    void countTableRejectsDuplicatedGroupLevels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CountTable.builder("g").groupLevels("a", "b", "b"));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("level 3"), e.getMessage());
    }

    @Test
    void zeroLengthIntervalsAreOmittedWithAWarningAndNegativeCountingProcessTimesAreValid() {
        // R: d <- data.frame(a = c(0, 5, 2, -3), b = c(3, 5, 4, -1), s = c(1, 1, 0, 1));
        // coxph(Surv(a, b, s) ~ 1, d)$n is 3 with the warning "Stop time must be > start time, NA created"
        ModelFrame d = ModelFrame.of(SurvivalData.builder().start("a", new double[] {0, 5, 2, -3})
                .time("b", new double[] {3, 5, 4, -1}).event("s", new boolean[] {true, true, false, true}).build(), "1");
        assertEquals(3, d.rowCount());
        assertEquals(1, d.omittedRows());
        assertArrayEquals(new int[] {1, 3, 4}, new int[] {d.sourceRow(0), d.sourceRow(1), d.sourceRow(2)});
        assertEquals(-3.0, d.start(2));
        assertEquals(-1.0, d.time(2));
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("start = stop") && w.contains("row(s) 2")),
                d.warnings().toString());
        // a negative right-censored time stays an error
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SurvivalData.builder()
                .time("t", new double[] {1, -2}).event("e", new boolean[] {true, true}).build());
        assertTrue(e.getMessage().contains("'t'") && e.getMessage().contains("row 2"), e.getMessage());
    }
}
