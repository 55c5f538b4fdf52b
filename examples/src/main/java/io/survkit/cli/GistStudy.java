package io.survkit.cli;

import io.survkit.arms.ArmComparisonResult;
import io.survkit.arms.ArmSummary;
import io.survkit.arms.EndpointComparison;
import io.survkit.arms.PropensityScore;
import io.survkit.arms.SubgroupAnalysis;
import io.survkit.seer.CohortSelection;
import io.survkit.seer.Endpoint;
import io.survkit.data.SurvivalData;
import io.survkit.examples.gist.GistCohortSimulator;
import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.estimate.IncidenceCurve;
import io.survkit.internal.Escape;
import io.survkit.plot.ForestPlot;
import io.survkit.table.Document;
import io.survkit.table.Table;
import io.survkit.plot.ParametricFitPlot;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.parametric.ModelComparison;
import io.survkit.parametric.ModelComparisonResult;
import io.survkit.parametric.ModelComparisonRow;
import io.survkit.plot.KaplanMeierPlot;
import io.survkit.plot.KaplanMeierPlots;
import io.survkit.relative.RateTable;
import io.survkit.relative.RelativeSurvival;
import io.survkit.relative.RelativeSurvivalAt;
import io.survkit.relative.RelativeSurvivalCurve;
import io.survkit.relative.RelativeSurvivalResult;
import io.survkit.relative.TimeUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One run of the GIST study: the cohort, the comparisons, and their renderings. */
final class GistStudy {
    private final CohortSelection cohort;
    private final ArmComparisonResult main;
    private final ArmComparisonResult paperBound;
    /** Where the export came from, for the report's first paragraph. */
    private final String source;
    private final ArmComparisonResult matched;
    private final CumulativeIncidenceResult cif;
    private final GistPrognosis prognosis;
    private final RelativeSurvivalResult net;
    /** Overall survival of the chemotherapy-alone arm (the extrapolation section). */
    private final SurvivalData controlOs;
    private final ModelComparisonResult extrapolation;
    /** Horizon of the extrapolation: a lifetime of 40 years, in months. */
    static final double LIFETIME_MONTHS = 480;

    private GistStudy(String source, CohortSelection cohort, ArmComparisonResult main, ArmComparisonResult paperBound,
            ArmComparisonResult matched, CumulativeIncidenceResult cif, GistPrognosis prognosis,
            RelativeSurvivalResult net, SurvivalData controlOs) {
        this.cohort = cohort;
        this.main = main;
        this.paperBound = paperBound;
        this.source = source;
        this.matched = matched;
        this.cif = cif;
        this.prognosis = prognosis;
        this.net = net;
        this.controlOs = controlOs;
        this.extrapolation = ModelComparison.withDefaults().withHorizon(LIFETIME_MONTHS).fit(controlOs, "1");
    }

    /**
     * The study on {@code export} (a SEER*Stat export of the study's layout), or, when it is null,
     * on a synthetic export written to {@code dir} with {@code seed}.
     */
    static GistStudy run(Path dir, long seed, Path userExport) {
        Path export = userExport != null ? userExport
                : GistCohortSimulator.withDefaults().withSeed(seed).write(dir.resolve("seer_gist_export.csv"));
        String source = userExport != null ? "SEER*Stat export " + userExport.getFileName()
                : "Synthetic SEER*Stat export (see GistCohortSimulator)";
        CohortSelection cohort = GistCommand.readCohort(export);
        ArmComparisonResult main = GistCommand.comparison(cohort).withSubgroups("timing").withLandmarkAnalysis(6).run();
        ArmComparisonResult bound = GistCommand.comparison(cohort).withMedianBound(120).run();
        ArmComparisonResult matched = GistCommand.comparison(cohort)
                .withMatching(PropensityScore.withDefaults().withCovariates("age", "sex", "size")).run();
        SurvivalData competing = cohort.data(Endpoint.COMPETING_RISKS);
        CumulativeIncidenceResult cif = CumulativeIncidence.withDefaults().fit(competing, "arm");
        GistPrognosis prognosis = GistPrognosis.of(cohort.data(), seed);
        return new GistStudy(source, cohort, main, bound, matched, cif, prognosis, netSurvival(cohort),
                controlArm(cohort, main));
    }

