package io.survkit.cli;

import io.survkit.arms.ArmComparison;
import io.survkit.arms.ArmComparisonResult;
import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import io.survkit.table.Document;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code survkit report}: the arm-comparison report on any CSV, written to a folder as
 * self-contained HTML, Markdown (with its SVG figures) and JSON by {@link ArmReport}, the writer
 * {@code survkit gist} uses too. The report holds the cohort table (rows read, left out and why,
 * analysed), per arm n, events, median, landmark survival and RMST, between arms the median,
 * landmark and RMST differences, the log-rank test, the crude and covariate-adjusted Cox hazard
 * ratios and the Schoenfeld test of proportional hazards, the Kaplan-Meier figure with its risk
 * table, the notes and a methods paragraph.
 */
@Command(name = "report",
        description = "Arm-comparison report (HTML, Markdown, JSON, figures) on any CSV: medians, landmark survival, "
                + "RMST, log-rank, crude and adjusted HR, PH test, cohort table, methods.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for report.html, report.md, report.json and the figures (created if missing).")
    Path out;

    @Option(names = "--endpoint", paramLabel = "NAME",
            description = "Name of the endpoint in the report (default: the event column's name).")
    String endpoint;

    @Option(names = "--time-unit", paramLabel = "UNIT",
            description = "Unit of the times, printed wherever a time appears, e.g. days or months (default: none).")
    String timeUnit;

    @Mixin
    ArmOptions arms;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title of the report (default: the comparison's).")
    String title;

    @Override
    public Integer call() {
        DataOptions.require(data.group, "--group");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file; expected a folder");
        }
        if (data.formula != null) {
            throw new UsageException("report takes the adjustment covariates with --covariates, not --formula");
        }
        SurvivalData d = data.read(Main.stdin(spec));
        ArmComparisonResult r = comparison(d).run();
        String unit = timeUnit == null ? "" : " (" + timeUnit + ")";
        Document doc = ArmReport.document(r, "Time" + unit, "");
        if (title != null) {
            doc = Document.titled(title).section(doc);
        }
        ArmReport.write(out, doc, r.toJson(), "--out");
        spec.commandLine().getOut().println("wrote " + out.resolve("report.html") + ", " + out.resolve("report.md")
                + ", " + out.resolve("report.json") + " and " + doc.figures().size() + " figure(s)");
        return ExitCode.OK;
    }

    private ArmComparison comparison(SurvivalData d) {
        ArmComparison c = (endpoint == null ? ArmComparison.of(d) : ArmComparison.of(endpoint, d)).withArm(data.group);
        c = arms.apply(c);
        if (timeUnit != null) {
            c = c.withTimeUnit(timeUnit);
        }
        if (data.covariates != null) {
            List<Term> t = new ArrayList<>();
            DataOptions.covariates(t, data.covariates);
            c = c.withAdjustment(Terms.of(t.toArray(new Term[0])));
        }
        return c;
    }
}
