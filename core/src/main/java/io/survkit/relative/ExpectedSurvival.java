package io.survkit.relative;

import io.survkit.data.Factor;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The expected survival of a cohort (Ederer I): at each time t the mean over the cohort's rows of
 * S_i(t) = exp(−∫₀ᵗ λ_i), the population survival of a person of the same sex, age and calendar
 * period, integrated exactly across the rate table's age and year cells. Equal to R
 * {@code survexp(~ 1 or group, rmap = list(age = age * d, sex = sex, year = year), ratetable = ,
 * times = )} (survival 3.5), including its US birthday rule. Immutable.
 *
 * <p>Defaults ({@link #withDefaults()}): the bundled US table ({@link RateTable#us()}).
 *
 * <pre>{@code
 * ExpectedSurvivalResult e = ExpectedSurvival.withDefaults()
 *         .estimate(Demography.of(d, "age", "sex", "year"), d.group(), 365, 1826, 3652);
 * double fiveYears = e.curve(0).survival(1);
 * }</pre>
 */
public final class ExpectedSurvival {
    private static final ExpectedSurvival DEFAULTS = new ExpectedSurvival(null);

    private final RateTable table;

    private ExpectedSurvival(RateTable table) {
        this.table = table;
    }

    /**
     * The US table.
     *
     * @return the shared default instance
     */
    public static ExpectedSurvival withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same with population rate table {@code t}.
     *
     * @param t the rate table
     * @return a new instance with this setting (this one is unchanged)
     */
    public ExpectedSurvival withRateTable(RateTable t) {
        return new ExpectedSurvival(Check.notNull("rate table", t));
    }

    /** {@return the rate table} */
    public RateTable rateTable() {
        return table != null ? table : RateTable.us();
    }

    /**
     * One curve for the whole cohort at {@code times} (days, ≥ 0).
     *
     * @param who the who
     * @param times the times
     * @return one curve for the whole cohort at {@code times} (days, ≥ 0)
     */
    public ExpectedSurvivalResult estimate(Demography who, double... times) {
        return estimate(who, null, times);
    }

    /**
     * One curve per level of {@code group} (null: one curve named {@code all}) at {@code times} (days,
     * ≥ 0; sorted and made distinct as R does).
     *
     * @param who the who
     * @param group the group label
     * @param times the times
     * @return one curve per level of {@code group} (null: one curve named {@code all}) at {@code times} (days, ≥ 0; sorted and made distinct as R does)
     */
    public ExpectedSurvivalResult estimate(Demography who, Factor group, double... times) {
        Check.notNull("demography", who);
        Check.notNull("times", times);
        if (times.length == 0) {
            throw Check.fail("give at least one time for the expected survival");
        }
        for (double t : times) {
            Check.nonNegativeFinite("time", t);
        }
        if (group != null && group.size() != who.size()) {
            throw Check.fail("the group has %d rows and the demography %d", group.size(), who.size());
        }
        double[] t = Arrays.stream(times).sorted().distinct().toArray();
        RateTable rt = rateTable();
        int levels = group == null ? 1 : group.levelCount();
        double[][] sum = new double[levels][t.length];
        int[] n = new int[levels];
        for (int i = 0; i < who.size(); i++) {
            int g = group == null ? 0 : group.code(i);
            n[g]++;
            double age = who.ageDays(i, rt.daysPerYear());
            double date = rt.entryDate(age, who.dateDays(i));
            double cumulative = 0;
            double start = 0;
            for (int j = 0; j < t.length; j++) {
                double length = t[j] - start;
                cumulative += ExactHazard.integrate(rt, who.sexCode(i), age + start, date + start, length, false);
                sum[g][j] += Math.exp(-cumulative);
                start += length;
            }
        }
        List<ExpectedSurvivalCurve> curves = new ArrayList<>();
        for (int g = 0; g < levels; g++) {
            if (n[g] == 0) {
                continue;
            }
            double[] s = new double[t.length];
            for (int j = 0; j < t.length; j++) {
                s[j] = sum[g][j] / n[g];
            }
            curves.add(new ExpectedSurvivalCurve(group == null ? "all" : group.name() + "=" + group.level(g), t, s, n[g]));
        }
        return new ExpectedSurvivalResult(rt.name(), curves);
    }

    @Override
    public String toString() {
        return "ExpectedSurvival[rateTable=" + rateTable().name() + "]";
    }
}