    /**
     * Pohar-Perme net survival per arm against the US life tables (R survexp.us): all deaths are
     * events, age, sex and year of diagnosis (July 1) from the SEER export, time in months.
     */
    static RelativeSurvivalResult netSurvival(CohortSelection cohort) {
        SurvivalData os = cohort.data(Endpoint.OVERALL_SURVIVAL);
        return RelativeSurvival.withDefaults().withRateTable(RateTable.us()).withTimeUnit(TimeUnit.MONTHS)
                .estimate(os, "arm", "age", "sex", "year");
    }

    /** Rows of arm, then net survival (95 % CI) at 1, 3 and 5 years. */
    List<List<String>> netSurvivalRows() {
        List<List<String>> rows = new ArrayList<>();
        for (RelativeSurvivalCurve c : net.curves()) {
            List<String> row = new ArrayList<>();
            row.add(c.name());
            for (RelativeSurvivalAt a : c.at(NET_TIMES)) {
                row.add(String.format(Locale.ROOT, "%.1f %% (%s-%s)", 100 * a.survival(), pctOrNa(a.lower()),
                        pctOrNa(a.upper())));
            }
            rows.add(row);
        }
        return rows;
    }

    private static final double[] NET_TIMES = {12, 36, 60};
    private static final List<String> NET_HEADER = List.of("arm", "1 year", "3 years", "5 years");

    private static String pctOrNa(java.util.OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", 100 * v.getAsDouble()) : "NA";
    }

    String netSurvivalText() {
        StringBuilder b = new StringBuilder("Net survival (Pohar-Perme, US life tables), by arm\n");
        b.append(String.format(Locale.ROOT, "%-28s %-22s %-22s %s%n", (Object[]) NET_HEADER.toArray(new String[0])));
        for (List<String> r : netSurvivalRows()) {
            b.append(String.format(Locale.ROOT, "%-28s %-22s %-22s %s%n", r.get(0), r.get(1), r.get(2), r.get(3)));
        }
        return b.toString();
    }

