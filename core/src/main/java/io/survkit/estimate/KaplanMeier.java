package io.survkit.estimate;

import io.survkit.data.CountTable;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Probabilities;
import java.util.OptionalDouble;

/**
 * Kaplan-Meier survival curves with Nelson-Aalen cumulative hazards, one curve per group level,
 * equal to R survival 3.5's {@code survfit(Surv(...) ~ group, conf.type = , conf.int = )}.
 * Immutable; each {@code with...} returns a new instance.
 *
 * <p>Defaults ({@link #withDefaults()}): {@link ConfidenceIntervalType#LOG} intervals (R's default),
 * confidence level 0.95, {@link KaplanMeierVariance#AUTO} (Greenwood, or the infinitesimal jackknife with
 * non-integer case weights or a cluster column, as R decides).
 *
 * <p>Input: right-censored or counting-process ({@code (start, stop]}, delayed entry) rows with
 * optional case weights ({@link SurvivalData}); with a strata column there is one curve per
 * (group, stratum) combination, named as R's {@code ~ group + strata(s)}. Pre-aggregated counts
 * ({@link CountTable}) give the same curves as the rows they summarise (Greenwood variance only).
 * With competing-risks status codes every cause counts as an event.
 *
 * <p>Cost: unweighted right-censored rows take one {@code Arrays.sort} of the event and of the
 * censoring times per curve and two linear merges (benchmarks/README.md: 1.1-1.4 x a plain sort of
 * the times, 60 bytes per subject with 10^6 distinct times). Weighted or delayed-entry rows take one
 * sort of the exit (and entry) times. The jackknife is O(n) for right-censored rows without
 * clusters and O(event times x clusters) (R's recursion) with clusters or delayed entry.
 *
 * <pre>{@code
 * SurvivalData lung = SurvivalData.csv(Path.of("lung.csv")).time("time").event("status", "2").read();
 * KaplanMeierResult km = KaplanMeier.withDefaults()
 *         .withConfidenceIntervalType(ConfidenceIntervalType.LOG_LOG)
 *         .fit(lung, "sex");
 * System.out.println(km);                       // n, events, median and its CI per curve
 * double s = km.curve(0).survivalAt(365);       // S(1 year) of the first curve
 * }</pre>
 */
public final class KaplanMeier {
    private static final KaplanMeier DEFAULTS = new KaplanMeier(ConfidenceIntervalType.LOG, 0.95, KaplanMeierVariance.AUTO,
            SurvivalEstimator.PRODUCT_LIMIT, HazardEstimator.NELSON_AALEN, Double.NaN);

    private final ConfidenceIntervalType confType;
    private final double confLevel;
    private final KaplanMeierVariance variance;
    private final SurvivalEstimator survivalEstimator;
    private final HazardEstimator hazardEstimator;
    /** NaN = no start time. */
    private final double startTime;

    private KaplanMeier(ConfidenceIntervalType confType, double confLevel, KaplanMeierVariance variance,
            SurvivalEstimator survivalEstimator, HazardEstimator hazardEstimator, double startTime) {
        this.confType = confType;
        this.confLevel = confLevel;
        this.variance = variance;
        this.survivalEstimator = survivalEstimator;
        this.hazardEstimator = hazardEstimator;
        this.startTime = startTime;
    }

    /**
     * Log-transformed 95 % intervals, R's automatic variance choice.
     *
     * @return the shared default instance
     */
    public static KaplanMeier withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same estimator with intervals of type {@code type} (R {@code conf.type}).
     *
     * @param type the type
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeier withConfidenceIntervalType(ConfidenceIntervalType type) {
        return new KaplanMeier(Check.notNull("confidence interval type", type), confLevel, variance,
                survivalEstimator, hazardEstimator, startTime);
    }

    /**
     * The same estimator with confidence level {@code level}, strictly between 0 and 1 (R {@code conf.int}).
     *
     * @param level the confidence level, in (0, 1)
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeier withConfidenceLevel(double level) {
        return new KaplanMeier(confType, Check.openUnit("confidence level", level), variance, survivalEstimator,
                hazardEstimator, startTime);
    }

    /**
     * The same estimator with variance {@code v} (R {@code robust}: GREENWOOD = FALSE, INFINITESIMAL_JACKKNIFE = TRUE).
     *
     * @param v the kaplan meier variance
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeier withVariance(KaplanMeierVariance v) {
        return new KaplanMeier(confType, confLevel, Check.notNull("variance", v), survivalEstimator,
                hazardEstimator, startTime);
    }

    /**
     * The same estimator with survival computed by {@code estimator} (R {@code stype}: 1 =
     * {@link SurvivalEstimator#PRODUCT_LIMIT}, 2 = {@link SurvivalEstimator#EXPONENTIAL_HAZARD}).
     *
     * @param estimator the estimator
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeier withSurvivalEstimator(SurvivalEstimator estimator) {
        return new KaplanMeier(confType, confLevel, variance, Check.notNull("survival estimator", estimator),
                hazardEstimator, startTime);
    }

    /**
     * The same estimator with the cumulative hazard computed by {@code estimator} (R {@code ctype}:
     * 1 = {@link HazardEstimator#NELSON_AALEN}, 2 = {@link HazardEstimator#FLEMING_HARRINGTON}).
     *
     * @param estimator the estimator
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeier withHazardEstimator(HazardEstimator estimator) {
        return new KaplanMeier(confType, confLevel, variance, survivalEstimator,
                Check.notNull("hazard estimator", estimator), startTime);
    }

    /**
     * The same estimator conditional on survival to {@code time} (R {@code start.time}): rows that
     * leave before it are not used (and counted in a warning), the curves start there and their
     * restricted means, landmarks and quantiles are read from it, on the original time scale.
     *
     * @param time a finite start time
     * @return a new instance with this setting (this one is unchanged)
     */
    public KaplanMeier withStartTime(double time) {
        if (!Double.isFinite(time)) {
            throw Check.fail("start time must be a finite number, got %s", time);
        }
        return new KaplanMeier(confType, confLevel, variance, survivalEstimator, hazardEstimator, time);
    }

