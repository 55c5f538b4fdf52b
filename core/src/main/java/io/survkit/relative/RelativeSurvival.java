package io.survkit.relative;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Probabilities;
import java.util.ArrayList;
import java.util.List;

/**
 * Net and relative survival against a population rate table, equal to R
 * {@code relsurv::rs.surv(Surv(time, event) ~ group + ratetable(age = age * d, sex = sex, year = year),
 * ratetable = , method = , conf.type = "log", conf.int = )} (relsurv 2.2.9). Immutable; each
 * {@code with...} returns a new instance.
 *
 * <p>Defaults ({@link #withDefaults()}): {@link RelativeSurvivalMethod#POHAR_PERME}, the bundled
 * US table ({@link RateTable#us()}), confidence level 0.95 (log intervals), integration step 1 day
 * (relsurv's {@code precision}).
 *
 * <p>Time scale: days. Age enters the table as age in years × the table's
 * {@link RateTable#daysPerYear()}; the date of diagnosis as days since 1970-01-01. One difference
 * from relsurv 2.2.9, on purpose: with {@link CalendarRule#US_BIRTHDAY} tables survkit places the
 * birth date as R survival's {@code survexp} does; relsurv 2.2.9 reads it 3653 days early, which moves
 * its US results by up to about 1e-4.
 *
 * <p>Cost: Pohar-Perme and Ederer II in O(n log n + n × cells crossed + steps × occupied cells)
 * ({@link DailyStepKernel}); Ederer I and Hakulinen by an exact sweep in O(n log n × cells crossed +
 * curve times × occupied cells) ({@link ExactSweepKernel}); relsurv's are O(n × steps) and
 * O(n × curve times).
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("registry.csv")).time("time").event("status", "1").read();
 * RelativeSurvivalResult net = RelativeSurvival.withDefaults()
 *         .withRateTable(RateTable.us())
 *         .estimate(d, "stage", "age", "sex", "year");     // one curve per stage
 * double fiveYear = net.curve(0).survivalAt(1826);
 * }</pre>
 */
public final class RelativeSurvival {
    private static final RelativeSurvival DEFAULTS = new RelativeSurvival(RelativeSurvivalMethod.POHAR_PERME, null,
            0.95, 1.0, TimeUnit.DAYS);

    private final RelativeSurvivalMethod method;
    private final RateTable table;
    private final double confLevel;
    private final double step;
    private final TimeUnit unit;

    private RelativeSurvival(RelativeSurvivalMethod method, RateTable table, double confLevel, double step,
            TimeUnit unit) {
        this.method = method;
        this.table = table;
        this.confLevel = confLevel;
        this.step = step;
        this.unit = unit;
    }

    /**
     * Pohar-Perme, US table, 95 % log intervals, daily integration steps.
     *
     * @return the shared default instance
     */
    public static RelativeSurvival withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same with estimator {@code m}.
     *
     * @param m the relative survival method
     * @return a new instance with this setting (this one is unchanged)
     */
    public RelativeSurvival withMethod(RelativeSurvivalMethod m) {
        return new RelativeSurvival(Check.notNull("method", m), table, confLevel, step, unit);
    }

    /**
     * The same with population rate table {@code t}.
     *
     * @param t the rate table
     * @return a new instance with this setting (this one is unchanged)
     */
    public RelativeSurvival withRateTable(RateTable t) {
        return new RelativeSurvival(method, Check.notNull("rate table", t), confLevel, step, unit);
    }

    /**
     * The same with confidence level {@code level} (strictly between 0 and 1).
     *
     * @param level the confidence level, in (0, 1)
     * @return a new instance with this setting (this one is unchanged)
     */
    public RelativeSurvival withConfidenceLevel(double level) {
        return new RelativeSurvival(method, table, Check.openUnit("confidence level", level), step, unit);
    }

    /**
     * The same with integration steps of {@code days} (relsurv {@code precision}; Pohar-Perme and Ederer II).
     *
     * @param days the days
     * @return a new instance with this setting (this one is unchanged)
     */
    public RelativeSurvival withIntegrationStep(double days) {
        return new RelativeSurvival(method, table, confLevel, Check.positiveFinite("integration step", days), unit);
    }