    /**
     * The chemotherapy-alone rows of the overall-survival data. SEER's survival months are whole
     * months and can be 0, which no log-time distribution admits: a 0 is taken as half a month
     * (the middle of the first month), as is usual when fitting parametric models to SEER data.
     */
    private static SurvivalData controlArm(CohortSelection cohort, ArmComparisonResult main) {
        SurvivalData os = cohort.data(Endpoint.OVERALL_SURVIVAL);
        String control = main.endpoint("OS").control().label();
        String[] arm = os.labels("arm");
        int[] idx = new int[arm.length];
        int k = 0;
        for (int i = 0; i < arm.length; i++) {
            if (control.equals(arm[i])) {
                idx[k++] = i;
            }
        }
        SurvivalData arm0 = os.rows(java.util.Arrays.copyOf(idx, k));
        double[] t = arm0.numbers(arm0.timeColumn());
        int[] status = arm0.statuses();
        boolean[] death = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = t[i] == 0 ? 0.5 : t[i];
            death[i] = status[i] > 0;
        }
        return SurvivalData.builder().time("months", t).event("death", death).build();
    }

    /** The TSD 14 model-choice table of the chemotherapy-alone arm's overall survival, to 40 years. */
    ModelComparisonResult extrapolation() {
        return extrapolation;
    }

    /** Rows of the extrapolation table, best AIC first. */
    List<List<String>> extrapolationRows() {
        List<ModelComparisonRow> rows = new ArrayList<>(extrapolation.rows());
        rows.sort(java.util.Comparator.comparingDouble(ModelComparisonRow::aic));
        List<List<String>> out = new ArrayList<>();
        for (ModelComparisonRow r : rows) {
            out.add(List.of(r.distribution(), String.format(Locale.ROOT, "%.2f", r.logLikelihood()),
                    Integer.toString(r.parameters()), String.format(Locale.ROOT, "%.2f", r.aic()),
                    String.format(Locale.ROOT, "%.2f", r.bic()), opt(r.median()), opt(r.mean()),
                    String.format(Locale.ROOT, "%.1f", r.restrictedMean())));
        }
        return out;
    }

    private static final List<String> EXTRAPOLATION_HEADER = List.of("distribution", "loglik", "k", "AIC", "BIC",
            "median", "mean", "RMST to 480");

    private static String opt(java.util.OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "infinite";
    }

    private String extrapolationSummary() {
        ModelComparisonRow best = extrapolation.bestByAic();
        String mean = best.mean().isPresent() ? opt(best.mean()) + " months"
                : "not finite (its survival curve levels off above 0)";
        return String.format(Locale.ROOT, "Overall survival of the chemotherapy-alone arm (%d patients; SEER's month 0"
                + " taken as half a month), every distribution of NICE DSU TSD 14 fitted and extrapolated to 40 years"
                + " (480 months). Best fit by AIC: %s; its mean survival is %s, its restricted mean to 480 months"
                + " %.1f months.", controlOs.rowCount(), best.distribution(), mean, best.restrictedMean());
    }

    private String extrapolationFigure() {
        SurvivalCurve km = KaplanMeier.withDefaults().fit(controlOs).curve(0);
        return ParametricFitPlot.withDefaults().withTitle("Chemotherapy alone: overall survival extrapolated")
                .withTimeLabel("Months since diagnosis").survival(km, extrapolation);
    }

    ArmComparisonResult main() {
        return main;
    }

    ArmComparisonResult matched() {
        return matched;
    }

    CohortSelection cohort() {
        return cohort;
    }

    /** Rows of "reported in the paper" against "reproduced here". */
    List<String[]> paperRows() {
        EndpointComparison css = main.endpoint("CSS");
        EndpointComparison os = main.endpoint("OS");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Patients", "607", Integer.toString(css.control().size() + css.treatment().size())});
        rows.add(new String[] {"Chemotherapy alone", "380", Integer.toString(css.control().size())});
        rows.add(new String[] {"Surgery + chemotherapy", "227", Integer.toString(css.treatment().size())});
        rows.add(new String[] {"Median CSS, chemotherapy alone (months)", "57", median(css.control())});
        rows.add(new String[] {"Median OS, chemotherapy alone (months)", "44", median(os.control())});
        rows.add(new String[] {"Median CSS, surgery + chemotherapy", "not reached by 120", median(css.treatment())});
        rows.add(new String[] {"Median OS, surgery + chemotherapy", "not reached by 120", median(os.treatment())});
        rows.add(new String[] {"CSS gain (months, bound at 120)", "\u2265 63",
                GistCommand.gain(paperBound.endpoint("CSS"))});
        rows.add(new String[] {"OS gain (months, bound at 120)", "\u2265 76",
                GistCommand.gain(paperBound.endpoint("OS"))});
        rows.add(new String[] {"Benefit by timing of surgery (before, after, both)", "held in all",
                timingSummary()});
        return rows;
    }

    private static String median(ArmSummary a) {
        if (!a.medianReached()) {
            return String.format(Locale.ROOT, "not reached (longest follow-up %.0f)", a.longestFollowUp());
        }
        return String.format(Locale.ROOT, "%.0f (%s-%s)", a.median().getAsDouble(), fmt(a.medianLower().orElse(Double.NaN)),
                fmt(a.medianUpper().orElse(Double.NaN)));
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f", v) : "NA";
    }

    private String timingSummary() {
        SubgroupAnalysis s = main.subgroups().orElseThrow();
        int below = 0;
        for (int l = 0; l < s.levels().size(); l++) {
            if (s.comparison(l, 0).crudeHazardRatio().orElse(Double.NaN) < 1
                    && s.comparison(l, 1).crudeHazardRatio().orElse(Double.NaN) < 1) {
                below++;
            }
        }
        return below == s.levels().size() ? "held in all " + below + " (HR < 1 for CSS and OS)"
                : "held in " + below + " of " + s.levels().size();
    }

    String paperTable() {
        StringBuilder b = new StringBuilder("GIST liver metastases (" + source + "): reported in the paper "
                + "vs reproduced here\n\n");
        b.append(String.format(Locale.ROOT, "%-52s %-22s %s%n", "quantity", "paper", "survkit"));
        for (String[] r : paperRows()) {
            b.append(String.format(Locale.ROOT, "%-52s %-22s %s%n", r[0], r[1], r[2]));
        }
        return b.toString();
    }

    /** CSS as 1 - Kaplan-Meier and as the cumulative incidence of cancer death (other deaths competing). */
    List<List<String>> cssKmVersusCif() {
        List<List<String>> rows = new ArrayList<>();
        EndpointComparison css = main.endpoint("CSS");
        for (ArmSummary arm : List.of(css.control(), css.treatment())) {
            for (int j = 0; j < arm.landmarkCount(); j++) {
                double t = arm.landmarks()[j];
                IncidenceCurve c = cif.curve(arm.label(), cif.causes().get(0));
                rows.add(List.of(arm.label(), fmt(t), pct(1 - arm.survival(j).orElse(Double.NaN)), pct(c.estimateAt(t))));
            }
        }
        return rows;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    /** The whole study as one document: the Markdown and the HTML report are its two renderings. */
    Document document() {
        Document d = Document.titled("GIST liver metastases: surgery + chemotherapy vs chemotherapy alone")
                .paragraph(source + ", read through survkit's SEER reader; the numbers below are computed by"
                        + " survkit.");
        d = d.heading("Reported in the paper vs reproduced here").table(null, textTable(List.of("quantity",
                "paper", "survkit"), paperRows().stream().map(List::of).toList()));
        d = d.heading("Cohort selection").paragraph(cohort.toString());
        d = d.section(ArmReport.document(main, "Months since diagnosis", ""));
        d = d.heading("Hazard ratios by timing of surgery (CSS)").figure("forest-css", forest(0),
                "Crude hazard ratios of surgery + chemotherapy vs chemotherapy alone, CSS, by timing of surgery");
        d = d.section(Document.titled("Propensity-matched comparison").section(matched.document(e -> List.of())));
        d = d.heading("Net survival (Pohar-Perme, US life tables)").table(null, textTable(NET_HEADER,
                netSurvivalRows()));
        d = d.heading("CSS: 1 - Kaplan-Meier vs cumulative incidence (other deaths as competing risk)")
                .table(null, textTable(List.of("arm", "month", "1 - KM", "CIF"), cssKmVersusCif()));
        d = prognosis.document(d);
        return d.heading("Extrapolation: chemotherapy alone, overall survival to 40 years")
                .paragraph(extrapolationSummary()).table(null, textTable(EXTRAPOLATION_HEADER, extrapolationRows()))
                .figure("extrapolation", extrapolationFigure(),
                        "Fitted distributions over the Kaplan-Meier curve (95% CI), to 480 months");
    }

    /** A table of formatted text cells. */
    static Table textTable(List<String> header, List<List<String>> rows) {
        Table.Builder b = Table.builder();
        header.forEach(b::textColumn);
        for (List<String> r : rows) {
            r.forEach(b::text);
        }
        return b.build();
    }

    String markdown() {
        return document().toMarkdown();
    }

    String html() {
        return document().toHtml();
    }

    private String forest(int endpoint) {
        List<ForestPlot.Row> rows = new ArrayList<>();
        EndpointComparison all = main.endpoints().get(endpoint);
        rows.add(forestRow("All surgery + chemotherapy", all));
        SubgroupAnalysis s = main.subgroups().orElseThrow();
        for (int l = 0; l < s.levels().size(); l++) {
            EndpointComparison c = s.comparison(l, endpoint);
            rows.add(forestRow(s.levels().get(l), c));
        }
        return ForestPlot.withDefaults().withTitle("CSS hazard ratio vs chemotherapy alone").render(rows);
    }

    private static ForestPlot.Row forestRow(String label, EndpointComparison c) {
        return new ForestPlot.Row(label, c.crudeHazardRatio().orElse(Double.NaN),
                c.crudeHazardRatioLower().orElse(Double.NaN), c.crudeHazardRatioUpper().orElse(Double.NaN),
                c.control().size() + c.treatment().size(), c.control().events() + c.treatment().events(),
                c.crudeHazardRatioPValue().orElse(Double.NaN));
    }

    private static String p(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }
}
