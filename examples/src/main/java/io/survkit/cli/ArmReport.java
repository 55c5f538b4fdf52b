package io.survkit.cli;

import io.survkit.arms.ArmComparisonResult;
import io.survkit.arms.EndpointComparison;
import io.survkit.plot.KaplanMeierPlot;
import io.survkit.plot.KaplanMeierPlots;
import io.survkit.plot.ScaledSchoenfeldPlot;
import io.survkit.regression.ProportionalHazardsTest;
import io.survkit.table.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one report writer of an arm comparison, used by {@code survkit report} and {@code survkit
 * gist}: the result's {@link Document} (cohort table, per endpoint the Kaplan-Meier figure with its
 * risk table and the scaled Schoenfeld residuals of the treatment (R {@code plot(cox.zph(fit))}), the arm and comparison tables, subgroups, notes, landmark analysis, methods) written
 * as a self-contained {@code report.html}, a {@code report.md} with its figures as SVG files beside
 * it, and {@code report.json} (every number of the result).
 */
final class ArmReport {
    private ArmReport() {
    }

    /**
     * The arm comparison as a document with a Kaplan-Meier figure (bands, censor marks, risk table,
     * log-rank p and hazard ratio) and the treatment's scaled Schoenfeld residuals before each
     * endpoint's tables.
     *
     * @param r the comparison
     * @param timeLabel the x axis label, e.g. "Months since diagnosis"
     * @param prefix the figures' file-name prefix (unique within a document)
     */
    static Document document(ArmComparisonResult r, String timeLabel, String prefix) {
        return r.document(e -> {
            List<ArmComparisonResult.Figure> figures = new ArrayList<>();
            figures.add(new ArmComparisonResult.Figure(prefix + fileName(e.name()), figure(r, e, timeLabel),
                    "Kaplan-Meier curves by arm with " + percent(r.confidenceLevel())
                            + " confidence bands and the number at risk, " + e.name()));
            // the PH check as R's plot(cox.zph(crude)): the treatment's scaled Schoenfeld residuals
            e.crudeCox().filter(c -> !Double.isNaN(c.coefficients()[0])).ifPresent(c -> figures.add(
                    new ArmComparisonResult.Figure(prefix + "zph-" + stem(e.name()),
                            ScaledSchoenfeldPlot.withDefaults().withTimeLabel(timeLabel)
                                    .render(ProportionalHazardsTest.withDefaults().test(c)),
                            "Scaled Schoenfeld residuals of the treatment in the crude Cox model with the "
                                    + "smooth and its +-2 se band (proportional hazards: a flat line), " + e.name())));
            return figures;
        });
    }

    /** The Kaplan-Meier figure of one endpoint, the level labels in the legend. */
    static String figure(ArmComparisonResult r, EndpointComparison e, String timeLabel) {
        StringBuilder a = new StringBuilder();
        if (e.logRankPValue().isPresent()) {
            a.append("Log-rank p ").append(p(e.logRankPValue().getAsDouble()));
        }
        if (e.crudeHazardRatio().isPresent()) {
            a.append(a.length() > 0 ? "; " : "").append(String.format(Locale.ROOT, "HR %.2f (%.2f-%.2f)",
                    e.crudeHazardRatio().getAsDouble(), e.crudeHazardRatioLower().getAsDouble(),
                    e.crudeHazardRatioUpper().getAsDouble()));
        }
        KaplanMeierPlot plot = KaplanMeierPlot.withDefaults().withTitle(e.name()).withTimeLabel(timeLabel)
                .withConfidenceBands(true).withRiskTable(true)
                .withLegendLabels(List.of(e.control().label(), e.treatment().label()));
        if (a.length() > 0) {
            plot = plot.withAnnotation(a.toString());
        }
        return plot.render(KaplanMeierPlots.curves(e.kaplanMeier()));
    }

    /**
     * Writes {@code report.html}, {@code report.md} with its SVG figures, and {@code report.json} to
     * {@code dir} (created when missing).
     *
     * @param option the CLI option naming the folder, for messages
     */
    static void write(Path dir, Document d, String json, String option) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(option + " " + dir + ": cannot create the folder: " + e.getMessage(), e);
        }
        write(dir.resolve("report.html"), d.toHtml(), option);
        write(dir.resolve("report.md"), d.toMarkdown(), option);
        write(dir.resolve("report.json"), json, option);
        for (Map.Entry<String, String> f : d.figures().entrySet()) {
            write(dir.resolve(f.getKey() + ".svg"), f.getValue(), option);
        }
    }

    static void write(Path file, String text, String option) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(option + ": cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** "km-" and the endpoint's name reduced to letters, digits, '-' and '_'. */
    static String fileName(String endpoint) {
        return "km-" + stem(endpoint);
    }

    /** The endpoint's name reduced to letters, digits, '-' and '_'. */
    private static String stem(String endpoint) {
        String s = endpoint.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "endpoint" : s;
    }

    private static String p(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }

    private static String percent(double level) {
        double pct = 100 * level;
        return (pct == Math.rint(pct) ? String.format(Locale.ROOT, "%.0f", pct) : Double.toString(pct)) + "%";
    }
}