    /**
     * The same with follow-up times (and the times of {@link RelativeSurvivalCurve#at}) in unit
     * {@code u}; the integration step stays in days.
     *
     * @param u the time unit
     * @return a new instance with this setting (this one is unchanged)
     */
    public RelativeSurvival withTimeUnit(TimeUnit u) {
        return new RelativeSurvival(method, table, confLevel, step, Check.notNull("time unit", u));
    }

    /** {@return the estimator} */
    public RelativeSurvivalMethod method() {
        return method;
    }

    /** {@return the rate table} */
    public RateTable rateTable() {
        return table != null ? table : RateTable.us();
    }

    /**
     * Estimates one curve for all rows of {@code data}, with the subjects' age (years), sex and date
     * of diagnosis from the named columns ({@link Demography#of(SurvivalData, String, String,
     * String)}).
     *
     * @param data the data
     * @param age the age
     * @param sex the sex
     * @param year the year
     * @return the result
     */
    public RelativeSurvivalResult estimate(SurvivalData data, String age, String sex, String year) {
        return estimate(data, Demography.of(data, age, sex, year));
    }

    /**
     * Estimates one curve per group of {@code groups} (columns, as R's {@code rs.surv(Surv(...) ~
     * stage + ratetable(...))}, e.g. {@code "stage"}), with age, sex and date of diagnosis from the
     * named columns.
     *
     * @param data the data
     * @param groups the groups
     * @param age the age
     * @param sex the sex
     * @param year the year
     * @return the result
     */
    public RelativeSurvivalResult estimate(SurvivalData data, String groups, String age, String sex, String year) {
        return estimate(ModelFrame.of(Check.notNull("data", data), Terms.parse(Check.notNull("groups", groups))),
                Demography.of(data, age, sex, year));
    }

    /**
     * One curve for all rows of {@code data}, row i of {@code demography} describing row i.
     *
     * @param data the data
     * @param demography the demography
     * @return one curve for all rows of {@code data}, row i of {@code demography} describing row i
     */
    public RelativeSurvivalResult estimate(SurvivalData data, Demography demography) {
        return estimate(ModelFrame.of(Check.notNull("data", data), Terms.none()), CohortRows.sameRows(data,
                demography));
    }

    /**
     * One curve per group of {@code frame}; {@code demography} describes the rows of the data the
     * frame was built from. Rows missing in a used column or in the demography, and rows with
     * follow-up 0 (relsurv drops them), are left out and counted.
     *
     * @param frame the model frame
     * @param demography the demography
     * @return one curve per group of {@code frame}; {@code demography} describes the rows of the data the frame was built from
     * @throws IllegalArgumentException for counting-process data, weights, a negative time, or
     *         demography of another length
     */
    public RelativeSurvivalResult estimate(ModelFrame frame, Demography demography) {
        Check.notNull("frame", frame);
        Check.notNull("demography", demography);
        double days = unit.days(rateTable().daysPerYear());
        CohortRows rows = CohortRows.of(frame, demography, rateTable(), days);
        double z = Probabilities.normalQuantile(1 - (1 - confLevel) / 2);
        double finalDate = rows.finalDate();
        List<RelativeSurvivalCurve> curves = new ArrayList<>();
        for (int g = 0; g < rows.groupCount(); g++) {
            CohortRows.Group c = rows.group(g);
            if (c.size() == 0) {
                continue;
            }
            RelativeSurvivalFitter.Arrays6 a = RelativeSurvivalFitter.fit(method, rateTable(), step, c.time(),
                    c.event(), c.age(), c.date(), c.sex(), finalDate);
            curves.add(new RelativeSurvivalCurve(c.name(), c.size(), a, z, days));
        }
        return new RelativeSurvivalResult(method, confLevel, rateTable().name(), curves, rows.omittedRows(),
                rows.zeroTimeRows());
    }

    @Override
    public String toString() {
        return "RelativeSurvival[method=" + method.rName() + ", rateTable=" + rateTable().name() + ", confLevel="
                + confLevel + ", step=" + step + "]";
    }
}
