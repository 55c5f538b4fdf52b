package io.survkit.arms;

import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of an {@link ArmComparison}: its options resolved into final fields, the cohorts made
 * complete (every omission counted), the arms selected, the propensity plan applied, then every
 * endpoint (and subgroup, and the landmark analysis) compared. Package-private: the public entry is
 * {@link ArmComparison#run()}.
 */
final class ArmComparisonRun {
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
    private final PropensityPlan plan;
    private final String timeUnit;
    private final PropensityScore propensity;
    private final PropensityMatching matching;
    private final InverseProbabilityWeights weighting;

    ArmComparisonRun(List<String> names, List<String> descriptions, List<SurvivalData> data,
            ArmComparison.Options o) {
        this.names = names;
        this.descriptions = descriptions;
        this.data = data;
        this.treatment = o.treatment();
        this.control = o.control();
        this.landmarks = o.landmarks();
        this.horizon = o.horizon();
        this.adjust = o.adjust();
        this.armColumn = o.armColumn();
        this.subgroupColumn = o.subgroupColumn();
        this.subgroupFactor = o.subgroupFactor();
        this.timing = o.timing();
        this.landmarkTime = o.landmarkTime();
        this.medianBound = o.medianBound();
        this.confLevel = o.confLevel();
        this.confType = o.confType();
        this.ties = o.ties();
        this.plan = o.plan();
        this.timeUnit = o.timeUnit();
        if (plan instanceof PropensityPlan.Matching m) {
            propensity = m.score();
            matching = m.matching();
            weighting = null;
        } else if (plan instanceof PropensityPlan.Weighting w) {
            propensity = w.score();
            matching = null;
            weighting = w.weights();
        } else {
            propensity = null;
            matching = null;
            weighting = null;
        }
    }

    /**
     * Runs the comparison.
     *
     * @return the result
     * @throws IllegalArgumentException naming what is wrong: data without a group (arm) column or
     *     with entry times, an arm label that is not a level of the group, an arm without patients,
     *     an unknown covariate or subgroup column, a landmark, horizon or median bound beyond the
     *     follow-up of an arm
     */
    ArmComparisonResult run() {
        if (armColumn == null) {
            throw Check.fail("name the arm column with withArm(column)");
        }
        List<SurvivalData> cohorts = new ArrayList<>();
        List<List<CohortFlow.Exclusion>> excluded = new ArrayList<>();
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
            List<CohortFlow.Exclusion> x = new ArrayList<>();
            cohorts.add(complete(d, x));
            excluded.add(x);
        }
        Settings s = settings(cohorts);
        List<SurvivalData> twoArm = new ArrayList<>();
        List<PropensityAdjustment> adjustments = new ArrayList<>();
        for (int e = 0; e < data.size(); e++) {
            SurvivalData two = prepare(e, s, cohorts.get(e), excluded.get(e));
            PropensityAdjustment pa = null;
            if (propensity != null) {
                boolean[] treated = PropensityScore.treated(two, armColumn, s.treatment);
                PropensityScoreResult ps = propensity.estimate(two, treated);
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
                    if (rows.length < two.rowCount()) {
                        excluded.get(e).add(new CohortFlow.Exclusion("not matched on the propensity score",
                                two.rowCount() - rows.length));
                    }
                    two = m;
                } else {
                    checkOverlap(ps, endpointName(e));
                    InverseProbabilityWeightsResult pw = weighting.estimate(ps);
                    pa = new PropensityAdjustment(PropensityAdjustment.Kind.WEIGHTED, ps, null, pw,
                            balance.estimate(two, treated, pw));
                    two = two.withWeights("iptw", pw.weights());
                }
            }
            twoArm.add(two);
            adjustments.add(pa);
        }
        List<CohortFlow> flows = new ArrayList<>();
        for (int e = 0; e < data.size(); e++) {
            flows.add(new CohortFlow(names.get(e), data.get(e).rowCount(), excluded.get(e), twoArm.get(e).rowCount()));
        }
        ArmComparisonResult landmark = Double.isNaN(landmarkTime) ? null : landmarkAnalysis(s, twoArm);
        return analyse(s, twoArm, Double.NaN, adjustments, landmark, flows);
    }

    /** The comparison repeated on the patients followed beyond the landmark time, time reset to it. */
    private ArmComparisonResult landmarkAnalysis(Settings s, List<SurvivalData> twoArm) {
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
                            + " endpoint %s", time(landmarkTime), a == 0 ? s.control : s.treatment,
                            names.get(e));
                }
            }
            landmarked.add(l);
        }
        List<CohortFlow> flows = new ArrayList<>();
        for (int e = 0; e < twoArm.size(); e++) {
            flows.add(new CohortFlow(names.get(e), twoArm.get(e).rowCount(), List.of(new CohortFlow.Exclusion(
                    "not followed beyond the landmark " + time(landmarkTime),
                    twoArm.get(e).rowCount() - landmarked.get(e).rowCount())), landmarked.get(e).rowCount()));
        }
        return analyse(s, landmarked, landmarkTime, List.of(), null, flows);
    }

    /** A time with the comparison's unit when one was given ("12 months"). */
    private String time(double t) {
        return timeUnit == null ? Numbers.time(t) : Numbers.time(t) + " " + timeUnit;
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
    private SurvivalData prepare(int e, Settings s, SurvivalData d, List<CohortFlow.Exclusion> excluded) {
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
        if (n < d.rowCount()) {
            List<String> others = new ArrayList<>(g.levels());
            others.remove(s.control);
            others.remove(s.treatment);
            excluded.add(new CohortFlow.Exclusion("in another arm (" + String.join(", ", others) + ")",
                    d.rowCount() - n));
        }
        SurvivalData two = d.rows(idx).withFactor(Factor.of(armColumn, List.of(s.control, s.treatment), codes));
        double[] longest = longestFollowUp(two);
        double shorter = Math.min(longest[0], longest[1]);
        for (double t : landmarks) {
            if (t > shorter) {
                int a = longest[0] < longest[1] ? 0 : 1;
                throw Check.fail("landmark %s is beyond the follow-up of arm '%s' for endpoint %s (longest follow-up"
                        + " %s); choose landmarks <= %s", time(t), a == 0 ? s.control : s.treatment,
                        names.get(e), time(shorter), time(shorter));
            }
        }
        if (horizon > shorter) {
            int a = longest[0] < longest[1] ? 0 : 1;
            throw Check.fail("RMST horizon %s is beyond the follow-up of arm '%s' for endpoint %s (longest follow-up"
                    + " %s); choose a horizon <= %s", time(horizon), a == 0 ? s.control : s.treatment,
                    names.get(e), time(shorter), time(shorter));
        }
        if (medianBound > longest[1]) {
            throw Check.fail("median bound time %s is beyond the longest follow-up %s of treatment arm '%s' for"
                    + " endpoint %s", time(medianBound), time(longest[1]), s.treatment, names.get(e));
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

    private ArmComparisonResult analyse(Settings s, List<SurvivalData> twoArm, double landmarkAt,
            List<PropensityAdjustment> adjustments, ArmComparisonResult landmark, List<CohortFlow> flows) {
        String term = s.group + s.treatment;
        List<EndpointComparison> out = new ArrayList<>();
        for (int e = 0; e < twoArm.size(); e++) {
            out.add(compare(names.get(e), descriptions.get(e), twoArm.get(e), s, term));
        }
        SubgroupAnalysis sub = subgroupColumn == null ? null : subgroups(s, twoArm, term);
        return new ArmComparisonResult(new ArmComparisonResult.Design(s.group, s.treatment, s.control, landmarks,
                horizon, adjust, confLevel, confType, ties, timeUnit, descriptions), out, sub, landmarkAt, adjustments,
                landmark, flows);
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
                        + " arm)", name, time(l)));
            }
        }
        if (tau > Math.min(longest[0], longest[1])) {
            notes.add(Check.format("%s: RMST at %s is not estimable in both arms (beyond the follow-up of an arm)",
                    name, time(tau)));
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
    private static void checkOverlap(PropensityScoreResult ps, String endpoint) {
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

    private static String separationNote(PropensityScoreResult ps) {
        if (ps.model().isEmpty()) {
            return "";
        }
        for (String w : ps.model().get().warnings()) {
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
    private SurvivalData complete(SurvivalData d, List<CohortFlow.Exclusion> excluded) {
        java.util.Set<String> cols = new java.util.LinkedHashSet<>();
        cols.add(d.timeColumn());
        cols.add(d.eventColumn());
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
        for (String c : cols) {
            // each omitted row is counted once, under the first of the used columns it lacks
            boolean event = c.equals(d.eventColumn());
            String[] v = event ? null : d.labels(c);
            int missing = 0;
            for (int i = 0; i < n; i++) {
                if (ok[i] && (event ? st[i] < 0 : v[i] == null)) {
                    ok[i] = false;
                    missing++;
                }
            }
            if (missing > 0) {
                excluded.add(new CohortFlow.Exclusion("missing " + c, missing));
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
}
