package io.survkit.arms;

import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.seer.CohortSelection;
import io.survkit.seer.Endpoint;
import io.survkit.data.Factor;
import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import io.survkit.seer.SystemicSurgerySequence;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.internal.Check;
import io.survkit.internal.Probabilities;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.ProportionalHazardsResult;
import io.survkit.regression.ProportionalHazardsTest;
import io.survkit.regression.TieMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    private final List<String> names;
    private final List<String> descriptions;
    private final List<SurvivalData> data;
    private final String treatment;
    private final String control;
    private final double[] landmarks;
    private final double horizon;
    private final Terms adjust;
    private final String armColumn;
    private final String subgroupColumn;
    private final Factor subgroupFactor;
    private final SubgroupTiming timing;
    private final double landmarkTime;
    private final double medianBound;
    private final double confLevel;
    private final ConfidenceIntervalType confType;
    private final TieMethod ties;
    private PropensityScore propensity;
    private PropensityMatching matching;
    private InverseProbabilityWeights weighting;

    private ArmComparison(List<String> names, List<String> descriptions, List<SurvivalData> data, String treatment,
            String control, double[] landmarks, double horizon, Terms adjust, String subgroupColumn,
            Factor subgroupFactor, SubgroupTiming timing, double landmarkTime, double medianBound, double confLevel,
            ConfidenceIntervalType confType, TieMethod ties, String armColumn) {
        this.names = names;
        this.descriptions = descriptions;
        this.data = data;
        this.treatment = treatment;
        this.control = control;
        this.landmarks = landmarks;
        this.horizon = horizon;
        this.adjust = adjust;
        this.subgroupColumn = subgroupColumn;
        this.subgroupFactor = subgroupFactor;
        this.timing = timing;
        this.landmarkTime = landmarkTime;
        this.medianBound = medianBound;
        this.confLevel = confLevel;
        this.confType = confType;
        this.ties = ties;
        this.armColumn = armColumn;
    }

    private static ArmComparison start(List<String> names, List<String> descriptions, List<SurvivalData> data,
            String armColumn) {
        return new ArmComparison(List.copyOf(names), Collections.unmodifiableList(new ArrayList<>(descriptions)),
                List.copyOf(data), null, null, new double[0], Double.NaN, Terms.none(), null, null,
                SubgroupTiming.AUTO, Double.NaN, Double.NaN, 0.95, ConfidenceIntervalType.LOG, TieMethod.EFRON,
                armColumn);
    }

    /** A comparison over one endpoint, named after the data's event column. */
    public static ArmComparison of(SurvivalData data) {
        Check.notNull("data", data);
        return of(data.eventColumn(), data);
    }

    /** A comparison over one endpoint named {@code name} (e.g. {@code "OS"}). */
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
        return start(n, d, s, cohort.arms() == null ? null : cohort.arms().name());
    }

    private ArmComparison copy(String treatment, String control, double[] landmarks, double horizon,
            Terms adjust, String subgroupColumn, Factor subgroupFactor, SubgroupTiming timing,
            double landmarkTime, double medianBound, double confLevel, ConfidenceIntervalType confType,
            TieMethod ties) {
        ArmComparison c = new ArmComparison(names, descriptions, data, treatment, control, landmarks, horizon,
                adjust, subgroupColumn, subgroupFactor, timing, landmarkTime, medianBound, confLevel, confType, ties,
                armColumn);
        c.propensity = propensity;
        c.matching = matching;
        c.weighting = weighting;
        return c;
    }

    /**
     * Runs the comparison on a propensity-matched sample: the score ({@code score}, a logistic
     * regression on chosen covariates) is estimated on the two arms' rows of each endpoint, matched
     * by {@code matching} (greedy nearest neighbour on the logit, without replacement, caliper); the
     * matched rows are analysed with the matched set as cluster (Kaplan-Meier with the clustered
     * infinitesimal-jackknife variance, Cox with the robust variance clustered on the set, as R with
     * {@code cluster = subclass}); with 1:k matching the controls weigh 1/k. Replaces weighting.
     */
    public ArmComparison withMatching(PropensityScore score, PropensityMatching matching) {
        ArmComparison c = copy(treatment, control, landmarks, horizon, adjust, subgroupColumn, subgroupFactor, timing,
                landmarkTime, medianBound, confLevel, confType, ties);
        c.propensity = Check.notNull("propensity score", score);
        c.matching = Check.notNull("matching", matching);
        c.weighting = null;
        return c;
    }

    /** {@link #withMatching(PropensityScore, PropensityMatching)} with 1:1 matching, caliper 0.2 SD of the logit. */
    public ArmComparison withMatching(PropensityScore score) {
        return withMatching(score, PropensityMatching.withDefaults());
    }

    /**
     * Runs the comparison weighted by inverse probability of treatment weights from {@code score}
     * ({@code weights} chooses stabilisation and truncation): weighted Kaplan-Meier (infinitesimal
     * jackknife variance) and Cox with the robust variance. The log-rank test is not reported (its
     * variance assumes frequency weights). Replaces matching.
     */
    public ArmComparison withWeighting(PropensityScore score, InverseProbabilityWeights weights) {
        ArmComparison c = copy(treatment, control, landmarks, horizon, adjust, subgroupColumn, subgroupFactor, timing,
                landmarkTime, medianBound, confLevel, confType, ties);
        c.propensity = Check.notNull("propensity score", score);
        c.weighting = Check.notNull("weights", weights);
        c.matching = null;
        return c;
    }

    /** {@link #withWeighting(PropensityScore, InverseProbabilityWeights)} with unstabilised, untruncated weights. */
    public ArmComparison withWeighting(PropensityScore score) {
        return withWeighting(score, InverseProbabilityWeights.withDefaults());
    }

    /** Adds an endpoint named {@code name} (its rows may differ from the others'). */
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
        ArmComparison c = new ArmComparison(List.copyOf(n), Collections.unmodifiableList(d), List.copyOf(s),
                treatment, control, landmarks, horizon, adjust, subgroupColumn, subgroupFactor, timing, landmarkTime,
                medianBound, confLevel, confType, ties, armColumn);
        c.propensity = propensity;
        c.matching = matching;
        c.weighting = weighting;
        return c;
    }

    /** The treatment arm: a level of the data's group. */
    public ArmComparison withTreatment(String label) {
        return copy(Check.notNull("treatment arm", label), control, landmarks, horizon, adjust, subgroupColumn,
                subgroupFactor, timing, landmarkTime, medianBound, confLevel, confType, ties);
    }

    /** The control (reference) arm: a level of the data's group. */
    public ArmComparison withControl(String label) {
        return copy(treatment, Check.notNull("control arm", label), landmarks, horizon, adjust, subgroupColumn,
                subgroupFactor, timing, landmarkTime, medianBound, confLevel, confType, ties);
    }

    /** Landmark times for survival and its difference (finite, >= 0; sorted; duplicates removed). */
    public ArmComparison withLandmarks(double... times) {
        Check.notNull("landmark times", times);
        double[] t = times.clone();
        for (int i = 0; i < t.length; i++) {
            Check.nonNegativeFinite(Check.format("landmark %d", i + 1), t[i]);
        }
        t = Arrays.stream(t).sorted().distinct().toArray();
        return copy(treatment, control, t, horizon, adjust, subgroupColumn, subgroupFactor, timing, landmarkTime,
                medianBound, confLevel, confType, ties);
    }

    /** Horizon tau of the restricted mean survival time (finite, > 0). */
    public ArmComparison withHorizon(double tau) {
        return copy(treatment, control, landmarks, Check.positiveFinite("RMST horizon", tau), adjust, subgroupColumn,
                subgroupFactor, timing, landmarkTime, medianBound, confLevel, confType, ties);
    }

    /**
     * The arm column: its levels are the arms (default for a SEER cohort: the cohort's arm column).
     *
     * @param column the treatment column of every endpoint's data
     * @return the comparison with this arm column
     */
    public ArmComparison withArm(String column) {
        ArmComparison c = new ArmComparison(names, descriptions, data, treatment, control, landmarks, horizon,
                adjust, subgroupColumn, subgroupFactor, timing, landmarkTime, medianBound, confLevel, confType, ties,
                Check.notNull("arm column", column));
        c.propensity = propensity;
        c.matching = matching;
        c.weighting = weighting;
        return c;
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
        return copy(treatment, control, landmarks, horizon, Check.notNull("covariates", covariates), subgroupColumn,
                subgroupFactor, timing, landmarkTime, medianBound, confLevel, confType, ties);
    }

    /** Subgroups by the levels of a factor covariate of the data; timing decided from the data. */
    public ArmComparison withSubgroups(String column) {
        return withSubgroups(column, SubgroupTiming.AUTO);
    }

    /** Subgroups by the levels of a factor covariate of the data, known at {@code when}. */
    public ArmComparison withSubgroups(String column, SubgroupTiming when) {
        return copy(treatment, control, landmarks, horizon, adjust, Check.notNull("subgroup column", column), null,
                Check.notNull("subgroup timing", when), landmarkTime, medianBound, confLevel, confType, ties);
    }

    /** Subgroups by {@code factor}, one code per row of every endpoint's data; timing decided from the data. */
    public ArmComparison withSubgroups(Factor factor) {
        return withSubgroups(factor, SubgroupTiming.AUTO);
    }

    /** Subgroups by {@code factor}, one code per row of every endpoint's data, known at {@code when}. */
    public ArmComparison withSubgroups(Factor factor, SubgroupTiming when) {
        Check.notNull("subgroup factor", factor);
        return copy(treatment, control, landmarks, horizon, adjust, factor.name(), factor,
                Check.notNull("subgroup timing", when), landmarkTime, medianBound, confLevel, confType, ties);
    }

    /**
     * Adds a landmark analysis at time {@code t}: the whole comparison (and subgroups) repeated on
     * the patients still followed after t (time > t), with time reset to time - t
     * ({@link SurvivalData#landmark(double)}), which removes the immortal time before t.
     */
    public ArmComparison withLandmarkAnalysis(double t) {
        return copy(treatment, control, landmarks, horizon, adjust, subgroupColumn, subgroupFactor, timing,
                Check.positiveFinite("landmark analysis time", t), medianBound, confLevel, confType, ties);
    }

    /**
     * The time used for a median that is not reached in the median difference, instead of the arm's
     * longest follow-up (e.g. 120 when a paper reports "not reached by 120 months"); must not exceed
     * the longest follow-up of the treatment arm. See {@link MedianDifference}.
     */
    public ArmComparison withMedianBound(double t) {
        return copy(treatment, control, landmarks, horizon, adjust, subgroupColumn, subgroupFactor, timing,
                landmarkTime, Check.positiveFinite("median bound time", t), confLevel, confType, ties);
    }

    /** Confidence level of every interval, in (0, 1). */
    public ArmComparison withConfidenceLevel(double level) {
        return copy(treatment, control, landmarks, horizon, adjust, subgroupColumn, subgroupFactor, timing,
                landmarkTime, medianBound, Check.openUnit("confidence level", level), confType, ties);
    }

    /** Confidence interval type of survival and the median (R {@code conf.type}; default LOG). */
    public ArmComparison withConfidenceIntervalType(ConfidenceIntervalType type) {
        return copy(treatment, control, landmarks, horizon, adjust, subgroupColumn, subgroupFactor, timing,
                landmarkTime, medianBound, confLevel, Check.notNull("confidence interval type", type), ties);
    }

    /** Tie handling of the Cox models (default Efron). */
    public ArmComparison withTies(TieMethod method) {
        return copy(treatment, control, landmarks, horizon, adjust, subgroupColumn, subgroupFactor, timing,
                landmarkTime, medianBound, confLevel, confType, Check.notNull("tie method", method));
    }

    // ---------------------------------------------------------------------------------------- run

    /**
     * Runs the comparison.
     *
     * @throws IllegalArgumentException naming what is wrong: data without a group (arm) column or
     *     with entry times, an arm label that is not a level of the group, an arm without patients,
     *     an unknown covariate or subgroup column, a landmark, horizon or median bound beyond the
     *     follow-up of an arm
     */
    public ArmComparisonResult run() {
        if (armColumn == null) {
            throw Check.fail("name the arm column with arm(column)");
        }
        List<SurvivalData> cohorts = new ArrayList<>();
        for (int e = 0; e < data.size(); e++) {
            SurvivalData d = data.get(e);
            if (!d.hasColumn(armColumn)) {
                throw Check.fail("unknown arm column '%s' (endpoint %s); the data have %s", armColumn, names.get(e),
                        d.columnNames());
            }
            for (String a : adjust.columns()) {
                if (!d.hasColumn(a)) {
                    throw Check.fail("unknown covariate '%s' in adjustFor (endpoint %s); the data have %s", a,
                            names.get(e), d.columnNames());
                }
            }
            if (subgroupColumn != null && subgroupFactor == null && !d.hasColumn(subgroupColumn)) {
                throw Check.fail("unknown subgroup column '%s' (endpoint %s); the data have %s", subgroupColumn,
                        names.get(e), d.columnNames());
            }
            if (subgroupColumn != null && subgroupFactor == null && d.isNumeric(subgroupColumn)) {
                throw Check.fail("subgroup column '%s' is numeric; subgroups need a text column or a factor"
                        + " (SurvivalData.withFactor)", subgroupColumn);
            }
            if (subgroupFactor != null) {
                if (subgroupFactor.size() != d.rowCount()) {
                    throw Check.fail("subgroup factor '%s' has %d values but the data of endpoint %s have %d rows",
                            subgroupFactor.name(), subgroupFactor.size(), names.get(e), d.rowCount());
                }
                d = d.withFactor(subgroupFactor);
            }
            cohorts.add(complete(d));
        }
        Settings s = settings(cohorts);
        List<SurvivalData> twoArm = new ArrayList<>();
        List<PropensityAdjustment> adjustments = new ArrayList<>();
        for (int e = 0; e < data.size(); e++) {
            SurvivalData two = prepare(e, s, cohorts.get(e));
            PropensityAdjustment pa = null;
            if (propensity != null) {
                boolean[] treated = PropensityScore.treated(two, armColumn, s.treatment);
                PropensityScores ps = propensity.estimate(two, treated);
                Balance balance = Balance.withDefaults().withCovariates(propensity.covariates());
                if (matching != null) {
                    MatchedSets sets = matching.match(ps);
                    if (sets.setCount() == 0) {
                        throw Check.fail("%s: no treated patient has a control within the caliper (%s on the logit"
                                + " scale), so no pair was matched%s; widen the caliper"
                                + " (PropensityMatching.withCaliper), restrict the cohort to the region where the"
                                + " arms' scores overlap, or drop a covariate that separates the arms",
                                endpointName(e), Numbers.fixed3(sets.caliperWidth()), separationNote(ps));
                    }
                    pa = new PropensityAdjustment(PropensityAdjustment.Kind.MATCHED, ps, sets, null,
                            balance.estimate(two, treated, sets));
                    int[] rows = sets.matchedRows();
                    int[] set = new int[rows.length];
                    List<String> setLevels = new ArrayList<>();
                    for (int k = 0; k < sets.setCount(); k++) {
                        setLevels.add(Integer.toString(k + 1));
                    }
                    for (int k = 0; k < rows.length; k++) {
                        set[k] = sets.setId(rows[k]);
                    }
                    SurvivalData m = two.rows(rows).withCluster(Factor.of("matched set", setLevels, set));
                    if (sets.ratio() > 1) {
                        double[] w = sets.weights();
                        double[] wm = new double[rows.length];
                        for (int k = 0; k < rows.length; k++) {
                            wm[k] = w[rows[k]];
                        }
                        m = m.withWeights("matching weight", wm);
                    }
                    two = m;
                } else {
                    checkOverlap(ps, endpointName(e));
                    PropensityWeights pw = weighting.estimate(ps);
                    pa = new PropensityAdjustment(PropensityAdjustment.Kind.WEIGHTED, ps, null, pw,
                            balance.estimate(two, treated, pw));
                    two = two.withWeights("iptw", pw.weights());
                }
            }
            twoArm.add(two);
            adjustments.add(pa);
        }
        ArmComparisonResult main = analyse(s, twoArm, Double.NaN, true).withAdjustments(adjustments);
        if (Double.isNaN(landmarkTime)) {
            return main;
        }
        List<SurvivalData> landmarked = new ArrayList<>();
        for (int e = 0; e < twoArm.size(); e++) {
            SurvivalData d = twoArm.get(e);
            SurvivalData l = d.landmark(landmarkTime);
            int[] n = new int[2];
            Factor armOfL = arms(l);
            for (int i = 0; i < l.rowCount(); i++) {
                n[armOfL.code(i)]++;
            }
            for (int a = 0; a < 2; a++) {
                if (n[a] == 0) {
                    throw Check.fail("landmark analysis at %s: no patient of arm '%s' is followed beyond it for"
                            + " endpoint %s", Numbers.time(landmarkTime), a == 0 ? s.control : s.treatment,
                            names.get(e));
                }
            }
            landmarked.add(l);
        }
        ArmComparisonResult lm = analyse(s, landmarked, landmarkTime, false);
        return main.withLandmarkAnalysis(lm);
    }

    /** Resolved arm labels. */
    private static final class Settings {
        String group;
        String control;
        String treatment;
    }

    private Settings settings(List<SurvivalData> cohorts) {
        Settings s = new Settings();
        for (int e = 0; e < cohorts.size(); e++) {
            SurvivalData d = cohorts.get(e);
            Factor g = arms(d);
            if (d.hasStart()) {
                throw Check.fail("the data of endpoint %s have entry times (column '%s'); an arm comparison needs one"
                        + " right-censored row per patient", names.get(e), d.startColumn().orElse(null));
            }
            String c = control;
            String t = treatment;
            if (c == null || t == null) {
                if (g.levelCount() != 2 && (c == null || t == null)) {
                    throw Check.fail("group '%s' has %d arms %s; name the treatment and control arms", g.name(),
                            g.levelCount(), g.levels());
                }
                c = c != null ? c : t != null && t.equals(g.level(0)) ? g.level(1) : g.level(0);
                t = t != null ? t : c.equals(g.level(1)) ? g.level(0) : g.level(1);
            }
            for (String[] arm : new String[][] {{"treatment", t}, {"control", c}}) {
                if (g.indexOf(arm[1]) < 0) {
                    throw Check.fail("unknown %s arm '%s': not a level of group '%s' (endpoint %s); the arms are %s",
                            arm[0], arm[1], g.name(), names.get(e), g.levels());
                }
            }
            if (t.equals(c)) {
                throw Check.fail("treatment and control are the same arm '%s'", t);
            }
            for (String a : adjust.columns()) {
                if (!d.hasColumn(a)) {
                    throw Check.fail("unknown covariate '%s' in adjustFor (endpoint %s); the data have %s", a,
                            names.get(e), d.columnNames());
                }
            }
            if (subgroupFactor == null && subgroupColumn != null) {
                if (!d.hasColumn(subgroupColumn)) {
                    throw Check.fail("unknown subgroup column '%s' (endpoint %s); the data have %s",
                            subgroupColumn, names.get(e), d.columnNames());
                }
            }
            if (s.group == null) {
                s.group = g.name();
                s.control = c;
                s.treatment = t;
            }
        }
        return s;
    }

    /** The rows of the two arms, group relevelled to [control, treatment], with the subgroup attached. */
    private SurvivalData prepare(int e, Settings s, SurvivalData d) {
        Factor g = arms(d);
        int ci = g.indexOf(s.control);
        int ti = g.indexOf(s.treatment);
        int n = 0;
        int[] count = new int[2];
        for (int i = 0; i < d.rowCount(); i++) {
            int c = g.code(i);
            if (c == ci || c == ti) {
                n++;
                count[c == ci ? 0 : 1]++;
            }
        }
        for (int a = 0; a < 2; a++) {
            if (count[a] == 0) {
                throw Check.fail("arm '%s' has no patients in the data of endpoint %s", a == 0 ? s.control
                        : s.treatment, names.get(e));
            }
        }
        int[] idx = new int[n];
        int[] codes = new int[n];
        int k = 0;
        for (int i = 0; i < d.rowCount(); i++) {
            int c = g.code(i);
            if (c == ci || c == ti) {
                codes[k] = c == ci ? 0 : 1;
                idx[k++] = i;
            }
        }
        SurvivalData two = d.rows(idx).withFactor(Factor.of(armColumn, List.of(s.control, s.treatment), codes));
        double[] longest = longestFollowUp(two);
        double shorter = Math.min(longest[0], longest[1]);
        for (double t : landmarks) {
            if (t > shorter) {
                int a = longest[0] < longest[1] ? 0 : 1;
                throw Check.fail("landmark %s is beyond the follow-up of arm '%s' for endpoint %s (longest follow-up"
                        + " %s); choose landmarks <= %s", Numbers.time(t), a == 0 ? s.control : s.treatment,
                        names.get(e), Numbers.time(shorter), Numbers.time(shorter));
            }
        }
        if (horizon > shorter) {
            int a = longest[0] < longest[1] ? 0 : 1;
            throw Check.fail("RMST horizon %s is beyond the follow-up of arm '%s' for endpoint %s (longest follow-up"
                    + " %s); choose a horizon <= %s", Numbers.time(horizon), a == 0 ? s.control : s.treatment,
                    names.get(e), Numbers.time(shorter), Numbers.time(shorter));
        }
        if (medianBound > longest[1]) {
            throw Check.fail("median bound time %s is beyond the longest follow-up %s of treatment arm '%s' for"
                    + " endpoint %s", Numbers.time(medianBound), Numbers.time(longest[1]), s.treatment, names.get(e));
        }
        return two;
    }

    /** Longest follow-up of arm 0 and arm 1. */
    double[] longestFollowUp(SurvivalData two) {
        double[] m = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Factor g = arms(two);
        double[] time = two.numbers(two.timeColumn());
        for (int i = 0; i < two.rowCount(); i++) {
            int a = g.code(i);
            m[a] = Math.max(m[a], time[i]);
        }
        return m;
    }

    private ArmComparisonResult analyse(Settings s, List<SurvivalData> twoArm, double landmarkAt, boolean strict) {
        String term = s.group + s.treatment;
        List<EndpointComparison> out = new ArrayList<>();
        for (int e = 0; e < twoArm.size(); e++) {
            out.add(compare(names.get(e), descriptions.get(e), twoArm.get(e), s, term));
        }
        SubgroupAnalysis sub = subgroupColumn == null ? null : subgroups(s, twoArm, term);
        return new ArmComparisonResult(s.group, s.treatment, s.control, out, landmarks, horizon, adjust, confLevel,
                confType, ties, sub, landmarkAt, descriptions);
    }

    // ------------------------------------------------------------------------- one endpoint

    private EndpointComparison compare(String name, String description, SurvivalData two, Settings s, String term) {
        KaplanMeierResult km = KaplanMeier.withDefaults().withConfidenceIntervalType(confType).withConfidenceLevel(confLevel)
                .fit(two, Terms.of(Terms.factor(armColumn)));
        double[] longest = longestFollowUp(two);
        double tau = Double.isNaN(horizon) ? Math.min(longest[0], longest[1]) : horizon;
        List<String> notes = new ArrayList<>();
        ArmSummary c = new ArmSummary(s.control, km.curve(0), longest[0], landmarks, tau);
        ArmSummary t = new ArmSummary(s.treatment, km.curve(1), longest[1], landmarks, tau);
        double tBound = Double.isNaN(medianBound) ? longest[1] : Math.min(medianBound, longest[1]);
        MedianDifference md = MedianDifference.of(t, c, tBound, longest[0]);
        for (double l : landmarks) {
            if (l > Math.min(longest[0], longest[1])) {
                notes.add(Check.format("%s: survival at %s is not estimable in both arms (beyond the follow-up of an"
                        + " arm)", name, Numbers.time(l)));
            }
        }
        if (tau > Math.min(longest[0], longest[1])) {
            notes.add(Check.format("%s: RMST at %s is not estimable in both arms (beyond the follow-up of an arm)",
                    name, Numbers.time(tau)));
        }
        double[] logRank = logRank(two);
        if (weighting != null) {
            notes.add(Check.format("%s: the log-rank test is not reported for the weighted sample; read the robust"
                    + " Cox p", name));
        }
        double[] indicator = new double[two.rowCount()];
        Factor armOfTwo = arms(two);
        for (int i = 0; i < indicator.length; i++) {
            indicator[i] = armOfTwo.code(i);
        }
        SurvivalData withArm = two.withNumeric(term, indicator);
        CoxRegression cox = CoxRegression.withDefaults().withTies(ties).withConfidenceLevel(confLevel);
        CoxResult crude = null;
        CoxResult adjusted = null;
        double[] ph = {Double.NaN, Double.NaN};
        if (events(two) == 0) {
            notes.add(Check.format("%s: no events; no hazard ratio", name));
        } else {
            crude = cox.fit(withArm, Terms.of(Terms.numeric(term)));
            warn(notes, name, "crude Cox model", crude);
            if (!adjust.isEmpty()) {
                adjusted = cox.fit(withArm, Terms.of(Terms.numeric(term)).plus(adjust.terms().toArray(new Term[0])));
                warn(notes, name, "adjusted Cox model", adjusted);
            }
            if (!Double.isNaN(crude.coefficients()[0])) {
                ProportionalHazardsResult zph = ProportionalHazardsTest.withDefaults().test(crude);
                ph[0] = zph.chiSquares()[0];
                ph[1] = zph.pValues()[0];
                if (ph[1] < 0.05) {
                    notes.add(Check.format("%s: the Schoenfeld test rejects proportional hazards for the treatment"
                            + " (p = %s); the hazard ratio averages a changing effect: read the RMST and landmark"
                            + " differences instead of a single hazard ratio", name, Numbers.p(ph[1])));
                }
            }
        }
        return new EndpointComparison(name, description, km, c, t, md, confLevel, logRank, term, crude, adjusted, ph,
                notes);
    }

    /**
     * Inverse probability weighting needs overlap: when the fitted scores separate the arms completely
     * (every treated score above every control score; the logistic MLE does not exist and R's glm
     * warns "fitted probabilities numerically 0 or 1 occurred"), the weights tend to 1 and the
     * "weighted" analysis is the crude one. That is refused, not presented as weighted. Partial
     * (quasi-complete) separation is kept and reported: the model's warning is in the notes.
     */
    private static void checkOverlap(PropensityScores ps, String endpoint) {
        double minTreated = Double.POSITIVE_INFINITY;
        double maxControl = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ps.size(); i++) {
            if (ps.treated(i)) {
                minTreated = Math.min(minTreated, ps.score(i));
            } else {
                maxControl = Math.max(maxControl, ps.score(i));
            }
        }
        if (maxControl < minTreated) {
            throw Check.fail("%s: the propensity scores separate the arms completely (lowest treated score %s,"
                    + " highest control score %s)%s: the arms share no region of common support, every"
                    + " inverse probability weight tends to 1 and the analysis would be the crude one; restrict the"
                    + " cohort to patients whose covariates occur in both arms, or drop or coarsen the covariate that"
                    + " separates them", endpoint, Check.format("%.6g", minTreated), Check.format("%.6g", maxControl),
                    separationNote(ps));
        }
    }

    private static String separationNote(PropensityScores ps) {
        if (ps.model() == null) {
            return "";
        }
        for (String w : ps.model().warnings()) {
            if (w.startsWith("fitted probabilities")) {
                return " (the propensity score model warned: fitted probabilities numerically 0 or 1)";
            }
        }
        return "";
    }

    private String endpointName(int e) {
        return names.get(e);
    }

    private static void warn(List<String> notes, String name, String what, CoxResult fit) {
        for (String w : fit.warnings()) {
            notes.add(name + ", " + what + ": " + w);
        }
    }

    /** Log-rank chi-square, df, p of the two arms ({@code LogRankTest.withDefaults().test}); NaN when weighted. */
    private double[] logRank(SurvivalData two) {
        if (weighting != null) {
            return new double[] {Double.NaN, 1, Double.NaN};
        }
        LogRankResult r = LogRankTest.withDefaults().test(two, Terms.of(Terms.factor(armColumn)));
        return new double[] {r.chiSquare(), r.degreesOfFreedom(), r.pValue()};
    }

    // ----------------------------------------------------------------------------- subgroups

    private SubgroupAnalysis subgroups(Settings s, List<SurvivalData> twoArm, String term) {
        String var = subgroupColumn;
        // levels present per arm, taken from the first endpoint (the design must be the same for all)
        SurvivalData first = twoArm.get(0);
        Factor f = first.factor(var);
        boolean[][] present = new boolean[2][f.levelCount()];
        Factor armOfFirst = arms(first);
        for (int i = 0; i < first.rowCount(); i++) {
            present[armOfFirst.code(i)][f.code(i)] = true;
        }
        boolean disjoint = true;
        for (int l = 0; l < f.levelCount(); l++) {
            disjoint &= !(present[0][l] && present[1][l]);
        }
        SubgroupAnalysis.Design design = disjoint ? SubgroupAnalysis.Design.TREATMENT_LEVEL_VERSUS_CONTROL
                : SubgroupAnalysis.Design.WITHIN_LEVEL;
        List<String> levels = new ArrayList<>();
        for (int l = 0; l < f.levelCount(); l++) {
            if (disjoint ? present[1][l] : present[0][l] && present[1][l]) {
                levels.add(f.level(l));
            }
        }
        boolean after;
        if (timing == SubgroupTiming.AUTO) {
            after = disjoint;
            for (String l : f.levels()) {
                for (SystemicSurgerySequence q : SystemicSurgerySequence.values()) {
                    after |= q != SystemicSurgerySequence.NONE && q.seerLabel().equals(l);
                }
            }
        } else {
            after = timing == SubgroupTiming.AFTER_TIME_ZERO;
        }
        List<List<EndpointComparison>> per = new ArrayList<>();
        for (String level : levels) {
            List<EndpointComparison> row = new ArrayList<>();
            for (int e = 0; e < twoArm.size(); e++) {
                SurvivalData d = twoArm.get(e);
                Factor fe = d.factor(var);
                int code = fe.indexOf(level);
                int[] idx = select(d, fe, code, disjoint);
                SurvivalData sub = d.rows(idx);
                int[] n = new int[2];
                Factor armOfSub = arms(sub);
                for (int i = 0; i < sub.rowCount(); i++) {
                    n[armOfSub.code(i)]++;
                }
                if (n[0] == 0 || n[1] == 0) {
                    throw Check.fail("subgroup %s = %s has no patients in arm '%s' for endpoint %s", var, level,
                            n[0] == 0 ? s.control : s.treatment, names.get(e));
                }
                row.add(compare(names.get(e), descriptions.get(e), sub, s, term));
            }
            per.add(row);
        }
        int k = twoArm.size();
        double[] chi = new double[k];
        int[] df = new int[k];
        double[] p = new double[k];
        for (int e = 0; e < k; e++) {
            double[] lrt = interaction(twoArm.get(e), var, levels, disjoint, term);
            chi[e] = lrt[0];
            df[e] = (int) lrt[1];
            p[e] = lrt[2];
        }
        return new SubgroupAnalysis(var, design, after, levels, per, names, chi, df, p);
    }

    /** Rows of one subgroup: treatment rows of the level and every control row, or every row of the level. */
    private int[] select(SurvivalData d, Factor f, int code, boolean treatmentLevelVersusControl) {
        int n = 0;
        int[] idx = new int[d.rowCount()];
        Factor armOfD = arms(d);
        for (int i = 0; i < d.rowCount(); i++) {
            boolean control = armOfD.code(i) == 0;
            if (f.code(i) == code || treatmentLevelVersusControl && control) {
                idx[n++] = i;
            }
        }
        return Arrays.copyOf(idx, n);
    }

    /** Cox likelihood-ratio test of arm x subgroup: chi-square, df, p (NaN with fewer than two levels). */
    private double[] interaction(SurvivalData two, String var, List<String> levels, boolean nested, String term) {
        if (levels.size() < 2 || events(two) == 0) {
            return new double[] {Double.NaN, 0, Double.NaN};
        }
        Factor f = two.factor(var);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int j = 0; j < levels.size(); j++) {
            index.put(levels.get(j), j);
        }
        double[] indicator = new double[two.rowCount()];
        int[] keep = new int[two.rowCount()];
        int[] codes = new int[two.rowCount()];
        int n = 0;
        Factor armOfTwo = arms(two);
        for (int i = 0; i < two.rowCount(); i++) {
            indicator[i] = armOfTwo.code(i);
            Integer j = index.get(f.level(f.code(i)));
            boolean control = armOfTwo.code(i) == 0;
            if (nested) {
                keep[n] = i;
                codes[n++] = control ? 0 : j + 1;
            } else if (j != null) {
                keep[n] = i;
                codes[n++] = j;
            }
        }
        keep = Arrays.copyOf(keep, n);
        codes = Arrays.copyOf(codes, n);
        CoxRegression cox = CoxRegression.withDefaults().withTies(ties).withConfidenceLevel(confLevel);
        SurvivalData d = two.withNumeric(term, indicator).rows(keep);
        CoxResult reduced;
        CoxResult full;
        if (nested) {
            List<String> lv = new ArrayList<>();
            lv.add("control");
            lv.addAll(levels);
            String cell = var + " (treatment arm)";
            reduced = cox.fit(d, Terms.of(Terms.numeric(term)));
            full = cox.fit(d.withFactor(Factor.of(cell, lv, codes)), Terms.of(Terms.factor(cell)));
        } else {
            SurvivalData w = d.withFactor(Factor.of(var, levels, codes));
            reduced = cox.fit(w, Terms.of(Terms.numeric(term), Terms.factor(var)));
            full = cox.fit(w, Terms.of(Terms.numeric(term), Terms.factor(var),
                    Terms.interaction(Terms.numeric(term), Terms.factor(var))));
        }
        int df = estimable(full) - estimable(reduced);
        double chi = 2 * (full.logLikelihood() - reduced.logLikelihood());
        double p = df > 0 ? Probabilities.chiSquareUpper(Math.max(chi, 0), df) : Double.NaN;
        return new double[] {chi, df, p};
    }

    /** The arm of each row (levels in the data's order; [control, treatment] after {@code prepare}). */
    private Factor arms(SurvivalData d) {
        return d.factor(armColumn);
    }

    private static int events(SurvivalData d) {
        int e = 0;
        for (int st : d.statuses()) {
            e += st > 0 ? 1 : 0;
        }
        return e;
    }

    /**
     * The analysis cohort of one endpoint: the rows complete in time, event, arm and every
     * covariate the comparison uses (adjustment, propensity, subgroup), so that every number of
     * the comparison is computed on the same patients.
     */
    private SurvivalData complete(SurvivalData d) {
        List<String> cols = new ArrayList<>();
        cols.add(d.timeColumn());
        cols.add(armColumn);
        cols.addAll(adjust.columns());
        if (propensity != null) {
            cols.addAll(propensity.covariates().columns());
        }
        if (subgroupColumn != null && subgroupFactor == null) {
            cols.add(subgroupColumn);
        }
        int n = d.rowCount();
        boolean[] ok = new boolean[n];
        java.util.Arrays.fill(ok, true);
        int[] st = d.statuses();
        for (int i = 0; i < n; i++) {
            ok[i] = st[i] >= 0;
        }
        for (String c : cols) {
            String[] v = d.labels(c);
            for (int i = 0; i < n; i++) {
                ok[i] &= v[i] != null;
            }
        }
        int m = 0;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            if (ok[i]) {
                idx[m++] = i;
            }
        }
        return m == n ? d : d.rows(Arrays.copyOf(idx, m));
    }

    private static int estimable(CoxResult fit) {
        int m = 0;
        for (double b : fit.coefficients()) {
            m += Double.isNaN(b) ? 0 : 1;
        }
        return m;
    }

    @Override
    public String toString() {
        return "ArmComparison[endpoints=" + names + ", treatment=" + treatment + ", control=" + control
                + ", landmarks=" + Arrays.toString(landmarks) + ", horizon=" + horizon + ", adjustFor=" + adjust
                + (subgroupColumn == null ? "" : ", subgroupsBy=" + subgroupColumn + " (" + timing + ")")
                + (Double.isNaN(landmarkTime) ? "" : ", landmarkAnalysis=" + landmarkTime) + "]";
    }
}
