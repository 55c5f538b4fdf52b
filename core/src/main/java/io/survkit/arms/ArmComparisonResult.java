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
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import io.survkit.table.Document;
import io.survkit.table.Table;

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
    /** The comparison's settings, as resolved by the run. */
    record Design(String group, String treatment, String control, double[] landmarks, double horizon,
            io.survkit.data.Terms adjust, double level, ConfidenceIntervalType confType, TieMethod ties,
            String timeUnit, List<String> descriptions) {
    }

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
    private final String timeUnit;
    private final SubgroupAnalysis subgroups;
    private final double landmarkTime;
    private final List<String> descriptions;
    private final List<PropensityAdjustment> adjustments;
    private final ArmComparisonResult landmarkAnalysis;
    private final List<CohortFlow> cohort;

    ArmComparisonResult(Design d, List<EndpointComparison> endpoints, SubgroupAnalysis subgroups, double landmarkTime,
            List<PropensityAdjustment> adjustments, ArmComparisonResult landmarkAnalysis, List<CohortFlow> cohort) {
        this.group = d.group();
        this.treatment = d.treatment();
        this.control = d.control();
        this.endpoints = List.copyOf(endpoints);
        this.landmarks = d.landmarks().clone();
        this.horizon = d.horizon();
        this.adjust = d.adjust().terms().stream().map(io.survkit.data.Term::formula).toList();
        this.level = d.level();
        this.confType = d.confType();
        this.ties = d.ties();
        this.timeUnit = d.timeUnit();
        this.subgroups = subgroups;
        this.landmarkTime = landmarkTime;
        this.descriptions = Collections.unmodifiableList(new ArrayList<>(d.descriptions()));
        this.adjustments = Collections.unmodifiableList(new ArrayList<>(adjustments));
        this.landmarkAnalysis = landmarkAnalysis;
        this.cohort = List.copyOf(cohort);
    }

    /** @return true when the arms were propensity-matched or weighted */
    public boolean isPropensityAdjusted() {
        return !adjustments.isEmpty() && adjustments.get(0) != null;
    }

    /**
     * @param index the endpoint's index
     * @return the propensity matching or weighting of that endpoint (its balance table, matched sets
     *     or weights); empty when the comparison was neither matched nor weighted
     */
    public Optional<PropensityAdjustment> propensityAdjustment(int index) {
        return adjustments.isEmpty() ? Optional.empty() : Optional.ofNullable(adjustments.get(index));
    }

    /** @return the cohort of each endpoint: rows given, rows left out and why, rows analysed */
    public List<CohortFlow> cohortFlows() {
        return cohort;
    }

    /** @return the name of the arm (group) column */
    public String groupColumn() {
        return group;
    }

    /** @return the treatment arm's label */
    public String treatment() {
        return treatment;
    }

    /** @return the control arm's label */
    public String control() {
        return control;
    }

    /** @return one comparison per endpoint, in the order given */
    public List<EndpointComparison> endpoints() {
        return endpoints;
    }

    /**
     * @param name an endpoint's name (e.g. {@code "OS"})
     * @return the comparison of that endpoint
     * @throws IllegalArgumentException for an unknown name
     */
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

    /** @return the landmark times */
    public double[] landmarks() {
        return landmarks.clone();
    }

    /**
     * @return the RMST horizon asked for; empty for the default (per endpoint:
     *     {@link EndpointComparison#horizon()})
     */
    public OptionalDouble horizon() {
        return Double.isNaN(horizon) ? OptionalDouble.empty() : OptionalDouble.of(horizon);
    }

    /** @return the covariates of the adjusted Cox models, as written */
    public List<String> adjustedFor() {
        return adjust;
    }

    /** @return the confidence level */
    public double confidenceLevel() {
        return level;
    }

    /** @return the unit of the times (e.g. "months"); empty when none was given */
    public Optional<String> timeUnit() {
        return Optional.ofNullable(timeUnit);
    }

    /** @return the subgroup analysis; empty when not asked for */
    public Optional<SubgroupAnalysis> subgroups() {
        return Optional.ofNullable(subgroups);
    }

    /** @return for a landmark analysis: its landmark time; empty for the main analysis */
    public OptionalDouble landmarkTime() {
        return Double.isNaN(landmarkTime) ? OptionalDouble.empty() : OptionalDouble.of(landmarkTime);
    }

    /** @return true when this result is a landmark analysis (patients followed beyond {@link #landmarkTime()}) */
    public boolean isLandmarkAnalysis() {
        return !Double.isNaN(landmarkTime);
    }

    /** @return the landmark analysis; empty when not asked for */
    public Optional<ArmComparisonResult> landmarkAnalysis() {
        return Optional.ofNullable(landmarkAnalysis);
    }

    /** @return the notes a reader must see: proportional hazards, immortal time, estimability, model warnings */
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
                                time(landmarkTime))
                        : landmarkAnalysis != null ? Check.format("see the landmark analysis at %s",
                                time(landmarkAnalysis.landmarkTime))
                        : "a landmark analysis (ArmComparison.withLandmarkAnalysis) addresses this"));
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

    /** A time with the unit when one was given: "12 months". */
    private String time(double t) {
        return timeUnit == null ? Numbers.time(t) : Numbers.time(t) + " " + timeUnit;
    }

    /** ", months" after a column heading when a unit was given. */
    private String unitSuffix() {
        return timeUnit == null ? "" : ", " + timeUnit;
    }

    // ------------------------------------------------------------------------------- methods

    /**
     * A methods paragraph for a paper: estimators, interval types, tests, models and ties, how a
     * median that is not reached is reported, subgroups and the landmark analysis, and the software
     * with its version.
     *
     * @return a methods paragraph for a paper: estimators, interval types, tests, models and ties, how a median that is not reached is reported, subgroups and the landmark analysis, and the software with its version
     */
    public String methods() {
        StringBuilder m = new StringBuilder();
        String pct = Numbers.percent(level);
        m.append(isLandmarkAnalysis() ? Check.format("Landmark analysis at %s: only patients still followed after"
                + " %s (alive and uncensored) were included, and time was counted from the landmark, which removes"
                + " the immortal time before it. ", time(landmarkTime), time(landmarkTime)) : "");
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
                h.add(e.name() + " " + time(e.horizon()));
            }
            m.append(String.join(", ", h)).append(')');
        } else {
            m.append(time(horizon));
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
                MatchedSets ms = pa.matchedSets().orElseThrow();
                m.append("The propensity score (probability of ").append(treatment).append(") was estimated by"
                        + " logistic regression on ").append(String.join(", ", cov)).append("; patients were"
                        + " matched 1:").append(ms.ratio()).append(" by greedy nearest-neighbour matching on the"
                        + " logit of the score without replacement");
                m.append(ms.caliperInSd().isEmpty() ? (Double.isInfinite(ms.caliperWidth()) ? ", without caliper"
                        : ", caliper " + Numbers.fixed3(ms.caliperWidth()) + " on the logit scale")
                        : ", caliper " + Numbers.time(ms.caliperInSd().getAsDouble()) + " SD of the logit");
                m.append(", and balance was assessed by standardized mean differences. The matched sample was"
                        + " analysed with the matched set as cluster (robust variance of the Cox model and"
                        + " infinitesimal-jackknife variance of the Kaplan-Meier estimates). ");
            } else {
                InverseProbabilityWeightsResult pw = pa.weights().orElseThrow();
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
            m.append("A landmark analysis at ").append(time(landmarkAnalysis.landmarkTime)).append(" repeated"
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

    private String list(double[] v) {
        List<String> s = new ArrayList<>();
        for (double x : v) {
            s.add(time(x));
        }
        return String.join(", ", s);
    }

    // ------------------------------------------------------------------------------- tables

    private static String ci(OptionalDouble est, OptionalDouble lo, OptionalDouble hi) {
        return ci(est, lo, hi, false);
    }

    private static String ci(OptionalDouble est, OptionalDouble lo, OptionalDouble hi, boolean prob) {
        return est.isPresent() ? ci(est.getAsDouble(), lo.orElse(Double.NaN), hi.orElse(Double.NaN), prob) : "NA";
    }

    private static String fixed2(OptionalDouble v) {
        return Numbers.fixed2(v.orElse(Double.NaN));
    }

    private static String ci(double est, double lo, double hi, boolean prob) {
        if (prob) {
            return Numbers.withCi(Numbers.fixed3(est), Numbers.fixed3(lo), Numbers.fixed3(hi));
        }
        return Numbers.withCi(Numbers.fixed2(est), Numbers.fixed2(lo), Numbers.fixed2(hi));
    }

    private static String p(OptionalDouble v) {
        return Numbers.p(v.orElse(Double.NaN));
    }

    private String medianText(ArmSummary a) {
        if (!a.medianReached()) {
            return "not reached (longest follow-up " + time(a.longestFollowUp()) + ")";
        }
        return Numbers.withCi(Numbers.time(a.median().getAsDouble()), Numbers.time(a.medianLower().orElse(Double.NaN)),
                Numbers.time(a.medianUpper().orElse(Double.NaN)));
    }

    private static Table textTable(List<String> header, List<List<String>> rows) {
        Table.Builder b = Table.builder();
        for (String h : header) {
            b.textColumn(h);
        }
        for (List<String> r : rows) {
            for (String c : r) {
                b.text(c);
            }
        }
        return b.build();
    }

    /**
     * The per-arm table of one endpoint: arm, n, events, median (CI), survival at each landmark
     * (CI), RMST (SE); times in the result's unit.
     *
     * @param e one of {@link #endpoints()} (or of a subgroup)
     * @return the table, cells formatted as the report prints them
     */
    public Table armTable(EndpointComparison e) {
        String pct = Numbers.percent(level);
        List<String> h = new ArrayList<>(List.of("Arm", "n", "Events", "Median" + unitSuffix() + " (" + pct + " CI)"));
        for (double l : landmarks) {
            h.add("S(" + time(l) + ") (" + pct + " CI)");
        }
        h.add("RMST to " + time(e.horizon()) + " (SE)");
        List<List<String>> rows = new ArrayList<>();
        for (ArmSummary a : List.of(e.control(), e.treatment())) {
            List<String> r = new ArrayList<>(List.of(a.label(), Integer.toString(a.size()), Numbers.count(a.events()),
                    medianText(a)));
            for (int j = 0; j < a.landmarkCount(); j++) {
                r.add(ci(a.survival(j), a.survivalLower(j), a.survivalUpper(j), true));
            }
            r.add(fixed2(a.restrictedMean()) + " (" + fixed2(a.restrictedMeanStandardError()) + ")");
            rows.add(r);
        }
        return textTable(h, rows);
    }

    /**
     * The between-arm table of one endpoint: measure, estimate (CI), p: median difference, landmark
     * differences, RMST difference and ratio, log-rank test, crude and adjusted hazard ratios, the
     * Schoenfeld test of proportional hazards.
     *
     * @param e one of {@link #endpoints()}
     * @return the table, cells formatted as the report prints them
     */
    public Table comparisonTable(EndpointComparison e) {
        String pct = Numbers.percent(level);
        List<List<String>> t = new ArrayList<>();
        t.add(List.of("Median difference" + unitSuffix(), e.medianDifference().toString(), ""));
        for (int j = 0; j < landmarks.length; j++) {
            t.add(List.of("S(" + time(landmarks[j]) + ") difference", ci(e.survivalDifference(j),
                    e.survivalDifferenceLower(j), e.survivalDifferenceUpper(j), true), ""));
        }
        String h = time(e.horizon());
        t.add(List.of("RMST to " + h + ", difference" + unitSuffix(), ci(e.restrictedMeanDifference(),
                e.restrictedMeanDifferenceLower(), e.restrictedMeanDifferenceUpper()),
            p(e.restrictedMeanDifferencePValue())));
        t.add(List.of("RMST to " + h + ", ratio", ci(e.restrictedMeanRatio(), e.restrictedMeanRatioLower(),
                e.restrictedMeanRatioUpper()), ""));
        t.add(List.of("Log-rank test", e.logRankChiSquare().isPresent() ? "chi-square "
                + Numbers.fixed2(e.logRankChiSquare().getAsDouble()) + " on " + e.logRankDegreesOfFreedom() + " df"
                : "not reported (weighted)", p(e.logRankPValue())));
        t.add(List.of("Hazard ratio, crude", ci(e.crudeHazardRatio(), e.crudeHazardRatioLower(),
                e.crudeHazardRatioUpper()), p(e.crudeHazardRatioPValue())));
        if (!adjust.isEmpty()) {
            t.add(List.of("Hazard ratio, adjusted for " + String.join(", ", adjust), ci(e.adjustedHazardRatio(),
                    e.adjustedHazardRatioLower(), e.adjustedHazardRatioUpper()), p(e.adjustedHazardRatioPValue())));
        }
        t.add(List.of("Proportional hazards (Schoenfeld test)", e.proportionalHazardsChiSquare().isEmpty()
                ? "not tested" : (e.proportionalHazardsHolds() ? "not rejected" : "rejected: read RMST and landmark"
                + " differences") + ", chi-square " + Numbers.fixed2(e.proportionalHazardsChiSquare().getAsDouble()),
            p(e.proportionalHazardsPValue())));
        return textTable(List.of("Treatment vs control", "Estimate (" + pct + " CI)", "p"), t);
    }

    /**
     * @return the subgroup table (level, endpoint, n, medians, median difference, hazard ratio,
     *     log-rank p, interaction p); empty without subgroups
     */
    public Optional<Table> subgroupTable() {
        if (subgroups == null) {
            return Optional.empty();
        }
        List<List<String>> t = new ArrayList<>();
        String pct = Numbers.percent(level);
        for (int l = 0; l < subgroups.levels().size(); l++) {
            for (int e = 0; e < endpoints.size(); e++) {
                EndpointComparison c = subgroups.comparison(l, e);
                t.add(List.of(subgroups.levels().get(l), c.name(), c.treatment().size() + " / "
                        + c.control().size(), medianText(c.treatment()), medianText(c.control()),
                    c.medianDifference().toString(), ci(c.crudeHazardRatio(), c.crudeHazardRatioLower(),
                            c.crudeHazardRatioUpper()), p(c.logRankPValue()),
                    l == 0 ? p(subgroups.interactionPValue(e)) : ""));
            }
        }
        return Optional.of(textTable(List.of(subgroups.variable(), "Endpoint", "n (treatment / control)",
            "Median treatment" + unitSuffix(), "Median control" + unitSuffix(), "Median difference" + unitSuffix(),
            "HR (" + pct + " CI)", "Log-rank p", "Interaction p"), t));
    }

    /**
     * @return the cohort table: per endpoint the rows given, each reason rows were left out with its
     *     count, and the rows analysed
     */
    public Table cohortTable() {
        Table.Builder b = Table.builder().textColumn("Endpoint").textColumn("Step").numberColumn("Rows");
        for (CohortFlow f : cohort) {
            b.text(f.endpoint()).text(isLandmarkAnalysis() ? "followed in the main analysis" : "rows read")
                    .number(f.rowsGiven());
            for (CohortFlow.Exclusion x : f.exclusions()) {
                b.text(f.endpoint()).text("left out: " + x.reason()).number(x.rows());
            }
            b.text(f.endpoint()).text("analysed").number(f.rowsAnalysed());
        }
        return b.build();
    }

    private String title() {
        return (isLandmarkAnalysis() ? "Landmark analysis at " + time(landmarkTime) + ": " : "Arm comparison: ")
                + treatment + " vs " + control + " (" + group + ")";
    }

    // ------------------------------------------------------------------------------- document

    /**
     * The whole result as one {@link Document}: cohort, per endpoint the arm and comparison tables
     * (after the figures {@code figures} gives for it, if any), subgroups, propensity balance,
     * notes, the landmark analysis and the methods paragraph. Text, Markdown and HTML are renderings
     * of this document.
     *
     * @param figures for each endpoint, the figures to show before its tables (name, SVG, caption)
     * @return the document
     */
    public Document document(Function<EndpointComparison, List<Figure>> figures) {
        Check.notNull("figures", figures);
        Document d = Document.titled(title());
        d = d.heading("Cohort").table("Rows read, left out (and why) and analysed", cohortTable());
        for (EndpointComparison e : endpoints) {
            d = d.heading(e.name());
            if (e.description().isPresent()) {
                d = d.paragraph(e.description().get());
            }
            for (Figure f : figures.apply(e)) {
                d = d.figure(f.name(), f.svg(), f.caption());
            }
            d = d.table("Per arm", armTable(e)).table("Treatment vs control", comparisonTable(e));
        }
        if (subgroups != null) {
            d = d.heading("Subgroups by " + subgroups.variable() + " (interaction: Cox likelihood-ratio test)")
                    .table(null, subgroupTable().orElseThrow());
        }
        if (isPropensityAdjusted()) {
            d = d.heading("Propensity score");
            for (int e = 0; e < endpoints.size(); e++) {
                PropensityAdjustment pa = adjustments.get(e);
                d = d.paragraph(endpoints.get(e).name() + ": " + pa.matchedSets().map(Object::toString)
                        .orElseGet(() -> pa.weights().orElseThrow().toString()))
                        .table("Balance, " + endpoints.get(e).name(), pa.balance().table());
            }
        }
        List<String> notes = notes();
        if (!notes.isEmpty()) {
            d = d.heading("Notes").bullets(notes);
        }
        if (landmarkAnalysis != null) {
            d = d.section(landmarkAnalysis.document(e -> figures.apply(e).stream().map(f -> new Figure("landmark-"
                    + f.name(), f.svg(), f.caption() + " (landmark population, time from the landmark)")).toList()));
        }
        if (!isLandmarkAnalysis()) {
            d = d.heading("Methods").methods(methods());
        }
        return d;
    }

    /**
     * A figure of an endpoint in {@link #document(Function)}.
     *
     * @param name a file name without extension (letters, digits, '-', '_')
     * @param svg the SVG document
     * @param caption the caption
     */
    public record Figure(String name, String svg, String caption) {
    }

    // ------------------------------------------------------------------------------- text

    /** @return plain-text tables per endpoint, subgroups, notes, the landmark analysis and the methods paragraph */
    @Override
    public String toString() {
        return document(e -> List.of()).toText();
    }

    /** @return Markdown: headings, tables (labels escaped), notes and methods */
    public String toMarkdown() {
        return document(e -> List.of()).toMarkdown();
    }

    /** @return a self-contained HTML page of the result (tables as tables, no figures) */
    public String toHtml() {
        return document(e -> List.of()).toHtml();
    }

    // ------------------------------------------------------------------------------- JSON

    /**
     * JSON with every number of the result (NaN as null), the notes and the methods paragraph.
     *
     * @return JSON with every number of the result (NaN as null), the notes and the methods paragraph
     */
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
                        .name("chiSquare").value(subgroups.interactionChiSquare(e).orElse(Double.NaN)).name("df")
                        .value(subgroups.interactionDegreesOfFreedom(e)).name("p")
                        .value(subgroups.interactionPValue(e).orElse(Double.NaN)).endObject();
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
            BalanceResult b = pa.balance();
            w.beginObject().name("endpoint").value(endpoints.get(e).name()).name("kind").value(pa.kind().name());
            if (pa.matchedSets().isPresent()) {
                MatchedSets ms = pa.matchedSets().get();
                w.name("ratio").value(ms.ratio()).name("caliperSd").value(ms.caliperInSd()).name("caliperWidth")
                        .value(ms.caliperWidth()).name("matchedTreated").value(ms.matchedTreatedCount())
                        .name("matchedControls").value(ms.matchedControlCount()).name("unmatchedTreated")
                        .value(ms.unmatchedTreatedCount());
            } else {
                w.name("stabilization").value(pa.weights().orElseThrow().stabilization().name()).name("truncated")
                        .value(pa.weights().orElseThrow().truncatedCount());
            }
            w.name("balance").beginObject().name("terms").array(b.terms()).name("smdBefore").array(b.smdBefore())
                    .name("smdAfter").array(b.smdAfter().orElse(new double[0])).endObject();
            w.endObject();
        }
        w.endArray();
        w.name("cohort").beginArray();
        for (CohortFlow f : cohort) {
            w.beginObject().name("endpoint").value(f.endpoint()).name("rowsGiven").value(f.rowsGiven())
                    .name("excluded").beginArray();
            for (CohortFlow.Exclusion x : f.exclusions()) {
                w.beginObject().name("reason").value(x.reason()).name("rows").value(x.rows()).endObject();
            }
            w.endArray().name("rowsAnalysed").value(f.rowsAnalysed()).endObject();
        }
        w.endArray();
        w.name("timeUnit").value(timeUnit);
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
        w.beginObject().name("name").value(e.name()).name("description").value(e.description().orElse(null));
        w.name("arms").beginArray();
        for (ArmSummary a : List.of(e.control(), e.treatment())) {
            w.beginObject().name("label").value(a.label()).name("n").value(a.size()).name("events").value(a.events());
            w.name("median").beginObject().name("reached").value(a.medianReached()).name("estimate").value(a.median().orElse(Double.NaN))
                    .name("lower").value(a.medianLower().orElse(Double.NaN)).name("upper").value(a.medianUpper().orElse(Double.NaN)).endObject();
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
        w.name("medianDifference").beginObject().name("kind").value(md.kind().name()).name("value").value(md.value().orElse(Double.NaN))
                .name("boundTime").value(md.boundTime().orElse(Double.NaN)).name("text").value(md.toString()).endObject();
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
        w.name("logRank").beginObject().name("chiSquare").value(e.logRankChiSquare().orElse(Double.NaN)).name("df")
                .value(e.logRankDegreesOfFreedom()).name("p").value(e.logRankPValue().orElse(Double.NaN)).endObject();
        w.name("treatmentTerm").value(e.treatmentTerm());
        w.name("hazardRatioCrude").beginObject().name("estimate").value(e.crudeHazardRatio().orElse(Double.NaN)).name("lower")
                .value(e.crudeHazardRatioLower().orElse(Double.NaN)).name("upper").value(e.crudeHazardRatioUpper().orElse(Double.NaN)).name("p")
                .value(e.crudeHazardRatioPValue().orElse(Double.NaN)).endObject();
        w.name("hazardRatioAdjusted").beginObject().name("estimate").value(e.adjustedHazardRatio().orElse(Double.NaN)).name("lower")
                .value(e.adjustedHazardRatioLower().orElse(Double.NaN)).name("upper").value(e.adjustedHazardRatioUpper().orElse(Double.NaN)).name("p")
                .value(e.adjustedHazardRatioPValue().orElse(Double.NaN)).endObject();
        w.name("proportionalHazards").beginObject().name("test").value("Schoenfeld (Grambsch-Therneau, km)")
                .name("chiSquare").value(e.proportionalHazardsChiSquare().orElse(Double.NaN)).name("p")
                .value(e.proportionalHazardsPValue().orElse(Double.NaN)).name("holds").value(e.proportionalHazardsHolds()).endObject();
        w.name("notes").array(e.notes());
        w.endObject();
    }
}
