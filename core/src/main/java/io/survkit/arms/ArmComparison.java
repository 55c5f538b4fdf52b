package io.survkit.arms;

import io.survkit.seer.CohortSelection;
import io.survkit.seer.Endpoint;
import io.survkit.data.Factor;
import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.internal.Check;
import io.survkit.regression.TieMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Comparison of a treatment arm with a control arm over one or more endpoints (e.g. overall and
 * cancer-specific survival of the same patients), as a paper reports it: per arm n, events, median
 * survival with its confidence interval (or "not reached" and the longest follow-up), survival at
 * landmarks, restricted mean survival time (RMST); between arms the median difference (a bound when
 * a median is not reached), landmark and RMST differences, the RMST ratio, the log-rank test, crude
 * and adjusted Cox hazard ratios and the Schoenfeld test of proportional hazards; optionally the same
 * within subgroups with an interaction test, and a landmark analysis against immortal-time bias.
 * Immutable and fluent: every method returns a new comparison; {@link #run()} computes the
 * {@link ArmComparisonResult}.
 *
 * <p>Every number is the one survkit's separate procedures give on the same rows (the arm's rows for
 * {@code KaplanMeier}; the two arms' rows for the log-rank test and {@code CoxRegression} with the
 * treatment as a 0/1 column named as R names a factor's dummy, {@code <group><treatment>}), so each
 * equals R survival's.
 *
 * <p>Defaults: the data's group is the arm; with two arms the first level is the control and the
 * second the treatment; no landmarks; RMST horizon = the shorter of the two arms' longest follow-up
 * (survRM2's default); 95% log-transformed confidence intervals; Efron ties; no adjustment, no
 * subgroups, no landmark analysis.
 *
 * <pre>{@code
 * CohortSelection cohort = SeerReader.withDefaults()
 *         .withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery())
 *         .withNumeric(SeerColumn.AGE, "age").withNumeric("CS tumor size (2004-2015)", "size")
 *         .withFactor(SeerColumn.SYSTEMIC_SURGERY_SEQUENCE, "timing", null)
 *         .read(Path.of("export.csv"));
 * ArmComparisonResult r = ArmComparison.of(cohort, Endpoint.CANCER_SPECIFIC, Endpoint.OVERALL_SURVIVAL)
 *         .withTreatment("Surgery + chemotherapy").withControl("Chemotherapy alone")
 *         .withLandmarks(12, 36, 60).withHorizon(120)
 *         .withAdjustment("age", "size")
 *         .withSubgroups("timing")
 *         .withLandmarkAnalysis(6)
 *         .run();
 * System.out.println(r);                 // tables and the methods paragraph
 * Files.writeString(Path.of("report.md"), r.toMarkdown());
 * }</pre>
 */
public final class ArmComparison {
    private static final Options DEFAULTS = new Options(null, null, new double[0], Double.NaN, Terms.none(), null,
            null, null, SubgroupTiming.AUTO, Double.NaN, Double.NaN, 0.95, ConfidenceIntervalType.LOG,
            TieMethod.EFRON, PropensityPlan.NONE, null);

    private final List<String> names;
    private final List<String> descriptions;
    private final List<SurvivalData> data;
    private final Options options;

    /**
     * Every option of a comparison, immutable (NaN and null mean "the default", resolved by
     * {@link #run()}).
     */
    record Options(String treatment, String control, double[] landmarks, double horizon, Terms adjust,
            String armColumn, String subgroupColumn, Factor subgroupFactor, SubgroupTiming timing,
            double landmarkTime, double medianBound, double confLevel, ConfidenceIntervalType confType,
            TieMethod ties, PropensityPlan plan, String timeUnit) {
        Options {
            landmarks = landmarks.clone();
        }

        @Override
        public double[] landmarks() {
            return landmarks.clone();
        }

        Draft draft() {
            return new Draft(this);
        }
    }

    /** A transient, local copy of the options while one {@code withX} changes one of them. */
    private static final class Draft {
        String treatment;
        String control;
        double[] landmarks;
        double horizon;
        Terms adjust;
        String armColumn;
        String subgroupColumn;
        Factor subgroupFactor;
        SubgroupTiming timing;
        double landmarkTime;
        double medianBound;
        double confLevel;
        ConfidenceIntervalType confType;
        TieMethod ties;
        PropensityPlan plan;
        String timeUnit;

        Draft(Options o) {
            treatment = o.treatment();
            control = o.control();
            landmarks = o.landmarks();
            horizon = o.horizon();
            adjust = o.adjust();
            armColumn = o.armColumn();
            subgroupColumn = o.subgroupColumn();
            subgroupFactor = o.subgroupFactor();
            timing = o.timing();
            landmarkTime = o.landmarkTime();
            medianBound = o.medianBound();
            confLevel = o.confLevel();
            confType = o.confType();
            ties = o.ties();
            plan = o.plan();
            timeUnit = o.timeUnit();
        }

        Options options() {
            return new Options(treatment, control, landmarks, horizon, adjust, armColumn, subgroupColumn,
                    subgroupFactor, timing, landmarkTime, medianBound, confLevel, confType, ties, plan, timeUnit);
        }
    }

    private ArmComparison(List<String> names, List<String> descriptions, List<SurvivalData> data, Options options) {
        this.names = List.copyOf(names);
        this.descriptions = Collections.unmodifiableList(new ArrayList<>(descriptions));
        this.data = List.copyOf(data);
        this.options = options;
    }

    private ArmComparison with(java.util.function.Consumer<Draft> change) {
        Draft d = options.draft();
        change.accept(d);
        return new ArmComparison(names, descriptions, data, d.options());
    }

    private static ArmComparison start(List<String> names, List<String> descriptions, List<SurvivalData> data,
            String armColumn) {
        Draft d = DEFAULTS.draft();
        d.armColumn = armColumn;
        return new ArmComparison(names, descriptions, data, d.options());
    }

    /**
     * A comparison over one endpoint, named after the data's event column.
     *
     * @param data the patients, one right-censored row each
     * @return the comparison with the defaults
     */
    public static ArmComparison of(SurvivalData data) {
        Check.notNull("data", data);
        return of(data.eventColumn(), data);
    }

    /**
     * A comparison over one endpoint named {@code name} (e.g. {@code "OS"}).
     *
     * @param name the endpoint's name
     * @param data the patients, one right-censored row each
     * @return the comparison with the defaults
     */
    public static ArmComparison of(String name, SurvivalData data) {
        Check.notNull("endpoint name", name);
        Check.notNull("data", data);
        List<String> d = new ArrayList<>();
        d.add(null);
        return start(List.of(name), d, List.of(data), null);
    }

    /**
     * A comparison over several endpoints given by name, in the map's order (e.g. {@code "CSS"} and
     * {@code "OS"} of the same patients).
     *
     * @param endpoints the data of each endpoint by name
     * @return the comparison with the defaults
     */
    public static ArmComparison of(Map<String, SurvivalData> endpoints) {
        Check.notNull("endpoints", endpoints);
        if (endpoints.isEmpty()) {
            throw Check.fail("give at least one endpoint data set");
        }
        List<String> n = new ArrayList<>();
        List<String> d = new ArrayList<>();
        List<SurvivalData> s = new ArrayList<>();
        for (Map.Entry<String, SurvivalData> e : endpoints.entrySet()) {
            n.add(Check.notNull("endpoint name", e.getKey()));
            d.add(null);
            s.add(Check.notNull("data of endpoint " + e.getKey(), e.getValue()));
        }
        return start(n, d, s, null);
    }

    /**
     * A comparison over the endpoints {@code endpoints} of a SEER cohort ({@code cohort.data(e)}),
     * named by their abbreviations (CSS, OS) and described in the methods paragraph by
     * {@link Endpoint#description()}; without endpoints, the cohort's own.
     *
     * @param cohort the SEER cohort
     * @param endpoints the endpoints to compare
     * @return the comparison with the defaults, the arm column the cohort's
     */
    public static ArmComparison of(CohortSelection cohort, Endpoint... endpoints) {
        Check.notNull("cohort", cohort);
        Endpoint[] es = endpoints == null || endpoints.length == 0 ? new Endpoint[] {cohort.endpoint()} : endpoints;
        List<String> n = new ArrayList<>();
        List<String> d = new ArrayList<>();
        List<SurvivalData> s = new ArrayList<>();
        for (Endpoint e : es) {
            Check.notNull("endpoint", e);
            if (n.contains(e.abbreviation())) {
                throw Check.fail("endpoint %s is given twice", e.abbreviation());
            }
            n.add(e.abbreviation());
            d.add(e.description());
            s.add(cohort.data(e));
        }
        return start(n, d, s, cohort.arms().map(a -> a.name()).orElse(null));
    }

    /**
     * The propensity plan: none (the default), matching or weighting; replaces the previous plan.
     *
     * @param plan {@link PropensityPlan#NONE}, a {@link PropensityPlan.Matching} or a
     *     {@link PropensityPlan.Weighting}
     * @return the comparison with this plan
     */
    public ArmComparison withPropensityPlan(PropensityPlan plan) {
        Check.notNull("propensity plan", plan);
        return with(d -> d.plan = plan);
    }

    /**
     * Runs the comparison on a propensity-matched sample: the score ({@code score}, a logistic
     * regression on chosen covariates) is estimated on the two arms' rows of each endpoint, matched
     * by {@code matching} (greedy nearest neighbour on the logit, without replacement, caliper); the
     * matched rows are analysed with the matched set as cluster (Kaplan-Meier with the clustered
     * infinitesimal-jackknife variance, Cox with the robust variance clustered on the set, as R with
     * {@code cluster = subclass}); with 1:k matching the controls weigh 1/k. Replaces weighting.
     *
     * @param score the propensity-score model
     * @param matching the matching rule
     * @return the comparison with this plan
     */
    public ArmComparison withMatching(PropensityScore score, PropensityMatching matching) {
        return withPropensityPlan(new PropensityPlan.Matching(score, matching));
    }

    /**
     * {@link #withMatching(PropensityScore, PropensityMatching)} with 1:1 matching, caliper 0.2 SD of the logit.
     *
     * @param score the propensity-score model
     * @return the comparison with this plan
     */
    public ArmComparison withMatching(PropensityScore score) {
        return withMatching(score, PropensityMatching.withDefaults());
    }

    /**
     * Runs the comparison weighted by inverse probability of treatment weights from {@code score}
     * ({@code weights} chooses stabilisation and truncation): weighted Kaplan-Meier (infinitesimal
     * jackknife variance) and Cox with the robust variance. The log-rank test is not reported (its
     * variance assumes frequency weights). Replaces matching.
     *
     * @param score the propensity-score model
     * @param weights the weighting rule
     * @return the comparison with this plan
     */
    public ArmComparison withWeighting(PropensityScore score, InverseProbabilityWeights weights) {
        return withPropensityPlan(new PropensityPlan.Weighting(score, weights));
    }

    /**
     * {@link #withWeighting(PropensityScore, InverseProbabilityWeights)} with unstabilised, untruncated weights.
     *
     * @param score the propensity-score model
     * @return the comparison with this plan
     */
    public ArmComparison withWeighting(PropensityScore score) {
        return withWeighting(score, InverseProbabilityWeights.withDefaults());
    }

    /**
     * Adds an endpoint named {@code name} (its rows may differ from the others').
     *
     * @param name the endpoint's name
     * @param endpointData its patients
     * @return the comparison with the endpoint added
     */
    public ArmComparison withEndpoint(String name, SurvivalData endpointData) {
        Check.notNull("endpoint name", name);
        Check.notNull("data", endpointData);
        if (names.contains(name)) {
            throw Check.fail("endpoint %s is given twice", name);
        }
        List<String> n = new ArrayList<>(names);
        n.add(name);
        List<String> d = new ArrayList<>(descriptions);
        d.add(null);
        List<SurvivalData> s = new ArrayList<>(data);
        s.add(endpointData);
        return new ArmComparison(n, d, s, options);
    }

    /**
     * The treatment arm: a level of the data's group.
     *
     * @param label the level
     * @return the comparison with this treatment arm
     */
    public ArmComparison withTreatment(String label) {
        Check.notNull("treatment arm", label);
        return with(d -> d.treatment = label);
    }

    /**
     * The control (reference) arm: a level of the data's group.
     *
     * @param label the level
     * @return the comparison with this control arm
     */
    public ArmComparison withControl(String label) {
        Check.notNull("control arm", label);
        return with(d -> d.control = label);
    }

    /**
     * Landmark times for survival and its difference (finite, >= 0; sorted; duplicates removed).
     *
     * @param times the landmark times
     * @return the comparison with these landmarks
     */
    public ArmComparison withLandmarks(double... times) {
        Check.notNull("landmark times", times);
        double[] t = times.clone();
        for (int i = 0; i < t.length; i++) {
            Check.nonNegativeFinite(Check.format("landmark %d", i + 1), t[i]);
        }
        double[] sorted = Arrays.stream(t).sorted().distinct().toArray();
        return with(d -> d.landmarks = sorted);
    }

    /**
     * Horizon tau of the restricted mean survival time (finite, > 0).
     *
     * @param tau the horizon
     * @return the comparison with this horizon
     */
    public ArmComparison withHorizon(double tau) {
        Check.positiveFinite("RMST horizon", tau);
        return with(d -> d.horizon = tau);
    }

    /**
     * The arm column: its levels are the arms (default for a SEER cohort: the cohort's arm column).
     *
     * @param column the treatment column of every endpoint's data
     * @return the comparison with this arm column
     */
    public ArmComparison withArm(String column) {
        Check.notNull("arm column", column);
        return with(d -> d.armColumn = column);
    }

    /**
     * Covariate columns for the adjusted Cox model, taken as they are (after the treatment term, in this order).
     *
     * @param covariates the columns
     * @return the comparison with this adjustment
     */
    public ArmComparison withAdjustment(String... covariates) {
        Check.notNull("covariates", covariates);
        Set<String> s = new LinkedHashSet<>();
        List<Term> t = new ArrayList<>();
        for (String c : covariates) {
            if (!s.add(Check.notNull("covariate", c))) {
                throw Check.fail("covariate '%s' is given twice", c);
            }
            t.add(Terms.variable(c));
        }
        return withAdjustment(Terms.of(t.toArray(new Term[0])));
    }

    /**
     * Covariates of the adjusted Cox model (after the treatment term).
     *
     * @param covariates the terms, e.g. {@code Terms.parse("age + factor(sex, ref = Female)")}
     * @return the comparison with this adjustment
     */
    public ArmComparison withAdjustment(Terms covariates) {
        Check.notNull("covariates", covariates);
        return with(d -> d.adjust = covariates);
    }

    /**
     * Subgroups by the levels of a factor covariate of the data; timing decided from the data.
     *
     * @param column the subgroup column
     * @return the comparison with these subgroups
     */
    public ArmComparison withSubgroups(String column) {
        return withSubgroups(column, SubgroupTiming.AUTO);
    }

    /**
     * Subgroups by the levels of a factor covariate of the data, known at {@code when}.
     *
     * @param column the subgroup column
     * @param when when the subgroup is known
     * @return the comparison with these subgroups
     */
    public ArmComparison withSubgroups(String column, SubgroupTiming when) {
        Check.notNull("subgroup column", column);
        Check.notNull("subgroup timing", when);
        return with(d -> {
            d.subgroupColumn = column;
            d.subgroupFactor = null;
            d.timing = when;
        });
    }

    /**
     * Subgroups by {@code factor}, one code per row of every endpoint's data; timing decided from the data.
     *
     * @param factor the subgroup of each row
     * @return the comparison with these subgroups
     */
    public ArmComparison withSubgroups(Factor factor) {
        return withSubgroups(factor, SubgroupTiming.AUTO);
    }

    /**
     * Subgroups by {@code factor}, one code per row of every endpoint's data, known at {@code when}.
     *
     * @param factor the subgroup of each row
     * @param when when the subgroup is known
     * @return the comparison with these subgroups
     */
    public ArmComparison withSubgroups(Factor factor, SubgroupTiming when) {
        Check.notNull("subgroup factor", factor);
        Check.notNull("subgroup timing", when);
        return with(d -> {
            d.subgroupColumn = factor.name();
            d.subgroupFactor = factor;
            d.timing = when;
        });
    }

    /**
     * Adds a landmark analysis at time {@code t}: the whole comparison (and subgroups) repeated on
     * the patients still followed after t (time > t), with time reset to time - t
     * ({@link SurvivalData#landmark(double)}), which removes the immortal time before t.
     *
     * @param t the landmark time (finite, > 0)
     * @return the comparison with this landmark analysis
     */
    public ArmComparison withLandmarkAnalysis(double t) {
        Check.positiveFinite("landmark analysis time", t);
        return with(d -> d.landmarkTime = t);
    }

    /**
     * The time used for a median that is not reached in the median difference, instead of the arm's
     * longest follow-up (e.g. 120 when a paper reports "not reached by 120 months"); must not exceed
     * the longest follow-up of the treatment arm. See {@link MedianDifference}.
     *
     * @param t the bound (finite, > 0)
     * @return the comparison with this median bound
     */
    public ArmComparison withMedianBound(double t) {
        Check.positiveFinite("median bound time", t);
        return with(d -> d.medianBound = t);
    }

    /**
     * Confidence level of every interval, in (0, 1).
     *
     * @param level the level, e.g. 0.95
     * @return the comparison with this level
     */
    public ArmComparison withConfidenceLevel(double level) {
        Check.openUnit("confidence level", level);
        return with(d -> d.confLevel = level);
    }

    /**
     * Confidence interval type of survival and the median (R {@code conf.type}; default LOG).
     *
     * @param type the type
     * @return the comparison with this type
     */
    public ArmComparison withConfidenceIntervalType(ConfidenceIntervalType type) {
        Check.notNull("confidence interval type", type);
        return with(d -> d.confType = type);
    }

    /**
     * Tie handling of the Cox models (default Efron).
     *
     * @param method the tie method
     * @return the comparison with this tie method
     */
    public ArmComparison withTies(TieMethod method) {
        Check.notNull("tie method", method);
        return with(d -> d.ties = method);
    }

    /**
     * The unit of the data's times, printed wherever a time appears in the tables, the notes and the
     * methods paragraph (e.g. {@code "months"}: "Median, months", "S(12 months)"). A label, not a
     * conversion: the numbers stay in the data's unit. Default: none printed.
     *
     * @param unit the unit's name in the plural, e.g. {@code "days"} or {@code "months"}
     * @return the comparison with this unit
     */
    public ArmComparison withTimeUnit(String unit) {
        Check.notNull("time unit", unit);
        if (unit.isBlank()) {
            throw Check.fail("time unit is blank; expected a name such as 'months'");
        }
        return with(d -> d.timeUnit = unit.strip());
    }

    /** @return the propensity plan ({@link PropensityPlan#NONE} by default) */
    public PropensityPlan propensityPlan() {
        return options.plan();
    }

    /** @return the endpoints' names, in order */
    public List<String> endpointNames() {
        return names;
    }

    /** @return the confidence level */
    public double confidenceLevel() {
        return options.confLevel();
    }

    /** @return the landmark times (a copy) */
    public double[] landmarks() {
        return options.landmarks();
    }

    /** @return the RMST horizon asked for; empty for the default (the shorter arm's longest follow-up) */
    public OptionalDouble horizon() {
        return Double.isNaN(options.horizon()) ? OptionalDouble.empty() : OptionalDouble.of(options.horizon());
    }

    // ---------------------------------------------------------------------------------------- run

    /**
     * Runs the comparison.
     *
     * @return the result: per endpoint, the arms' summaries and their comparison
     * @throws IllegalArgumentException naming what is wrong: data without a group (arm) column or
     *     with entry times, an arm label that is not a level of the group, an arm without patients,
     *     an unknown covariate or subgroup column, a landmark, horizon or median bound beyond the
     *     follow-up of an arm
     */
    public ArmComparisonResult run() {
        return new ArmComparisonRun(names, descriptions, data, options).run();
    }

    @Override
    public String toString() {
        Options o = options;
        return "ArmComparison[endpoints=" + names + ", treatment=" + o.treatment() + ", control=" + o.control()
                + ", landmarks=" + Arrays.toString(o.landmarks()) + ", horizon=" + o.horizon() + ", adjustFor="
                + o.adjust() + (o.subgroupColumn() == null ? "" : ", subgroupsBy=" + o.subgroupColumn() + " ("
                + o.timing() + ")") + (Double.isNaN(o.landmarkTime()) ? "" : ", landmarkAnalysis="
                + o.landmarkTime()) + ", propensity=" + o.plan() + "]";
    }
}
