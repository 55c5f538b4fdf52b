package io.survkit.arms;

import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.internal.Check;
import io.survkit.internal.Escape;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.Version;
import io.survkit.regression.TieMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of an {@link ArmComparison}, immutable: one {@link EndpointComparison} per endpoint,
 * the {@link SubgroupAnalysis} when asked for, the landmark analysis (itself an
 * {@code ArmComparisonResult} on the landmark population) when asked for, notes a reader must see
 * and a methods paragraph a paper can use. Renders as text ({@link #toString()}), Markdown
 * ({@link #toMarkdown()}, user labels escaped) and JSON ({@link #toJson()}, NaN as null).
 *
 * <pre>{@code
 * ArmComparisonResult r = comparison.run();
 * EndpointComparison css = r.endpoint("CSS");
 * css.control().median();             // 57
 * css.medianDifference().toString();  // "≥ 98"
 * r.methods();                        // paragraph for the paper
 * }</pre>
 */
public final class ArmComparisonResult implements io.survkit.table.Exportable {
    private final String group;
    private final String treatment;
    private final String control;
    private final List<EndpointComparison> endpoints;
    private final double[] landmarks;
    private final double horizon;
    private final List<String> adjust;  // the adjustment terms as written
    private final double level;
    private final ConfidenceIntervalType confType;
    private final TieMethod ties;
    private final SubgroupAnalysis subgroups;
    private final double landmarkTime;
    private final List<String> descriptions;
    private final ArmComparisonResult landmarkAnalysis;
    private List<PropensityAdjustment> adjustments = List.of();

    ArmComparisonResult(String group, String treatment, String control, List<EndpointComparison> endpoints,
            double[] landmarks, double horizon, io.survkit.data.Terms adjust, double level, ConfidenceIntervalType confType,
            TieMethod ties, SubgroupAnalysis subgroups, double landmarkTime, List<String> descriptions) {
        this(group, treatment, control, endpoints, landmarks, horizon,
                adjust.terms().stream().map(io.survkit.data.Term::formula).toList(), level, confType, ties, subgroups,
                landmarkTime, descriptions, null);
    }

    private ArmComparisonResult(String group, String treatment, String control, List<EndpointComparison> endpoints,
            double[] landmarks, double horizon, List<String> adjust, double level, ConfidenceIntervalType confType,
            TieMethod ties, SubgroupAnalysis subgroups, double landmarkTime, List<String> descriptions,
            ArmComparisonResult landmarkAnalysis) {
        this.group = group;
        this.treatment = treatment;
        this.control = control;
        this.endpoints = List.copyOf(endpoints);
        this.landmarks = landmarks.clone();
        this.horizon = horizon;
        this.adjust = List.copyOf(adjust);
        this.level = level;
        this.confType = confType;
        this.ties = ties;
        this.subgroups = subgroups;
        this.landmarkTime = landmarkTime;
        this.descriptions = Collections.unmodifiableList(new ArrayList<>(descriptions));
        this.landmarkAnalysis = landmarkAnalysis;
    }

    ArmComparisonResult withLandmarkAnalysis(ArmComparisonResult lm) {
        ArmComparisonResult r = new ArmComparisonResult(group, treatment, control, endpoints, landmarks, horizon,
                adjust, level, confType, ties, subgroups, landmarkTime, descriptions, lm);
        r.adjustments = adjustments;
        return r;
    }

    ArmComparisonResult withAdjustments(List<PropensityAdjustment> list) {
        ArmComparisonResult r = new ArmComparisonResult(group, treatment, control, endpoints, landmarks, horizon,
                adjust, level, confType, ties, subgroups, landmarkTime, descriptions, landmarkAnalysis);
        r.adjustments = Collections.unmodifiableList(new ArrayList<>(list));
        return r;
    }

    /** True when the arms were propensity-matched or weighted. */
    public boolean isPropensityAdjusted() {
        return !adjustments.isEmpty() && adjustments.get(0) != null;
    }

    /**
     * The propensity matching or weighting of endpoint {@code index} (its balance table, matched sets
     * or weights), or null when the comparison was neither matched nor weighted.
     */
    public PropensityAdjustment propensityAdjustment(int index) {
        return adjustments.isEmpty() ? null : adjustments.get(index);
    }

    /** Name of the arm (group) column. */
    public String groupColumn() {
        return group;
    }

    /** The treatment arm's label. */
    public String treatment() {
        return treatment;
    }

    /** The control arm's label. */
    public String control() {
        return control;
    }

    /** One comparison per endpoint, in the order given. */
    public List<EndpointComparison> endpoints() {
        return endpoints;
    }

    /** The comparison of endpoint {@code name} (e.g. {@code "OS"}). */
    public EndpointComparison endpoint(String name) {
        for (EndpointComparison e : endpoints) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        List<String> n = new ArrayList<>();
        for (EndpointComparison e : endpoints) {
            n.add(e.name());
        }
        throw Check.fail("no endpoint '%s'; the endpoints are %s", name, n);
    }

    /** Landmark times. */
    public double[] landmarks() {
        return landmarks.clone();
    }

    /** The RMST horizon asked for, or NaN for the default (per endpoint: {@link EndpointComparison#horizon()}). */
    public double horizon() {
        return horizon;
    }

    /** Covariates of the adjusted Cox models. */
    public List<String> adjustedFor() {
        return adjust;
    }

    /** Confidence level. */
    public double confidenceLevel() {
        return level;
    }

    /** The subgroup analysis, or null. */
    public SubgroupAnalysis subgroups() {
        return subgroups;
    }

    /** For a landmark analysis: its landmark time; NaN for the main analysis. */
    public double landmarkTime() {
        return landmarkTime;
    }

    /** True when this result is a landmark analysis (patients followed beyond {@link #landmarkTime()}). */
    public boolean isLandmarkAnalysis() {
        return !Double.isNaN(landmarkTime);
    }

    /** The landmark analysis, or null when not asked for. */
    public ArmComparisonResult landmarkAnalysis() {
        return landmarkAnalysis;
    }

    /** Notes a reader must see: proportional hazards, immortal time, estimability, model warnings. */
    public List<String> notes() {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            PropensityAdjustment pa = adjustments.isEmpty() ? null : adjustments.get(i);
            if (pa != null) {
                for (String w : pa.warnings()) {
                    n.add(endpoints.get(i).name() + ", propensity score model: " + w);
                }
            }
            n.addAll(endpoints.get(i).notes());
        }
        if (subgroups != null) {
            if (subgroups.definedAfterTimeZero()) {
                n.add(Check.format("Subgroups by '%s' are defined by something that happens after time zero: a patient"
                        + " had to survive until then to be in a subgroup (immortal-time bias), which favours the"
                        + " treatment subgroups; %s", subgroups.variable(), isLandmarkAnalysis()
                        ? Check.format("this landmark analysis at %s counts time from the landmark",
                                Numbers.time(landmarkTime))
                        : landmarkAnalysis != null ? Check.format("see the landmark analysis at %s",
                                Numbers.time(landmarkAnalysis.landmarkTime))
                        : "a landmark analysis (ArmComparison.landmarkAnalysis) addresses this"));
            }
            for (int l = 0; l < subgroups.levels().size(); l++) {
                for (EndpointComparison e : subgroups.comparisons(l)) {
                    for (String s : e.notes()) {
                        n.add("Subgroup " + subgroups.variable() + " = " + subgroups.levels().get(l) + ", " + s);
                    }
                }
            }
        }
        return List.copyOf(n);
    }

    // ------------------------------------------------------------------------------- methods

    /**
     * A methods paragraph for a paper: estimators, interval types, tests, models and ties, how a
     * median that is not reached is reported, subgroups and the landmark analysis, and the software
     * with its version.
     */
    public String methods() {
        StringBuilder m = new StringBuilder();
        String pct = Numbers.percent(level);
        m.append(isLandmarkAnalysis() ? Check.format("Landmark analysis at %s: only patients still followed after"
                + " %s (alive and uncensored) were included, and time was counted from the landmark, which removes"
                + " the immortal time before it. ", Numbers.time(landmarkTime), Numbers.time(landmarkTime)) : "");
        for (String d : descriptions) {
            if (d != null) {
                m.append(d).append(' ');
            }
        }
        m.append("Survival of the ").append(treatment).append(" and ").append(control).append(" arms was estimated"
                + " with the Kaplan-Meier method; ").append(pct).append(" confidence intervals of survival used ")
                .append(ciText()).append(", and those of the median survival were read from the confidence limits"
                + " of the curve (Brookmeyer and Crowley). Arms were compared with the log-rank test. ");
        if (landmarks.length > 0) {
            m.append("Survival at ").append(list(landmarks)).append(" was compared by the difference of the"
                    + " Kaplan-Meier estimates with Wald ").append(pct).append(" intervals from the two Greenwood"
                    + " standard errors. ");
        }
        m.append("The restricted mean survival time (RMST, area under the Kaplan-Meier curve) up to ");
        if (Double.isNaN(horizon)) {
            m.append("the shorter of the two arms' longest follow-up (");
            List<String> h = new ArrayList<>();
            for (EndpointComparison e : endpoints) {
                h.add(e.name() + " " + Numbers.time(e.horizon()));
            }
            m.append(String.join(", ", h)).append(')');
        } else {
            m.append(Numbers.time(horizon));
        }
        m.append(" was compared by its difference (Wald interval) and ratio (delta method on the log scale). Hazard"
                + " ratios of ").append(treatment).append(" versus ").append(control).append(" were estimated by Cox"
                + " proportional hazards regression with ").append(ties == TieMethod.EFRON ? "Efron's" : "Breslow's")
                .append(" method for ties and Wald ").append(pct).append(" intervals, crude");
        m.append(adjust.isEmpty() ? "" : " and adjusted for " + String.join(", ", adjust)).append("; proportional"
                + " hazards for the treatment term were checked with the Grambsch-Therneau test of scaled Schoenfeld"
                + " residuals (Kaplan-Meier transform of time), and where it failed (p < 0.05) the RMST and"
                + " landmark differences are the summaries to read. A median survival that was not reached is"
                + " reported with the arm's longest follow-up; the median difference is then a bound: at least the"
                + " treatment arm's longest follow-up (or the stated time) minus the control median. ");
        if (isPropensityAdjusted()) {
            PropensityAdjustment pa = adjustments.get(0);
            List<String> cov = pa.balance().terms();
            if (pa.kind() == PropensityAdjustment.Kind.MATCHED) {
                MatchedSets ms = pa.matchedSets();
                m.append("The propensity score (probability of ").append(treatment).append(") was estimated by"
                        + " logistic regression on ").append(String.join(", ", cov)).append("; patients were"
                        + " matched 1:").append(ms.ratio()).append(" by greedy nearest-neighbour matching on the"
                        + " logit of the score without replacement");
                m.append(Double.isNaN(ms.caliperInSd()) ? (Double.isInfinite(ms.caliperWidth()) ? ", without caliper"
                        : ", caliper " + Numbers.fixed3(ms.caliperWidth()) + " on the logit scale")
                        : ", caliper " + Numbers.time(ms.caliperInSd()) + " SD of the logit");
                m.append(", and balance was assessed by standardized mean differences. The matched sample was"
                        + " analysed with the matched set as cluster (robust variance of the Cox model and"
                        + " infinitesimal-jackknife variance of the Kaplan-Meier estimates). ");
            } else {
                PropensityWeights pw = pa.weights();
                m.append("The propensity score was estimated by logistic regression on ").append(String.join(", ",
                        cov)).append("; inverse probability of treatment weights (").append(pw.stabilization()
                        .name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(" stabilisation")
                        .append(pw.truncatedCount() > 0 ? ", " + pw.truncatedCount() + " weights truncated" : "")
                        .append(") gave weighted Kaplan-Meier estimates (infinitesimal-jackknife variance) and Cox"
                                + " models with the robust variance; the log-rank test is not reported for the"
                                + " weighted sample. ");
            }
        }
        if (isPropensityAdjusted()) {
            java.util.Set<String> warned = new java.util.LinkedHashSet<>();
            for (PropensityAdjustment pa : adjustments) {
                if (pa != null) {
                    warned.addAll(pa.warnings());
                }
            }
            for (String w : warned) {
                m.append("The propensity score model warned: ").append(w).append(". ");
            }
        }
        if (subgroups != null) {
            m.append("Subgroups by ").append(subgroups.variable()).append(": ")
                    .append(subgroups.design() == SubgroupAnalysis.Design.TREATMENT_LEVEL_VERSUS_CONTROL
                            ? "each level of the treatment arm was compared with the whole control arm, and"
                                    + " heterogeneity of the treatment effect across levels was tested with a Cox"
                                    + " likelihood-ratio test (one treatment effect per level against a common one)"
                            : "treatment and control were compared within each level, and the arm by subgroup"
                                    + " interaction was tested with a Cox likelihood-ratio test")
                    .append(". ");
            if (subgroups.definedAfterTimeZero()) {
                m.append("These subgroups are defined by events after time zero and are subject to immortal-time"
                        + " bias. ");
            }
        }
        if (landmarkAnalysis != null) {
            m.append("A landmark analysis at ").append(Numbers.time(landmarkAnalysis.landmarkTime)).append(" repeated"
                    + " the comparison in patients still followed at the landmark, with time reset to it. ");
        }
        m.append("P-values are two-sided. Analyses used survkit ").append(Version.get()).append(" (Java), whose"
                + " Kaplan-Meier, log-rank and Cox estimates equal those of R survival 3.5-3.");
        return m.toString();
    }

    private String ciText() {
        switch (confType) {
            case LOG:
                return "the log transformation with Greenwood's variance";
            case LOG_LOG:
                return "the log-log transformation with Greenwood's variance";
            case PLAIN:
                return "the plain (linear) scale with Greenwood's variance";
            default:
                return "the " + confType.rName() + " transformation with Greenwood's variance";
        }
    }

    private static String list(double[] v) {
        List<String> s = new ArrayList<>();
        for (double x : v) {
            s.add(Numbers.time(x));
        }
        return String.join(", ", s);
    }

    // ------------------------------------------------------------------------------- tables

    private String ci(double est, double lo, double hi, boolean prob) {
        if (prob) {
            return Numbers.withCi(Numbers.fixed3(est), Numbers.fixed3(lo), Numbers.fixed3(hi));
        }
        return Numbers.withCi(Numbers.fixed2(est), Numbers.fixed2(lo), Numbers.fixed2(hi));
    }

    private static String medianText(ArmSummary a) {
        if (!a.medianReached()) {
            return "not reached (longest follow-up " + Numbers.time(a.longestFollowUp()) + ")";
        }
        return Numbers.withCi(Numbers.time(a.median()), Numbers.time(a.medianLower()), Numbers.time(a.medianUpper()));
    }

    /** Per-arm table of one endpoint: header then one row per arm. */
    private List<String[]> armTable(EndpointComparison e) {
        List<String[]> t = new ArrayList<>();
        String pct = Numbers.percent(level);
        List<String> h = new ArrayList<>(List.of("Arm", "n", "Events", "Median (" + pct + " CI)"));
        for (double l : landmarks) {
            h.add("S(" + Numbers.time(l) + ") (" + pct + " CI)");
        }
        h.add("RMST(" + Numbers.time(e.horizon()) + ") (SE)");
        t.add(h.toArray(new String[0]));
        for (ArmSummary a : List.of(e.control(), e.treatment())) {
            List<String> r = new ArrayList<>(List.of(a.label(), Integer.toString(a.size()), Numbers.count(a.events()),
                    medianText(a)));
            for (int j = 0; j < a.landmarkCount(); j++) {
                r.add(ci(a.survival(j), a.survivalLower(j), a.survivalUpper(j), true));
            }
            r.add(Numbers.fixed2(a.restrictedMean()) + " (" + Numbers.fixed2(a.restrictedMeanStandardError()) + ")");
            t.add(r.toArray(new String[0]));
        }
        return t;
    }

    /** Between-arm table of one endpoint: measure, estimate (CI), p. */
    private List<String[]> betweenTable(EndpointComparison e) {
        List<String[]> t = new ArrayList<>();
        String pct = Numbers.percent(level);
        t.add(new String[] {"Treatment vs control", "Estimate (" + pct + " CI)", "p"});
        t.add(new String[] {"Median difference", e.medianDifference().toString(), ""});
        for (int j = 0; j < landmarks.length; j++) {
            t.add(new String[] {"S(" + Numbers.time(landmarks[j]) + ") difference", ci(e.survivalDifference(j),
                    e.survivalDifferenceLower(j), e.survivalDifferenceUpper(j), true), ""});
        }
        String h = Numbers.time(e.horizon());
        t.add(new String[] {"RMST(" + h + ") difference", ci(e.restrictedMeanDifference(),
                e.restrictedMeanDifferenceLower(), e.restrictedMeanDifferenceUpper(), false),
            Numbers.p(e.restrictedMeanDifferencePValue())});
        t.add(new String[] {"RMST(" + h + ") ratio", ci(e.restrictedMeanRatio(), e.restrictedMeanRatioLower(),
                e.restrictedMeanRatioUpper(), false), ""});
        t.add(new String[] {"Log-rank test", "chi-square " + Numbers.fixed2(e.logRankChiSquare()) + " on "
                + e.logRankDegreesOfFreedom() + " df", Numbers.p(e.logRankPValue())});
        t.add(new String[] {"Hazard ratio, crude", ci(e.crudeHazardRatio(), e.crudeHazardRatioLower(),
                e.crudeHazardRatioUpper(), false), Numbers.p(e.crudeHazardRatioPValue())});
        if (!adjust.isEmpty()) {
            t.add(new String[] {"Hazard ratio, adjusted for " + String.join(", ", adjust), ci(e.adjustedHazardRatio(),
                    e.adjustedHazardRatioLower(), e.adjustedHazardRatioUpper(), false),
                Numbers.p(e.adjustedHazardRatioPValue())});
        }
        t.add(new String[] {"Proportional hazards (Schoenfeld)", e.proportionalHazardsHolds() ? "not rejected"
                : "rejected: read RMST and landmark differences", Numbers.p(e.proportionalHazardsPValue())});
        return t;
    }

    private List<String[]> subgroupTable() {
        List<String[]> t = new ArrayList<>();
        String pct = Numbers.percent(level);
        t.add(new String[] {subgroups.variable(), "Endpoint", "n (treatment / control)", "Median treatment",
            "Median control", "Median difference", "HR (" + pct + " CI)", "Log-rank p", "Interaction p"});
        for (int l = 0; l < subgroups.levels().size(); l++) {
            for (int e = 0; e < endpoints.size(); e++) {
                EndpointComparison c = subgroups.comparison(l, e);
                t.add(new String[] {subgroups.levels().get(l), c.name(), c.treatment().size() + " / "
                        + c.control().size(), medianText(c.treatment()), medianText(c.control()),
                    c.medianDifference().toString(), ci(c.crudeHazardRatio(), c.crudeHazardRatioLower(),
                            c.crudeHazardRatioUpper(), false), Numbers.p(c.logRankPValue()),
                    l == 0 ? Numbers.p(subgroups.interactionPValue(e)) : ""});
            }
        }
        return t;
    }

    private String title() {
        return (isLandmarkAnalysis() ? "Landmark analysis at " + Numbers.time(landmarkTime) + ": " : "Arm comparison: ")
                + treatment + " vs " + control + " (" + group + ")";
    }

    // ------------------------------------------------------------------------------- text

    /** Plain-text tables per endpoint, subgroups, notes, the landmark analysis and the methods paragraph. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(title()).append("\n\n");
        for (EndpointComparison e : endpoints) {
            sb.append(e.name()).append('\n');
            text(sb, armTable(e));
            sb.append('\n');
            text(sb, betweenTable(e));
            sb.append('\n');
        }
        if (subgroups != null) {
            sb.append("Subgroups by ").append(subgroups.variable()).append(" (interaction: Cox likelihood-ratio test)\n");
            text(sb, subgroupTable());
            sb.append('\n');
        }
        if (isPropensityAdjusted()) {
            for (int e = 0; e < endpoints.size(); e++) {
                PropensityAdjustment pa = adjustments.get(e);
                sb.append(endpoints.get(e).name()).append(": ").append(pa.kind() == PropensityAdjustment.Kind.MATCHED
                        ? pa.matchedSets().toString() : pa.weights().toString()).append('\n');
                sb.append(pa.balance().toString()).append('\n');
            }
        }
        List<String> notes = notes();
        if (!notes.isEmpty()) {
            sb.append("Notes\n");
            for (String n : notes) {
                sb.append("  - ").append(n).append('\n');
            }
            sb.append('\n');
        }
        if (landmarkAnalysis != null) {
            sb.append(landmarkAnalysis.toString()).append('\n');
        }
        if (!isLandmarkAnalysis()) {
            sb.append("Methods\n").append(methods()).append('\n');
        }
        return sb.toString();
    }

    private static void text(StringBuilder sb, List<String[]> t) {
        int[] w = new int[t.get(0).length];
        for (String[] r : t) {
            for (int j = 0; j < r.length; j++) {
                w[j] = Math.max(w[j], r[j].length());
            }
        }
        for (String[] r : t) {
            sb.append(' ');
            for (int j = 0; j < r.length; j++) {
                sb.append(' ').append(r[j]).append(" ".repeat(w[j] - r[j].length())).append(' ');
            }
            int end = sb.length();
            while (sb.charAt(end - 1) == ' ') {
                end--;
            }
            sb.setLength(end);
            sb.append('\n');
        }
    }

    // ------------------------------------------------------------------------------- Markdown

    /** Markdown: headings, tables (labels escaped with {@link Escape#markdown}), notes and methods. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        markdown(sb, "##");
        return sb.toString();
    }

    private void markdown(StringBuilder sb, String h) {
        sb.append(h).append(' ').append(Escape.markdown(title())).append("\n\n");
        for (EndpointComparison e : endpoints) {
            sb.append(h).append("# ").append(Escape.markdown(e.name())).append("\n\n");
            md(sb, armTable(e));
            sb.append('\n');
            md(sb, betweenTable(e));
            sb.append('\n');
        }
        if (subgroups != null) {
            sb.append(h).append("# Subgroups by ").append(Escape.markdown(subgroups.variable())).append("\n\n");
            md(sb, subgroupTable());
            sb.append('\n');
        }
        List<String> notes = notes();
        if (!notes.isEmpty()) {
            sb.append(h).append("# Notes\n\n");
            for (String n : notes) {
                sb.append("- ").append(Escape.markdown(n)).append('\n');
            }
            sb.append('\n');
        }
        if (landmarkAnalysis != null) {
            landmarkAnalysis.markdown(sb, h);
        }
        if (!isLandmarkAnalysis()) {
            sb.append(h).append("# Methods\n\n").append(Escape.markdown(methods())).append('\n');
        }
    }

    private static void md(StringBuilder sb, List<String[]> t) {
        for (int i = 0; i < t.size(); i++) {
            String[] r = t.get(i);
            sb.append('|');
            for (String c : r) {
                sb.append(' ').append(Escape.markdown(c)).append(" |");
            }
            sb.append('\n');
            if (i == 0) {
                sb.append('|');
                for (int j = 0; j < r.length; j++) {
                    sb.append(j == 0 ? "---|" : "---:|");
                }
                sb.append('\n');
            }
        }
    }

    // ------------------------------------------------------------------------------- JSON

    /** JSON with every number of the result (NaN as null), the notes and the methods paragraph. */
    @Override
    public String toJson() {
        JsonWriter w = new JsonWriter();
        json(w);
        return w.toString();
    }

    @Override
    public void writeJson(Appendable out) {
        json(new JsonWriter(out));
    }

    /**
     * One row per endpoint and arm: n, events, median with its CI, restricted mean, and the
     * endpoint's log-rank, hazard ratios, RMST difference and Schoenfeld test.
     *
     * @return the tidy table
     */
    @Override
    public io.survkit.table.Table table() {
        return Exports.armComparisonTable(this);
    }


    private void json(JsonWriter w) {
        w.beginObject();
        w.name("software").beginObject().name("name").value("survkit").name("version").value(Version.get())
                .endObject();
        w.name("groupColumn").value(group).name("treatment").value(treatment).name("control").value(control);
        w.name("landmarkTime").value(landmarkTime);
        w.name("confidenceLevel").value(level).name("confidenceIntervalType").value(confType.rName());
        w.name("ties").value(ties.name().toLowerCase(java.util.Locale.ROOT));
        w.name("landmarks").array(landmarks).name("horizon").value(horizon);
        w.name("adjustedFor").array(adjust);
        w.name("endpoints").beginArray();
        for (EndpointComparison e : endpoints) {
            json(w, e);
        }
        w.endArray();
        w.name("subgroups");
        if (subgroups == null) {
            w.nullValue();
        } else {
            w.beginObject().name("variable").value(subgroups.variable()).name("design")
                    .value(subgroups.design().name()).name("definedAfterTimeZero")
                    .value(subgroups.definedAfterTimeZero());
            w.name("interaction").beginArray();
            for (int e = 0; e < endpoints.size(); e++) {
                w.beginObject().name("endpoint").value(endpoints.get(e).name()).name("test").value("likelihood ratio")
                        .name("chiSquare").value(subgroups.interactionChiSquare(e)).name("df")
                        .value(subgroups.interactionDegreesOfFreedom(e)).name("p")
                        .value(subgroups.interactionPValue(e)).endObject();
            }
            w.endArray();
            w.name("levels").beginArray();
            for (int l = 0; l < subgroups.levels().size(); l++) {
                w.beginObject().name("level").value(subgroups.levels().get(l)).name("endpoints").beginArray();
                for (EndpointComparison c : subgroups.comparisons(l)) {
                    json(w, c);
                }
                w.endArray().endObject();
            }
            w.endArray().endObject();
        }
        w.name("propensity").beginArray();
        for (int e = 0; e < (isPropensityAdjusted() ? endpoints.size() : 0); e++) {
            PropensityAdjustment pa = adjustments.get(e);
            BalanceTable b = pa.balance();
            w.beginObject().name("endpoint").value(endpoints.get(e).name()).name("kind").value(pa.kind().name());
            if (pa.matchedSets() != null) {
                MatchedSets ms = pa.matchedSets();
                w.name("ratio").value(ms.ratio()).name("caliperSd").value(ms.caliperInSd()).name("caliperWidth")
                        .value(ms.caliperWidth()).name("matchedTreated").value(ms.matchedTreatedCount())
                        .name("matchedControls").value(ms.matchedControlCount()).name("unmatchedTreated")
                        .value(ms.unmatchedTreatedCount());
            } else {
                w.name("stabilization").value(pa.weights().stabilization().name()).name("truncated")
                        .value(pa.weights().truncatedCount());
            }
            w.name("balance").beginObject().name("terms").array(b.terms()).name("smdBefore").array(b.smdBefore())
                    .name("smdAfter").array(b.smdAfter()).endObject();
            w.endObject();
        }
        w.endArray();
        w.name("notes").array(notes());
        w.name("landmarkAnalysis");
        if (landmarkAnalysis == null) {
            w.nullValue();
        } else {
            landmarkAnalysis.json(w);
        }
        w.name("methods").value(methods());
        w.endObject();
    }

    private static void json(JsonWriter w, EndpointComparison e) {
        w.beginObject().name("name").value(e.name()).name("description").value(e.description());
        w.name("arms").beginArray();
        for (ArmSummary a : List.of(e.control(), e.treatment())) {
            w.beginObject().name("label").value(a.label()).name("n").value(a.size()).name("events").value(a.events());
            w.name("median").beginObject().name("reached").value(a.medianReached()).name("estimate").value(a.median())
                    .name("lower").value(a.medianLower()).name("upper").value(a.medianUpper()).endObject();
            w.name("longestFollowUp").value(a.longestFollowUp());
            w.name("landmarks").beginArray();
            for (int j = 0; j < a.landmarkCount(); j++) {
                w.beginObject().name("time").value(a.landmarks()[j]).name("survival").value(a.survival(j))
                        .name("standardError").value(a.survivalStandardError(j)).name("lower")
                        .value(a.survivalLower(j)).name("upper").value(a.survivalUpper(j)).name("atRisk")
                        .value(a.numberAtRisk(j)).endObject();
            }
            w.endArray();
            w.name("rmst").beginObject().name("horizon").value(a.horizon()).name("estimate").value(a.restrictedMean())
                    .name("standardError").value(a.restrictedMeanStandardError()).endObject();
            w.endObject();
        }
        w.endArray();
        MedianDifference md = e.medianDifference();
        w.name("medianDifference").beginObject().name("kind").value(md.kind().name()).name("value").value(md.value())
                .name("boundTime").value(md.boundTime()).name("text").value(md.toString()).endObject();
        w.name("landmarkDifferences").beginArray();
        double[] lm = e.landmarks();
        for (int j = 0; j < lm.length; j++) {
            w.beginObject().name("time").value(lm[j]).name("difference").value(e.survivalDifference(j))
                    .name("standardError").value(e.survivalDifferenceStandardError(j)).name("lower")
                    .value(e.survivalDifferenceLower(j)).name("upper").value(e.survivalDifferenceUpper(j)).endObject();
        }
        w.endArray();
        w.name("rmstDifference").beginObject().name("horizon").value(e.horizon()).name("estimate")
                .value(e.restrictedMeanDifference()).name("standardError")
                .value(e.restrictedMeanDifferenceStandardError()).name("lower")
                .value(e.restrictedMeanDifferenceLower()).name("upper").value(e.restrictedMeanDifferenceUpper())
                .name("p").value(e.restrictedMeanDifferencePValue()).endObject();
        w.name("rmstRatio").beginObject().name("estimate").value(e.restrictedMeanRatio()).name("logStandardError")
                .value(e.restrictedMeanLogRatioStandardError()).name("lower").value(e.restrictedMeanRatioLower())
                .name("upper").value(e.restrictedMeanRatioUpper()).endObject();
        w.name("logRank").beginObject().name("chiSquare").value(e.logRankChiSquare()).name("df")
                .value(e.logRankDegreesOfFreedom()).name("p").value(e.logRankPValue()).endObject();
        w.name("treatmentTerm").value(e.treatmentTerm());
        w.name("hazardRatioCrude").beginObject().name("estimate").value(e.crudeHazardRatio()).name("lower")
                .value(e.crudeHazardRatioLower()).name("upper").value(e.crudeHazardRatioUpper()).name("p")
                .value(e.crudeHazardRatioPValue()).endObject();
        w.name("hazardRatioAdjusted").beginObject().name("estimate").value(e.adjustedHazardRatio()).name("lower")
                .value(e.adjustedHazardRatioLower()).name("upper").value(e.adjustedHazardRatioUpper()).name("p")
                .value(e.adjustedHazardRatioPValue()).endObject();
        w.name("proportionalHazards").beginObject().name("test").value("Schoenfeld (Grambsch-Therneau, km)")
                .name("chiSquare").value(e.proportionalHazardsChiSquare()).name("p")
                .value(e.proportionalHazardsPValue()).name("holds").value(e.proportionalHazardsHolds()).endObject();
        w.name("notes").array(e.notes());
        w.endObject();
    }
}