    /** {@return confidence interval type} */
    public ConfidenceIntervalType confidenceIntervalType() {
        return confType;
    }

    /** {@return confidence level} */
    public double confidenceLevel() {
        return confLevel;
    }

    /** {@return variance choice} */
    public KaplanMeierVariance variance() {
        return variance;
    }

    /** {@return survival estimator (R {@code stype})} */
    public SurvivalEstimator survivalEstimator() {
        return survivalEstimator;
    }

    /** {@return cumulative hazard estimator (R {@code ctype})} */
    public HazardEstimator hazardEstimator() {
        return hazardEstimator;
    }

    /** {@return R's {@code start.time}, absent when the curves start at the data's origin} */
    public OptionalDouble startTime() {
        return Double.isNaN(startTime) ? OptionalDouble.empty() : OptionalDouble.of(startTime);
    }

    /** z = qnorm((1 + level) / 2). */
    double z() {
        return Probabilities.normalQuantile(1 - (1 - confLevel) / 2);
    }

    /**
     * Fits one curve to every row (R {@code survfit(Surv(...) ~ 1)}).
     *
     * @param data the data
     * @return the curve
     * @throws IllegalArgumentException for null data, or {@link KaplanMeierVariance#INFINITESIMAL_JACKKNIFE}
     *         asked for counting-process rows without a cluster (subject id) column (R: "id or
     *         cluster option required")
     */
    public KaplanMeierResult fit(SurvivalData data) {
        return fit(data, Terms.none());
    }

    /**
     * Fits one curve per group of the formula's columns (R {@code survfit(Surv(...) ~ formula)}),
     * e.g. {@code "sex"}, {@code "sex + ph.ecog"} or {@code "trt + strata(prior)"}; rows missing
     * in a used column are left out and counted.
     *
     * @param data the data
     * @param formula the grouping: columns, {@code factor()}, {@code strata()}
     * @return the curves
     */
    public KaplanMeierResult fit(SurvivalData data, String formula) {
        return fit(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * Fits one curve per group of {@code terms}.
     *
     * @param data the data
     * @param terms the grouping terms
     * @return the curves
     */
    public KaplanMeierResult fit(SurvivalData data, Terms terms) {
        return fit(ModelFrame.of(Check.notNull("data", data), Check.notNull("terms", terms)));
    }

    /**
     * Fits one curve per group of an already resolved model frame.
     *
     * @param frame the frame
     * @return the curves
     */
    public KaplanMeierResult fit(ModelFrame frame) {
        return KaplanMeierFitter.fit(this, Check.notNull("frame", frame));
    }

    /**
     * Fits one curve per group (x stratum) to pre-aggregated counts; equal to fitting the rows the
     * table summarises, with the Greenwood variance.
     *
     * @param counts the count table
     * @return the result
     * @throws IllegalArgumentException for null counts, or {@link KaplanMeierVariance#INFINITESIMAL_JACKKNIFE},
     *         which needs subject rows
     */
    public KaplanMeierResult fit(CountTable counts) {
        Check.notNull("counts", counts);
        if (variance == KaplanMeierVariance.INFINITESIMAL_JACKKNIFE) {
            throw Check.fail("the infinitesimal-jackknife variance needs subject rows (SurvivalData), not a count "
                    + "table; use KaplanMeierVariance.GREENWOOD or AUTO with counts");
        }
        return KaplanMeierFitter.fit(this, counts);
    }

    @Override
    public String toString() {
        return "KaplanMeier[confType=" + confType.rName() + ", confLevel=" + confLevel + ", variance=" + variance
                + ", stype=" + survivalEstimator.rCode() + ", ctype=" + hazardEstimator.rCode()
                + (Double.isNaN(startTime) ? "" : ", startTime=" + startTime) + "]";
    }
}
