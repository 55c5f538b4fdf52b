package io.survkit.relative;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Probabilities;
import java.util.ArrayList;
import java.util.List;

/**
 * Age-standardised net survival as CONCORD reports it: Pohar-Perme net survival in each ICSS age
 * group, S(t) = Σ_g w_g S_g(t) with the {@link IcssStandard} weights, standard error
 * sqrt(Σ_g w_g² SE_g(t)²) (SE_g on the survival scale, as {@code summary(rs.surv(...))} reports it)
 * and log-type limits S·exp(∓z·SE/S). One standardised curve per group of the data. Immutable.
 *
 * <p>Defaults ({@link #withDefaults()}): {@link IcssStandard#ICSS_1}, the US table, 95 %.
 *
 * <pre>{@code
 * List<StandardisedSurvival> s = AgeStandardisedNetSurvival.withDefaults().withRateTable(slopop)
 *         .estimate(data, Demography.of(data, "age", "sex", "year"), 365, 1826);
 * }</pre>
 */
public final class AgeStandardisedNetSurvival {
    private static final AgeStandardisedNetSurvival DEFAULTS = new AgeStandardisedNetSurvival(IcssStandard.ICSS_1,
            null, 0.95);

    private final IcssStandard standard;
    private final RateTable table;
    private final double confLevel;

    private AgeStandardisedNetSurvival(IcssStandard standard, RateTable table, double confLevel) {
        this.standard = standard;
        this.table = table;
        this.confLevel = confLevel;
    }

    /**
     * ICSS 1, US table, 95 %.
     *
     * @return the shared default instance
     */
    public static AgeStandardisedNetSurvival withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same with standard {@code s}.
     *
     * @param s the icss standard
     * @return a new instance with this setting (this one is unchanged)
     */
    public AgeStandardisedNetSurvival withStandard(IcssStandard s) {
        return new AgeStandardisedNetSurvival(Check.notNull("standard", s), table, confLevel);
    }

    /**
     * The same with rate table {@code t}.
     *
     * @param t the rate table
     * @return a new instance with this setting (this one is unchanged)
     */
    public AgeStandardisedNetSurvival withRateTable(RateTable t) {
        return new AgeStandardisedNetSurvival(standard, Check.notNull("rate table", t), confLevel);
    }

    /**
     * The same with confidence level {@code level}.
     *
     * @param level the confidence level, in (0, 1)
     * @return a new instance with this setting (this one is unchanged)
     */
    public AgeStandardisedNetSurvival withConfidenceLevel(double level) {
        return new AgeStandardisedNetSurvival(standard, table, Check.openUnit("confidence level", level));
    }

    /**
     * One standardised curve for all rows of {@code data}, read at {@code times} (days).
     *
     * @param data the data
     * @param who the who
     * @param times the times
     * @return one standardised curve for all rows of {@code data}, read at {@code times} (days)
     * @throws IllegalArgumentException when an ICSS age group of a curve has no rows
     */
    public List<StandardisedSurvival> estimate(SurvivalData data, Demography who, double... times) {
        return estimate(ModelFrame.of(Check.notNull("data", data), Terms.none()), CohortRows.sameRows(data, who),
                times);
    }

    /**
     * One standardised curve per group of {@code frame}, read at {@code times} (days);
     * {@code who} describes the rows of the frame's data.
     *
     * @param frame the model frame
     * @param who the who
     * @param times the times
     * @return one standardised curve per group of {@code frame}, read at {@code times} (days); {@code who} describes the rows of the frame's data
     * @throws IllegalArgumentException when an ICSS age group of a curve has no rows
     */
    public List<StandardisedSurvival> estimate(ModelFrame frame, Demography who, double... times) {
        Check.notNull("frame", frame);
        Check.notNull("demography", who);
        Check.notNull("times", times);
        RateTable rt = table != null ? table : RateTable.us();
        CohortRows rows = CohortRows.of(frame, who, rt, 1);
        double z = Probabilities.normalQuantile(1 - (1 - confLevel) / 2);
        List<StandardisedSurvival> out = new ArrayList<>();
        for (int c = 0; c < rows.groupCount(); c++) {
            CohortRows.Group g = rows.group(c);
            if (g.size() == 0) {
                continue;
            }
            int k = IcssStandard.groupCount();
            double[][] surv = new double[k][];
            double[][] se = new double[k][];
            for (int a = 0; a < k; a++) {
                CohortRows.Group sub = ageGroup(g, a, rt.daysPerYear());
                if (sub.size() == 0) {
                    throw Check.fail("%s has no rows aged %s; age-standardisation needs every ICSS age group",
                            g.name(), IcssStandard.label(a));
                }
                RelativeSurvivalFitter.Arrays6 fit = RelativeSurvivalFitter.fit(RelativeSurvivalMethod.POHAR_PERME,
                        rt, 1, sub.time(), sub.event(), sub.age(), sub.date(), sub.sex(), Double.NaN);
                List<RelativeSurvivalAt> at = new RelativeSurvivalCurve(sub.name(), sub.size(), fit, z, 1).at(times);
                surv[a] = new double[times.length];
                se[a] = new double[times.length];
                for (int j = 0; j < times.length; j++) {
                    surv[a][j] = at.get(j).survival();
                    se[a][j] = at.get(j).standardError();
                }
            }
            out.add(StandardisedSurvival.combine(g.name(), standard, times, surv, se, z));
        }
        return out;
    }

    private static CohortRows.Group ageGroup(CohortRows.Group g, int a, double daysPerYear) {
        int n = 0;
        for (double age : g.age()) {
            if (IcssStandard.group(years(age, daysPerYear)) == a) {
                n++;
            }
        }
        CohortRows.Group s = new CohortRows.Group(g.name() + ", age " + IcssStandard.label(a), new double[n],
                new byte[n], new double[n], new double[n], new byte[n]);
        int k = 0;
        for (int i = 0; i < g.size(); i++) {
            if (IcssStandard.group(years(g.age()[i], daysPerYear)) == a) {
                s.time()[k] = g.time()[i];
                s.event()[k] = g.event()[i];
                s.age()[k] = g.age()[i];
                s.date()[k] = g.date()[i];
                s.sex()[k] = g.sex()[i];
                k++;
            }
        }
        return s;
    }

    /** Age in years back from table days (age × d / d may fall an ulp below a whole year). */
    private static double years(double days, double daysPerYear) {
        return days / daysPerYear + 1e-9;
    }

    @Override
    public String toString() {
        return "AgeStandardisedNetSurvival[" + standard + ", confLevel=" + confLevel + "]";
    }
}
