package io.survkit.cli;

import io.survkit.arms.ArmComparison;
import io.survkit.arms.EndpointComparison;
import io.survkit.seer.ArmDefinition;
import io.survkit.seer.CohortSelection;
import io.survkit.seer.Endpoint;
import io.survkit.seer.SeerColumn;
import io.survkit.seer.SeerReader;
import io.survkit.examples.gist.GistCohortSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code survkit gist}: the motivating study end to end. On the user's SEER*Stat export
 * ({@code --data}) or, without it, on a synthetic export of the GIST liver-metastasis cohort
 * (documented in {@link GistCohortSimulator}) written to the output folder and read back as a
 * user's file, compares surgery + chemotherapy with chemotherapy alone on OS and CSS (crude,
 * adjusted, propensity-matched, by timing of surgery, landmark), prints "reported in the paper vs
 * reproduced here", and writes {@code report.html}, {@code report.md} (with its SVG figures) and
 * {@code report.json} to the output folder through {@link ArmReport}, the writer of {@code survkit report}.
 */
@Command(name = "gist",
        description = "The GIST liver-metastasis study end to end on your SEER*Stat export (--data) or a synthetic one.")
final class GistCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "gist-report",
            description = "Folder for the export, report.md and report.json (created if missing).")
    Path out;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the HTML report to FILE "
            + "(--out always holds report.html).")
    Path html;

    @Option(names = "--data", paramLabel = "EXPORT",
            description = "Your SEER*Stat export of the study's layout (case listing with the GIST columns); "
                    + "without it a synthetic export is written to --out and used.")
    Path data;

    @Option(names = "--seed", paramLabel = "SEED", converter = Converters.WholeNumber.class,
            defaultValue = "" + GistCohortSimulator.DEFAULT_SEED,
            description = "Seed of the synthetic cohort.")
    long seed;

    @Override
    public Integer call() {
        checkOutputs();
        PrintWriter stdout = spec.commandLine().getOut();
        GistStudy study;
        try {
            Files.createDirectories(out);
            study = GistStudy.run(out, seed, data);
        } catch (IOException e) {
            throw new UncheckedIOException("--out " + out + ": cannot write there: " + e.getMessage(), e);
        }
        stdout.print(study.paperTable());
        stdout.println();
        stdout.print(study.main());
        stdout.println();
        stdout.print(study.netSurvivalText());
        io.survkit.table.Document doc = study.document();
        ArmReport.write(out, doc, study.main().toJson(), "--out");
        stdout.println();
        stdout.println("wrote " + out.resolve("report.html") + ", " + out.resolve("report.md") + ", "
                + out.resolve("report.json") + " and " + doc.figures().size() + " figures");
        if (html != null) {
            if (html.toAbsolutePath().getParent() != null) {
                try {
                    Files.createDirectories(html.toAbsolutePath().getParent());
                } catch (IOException e) {
                    throw new UncheckedIOException("--html " + html + ": cannot create its folder: "
                            + e.getMessage(), e);
                }
            }
            write("--html", html, doc.toHtml());
            stdout.println("wrote " + html);
        }
        return ExitCode.OK;
    }

    /** Before computing: each output names a place that can be written. */
    private void checkOutputs() {
        if (data != null && (!Files.isReadable(data) || Files.isDirectory(data))) {
            throw new UsageException("--data " + data + ": no such readable file");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file; expected a folder");
        }
        if (html != null && Files.isDirectory(html)) {
            throw new UsageException("--html " + html + " is a folder; expected a file name such as "
                    + html.resolve("report.html"));
        }
    }

    private static void write(String option, Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(option + ": cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a SEER*Stat export of the study's layout (labels as SEER exports them). */
    static CohortSelection readCohort(Path export) {
        return SeerReader.withDefaults().withEndpoint(Endpoint.CANCER_SPECIFIC)
                .withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery())
                .withNumeric(SeerColumn.AGE, "age").withNumeric(GistCohortSimulator.TUMOR_SIZE, "size")
                .withNumeric(SeerColumn.YEAR_OF_DIAGNOSIS, "year")
                .withFactor(SeerColumn.SEX, "sex", "Female")
                .withFactor(SeerColumn.SYSTEMIC_SURGERY_SEQUENCE, "timing", null).read(export);
    }

    /** The comparison the paper reports, plus what its peers add. */
    static ArmComparison comparison(CohortSelection cohort) {
        return ArmComparison.of(cohort, Endpoint.CANCER_SPECIFIC, Endpoint.OVERALL_SURVIVAL)
                .withTreatment(ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY).withControl(ArmDefinition.CHEMOTHERAPY_ALONE)
                .withLandmarks(12, 36, 60).withHorizon(120).withAdjustment("age", "sex", "size").withTimeUnit("months");
    }

    /** Markdown-free label of the gain: "≥ 63". */
    static String gain(EndpointComparison e) {
        return e.medianDifference().toString();
    }
}
