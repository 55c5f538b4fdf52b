package io.survkit.cli;

import io.survkit.arms.ArmComparison;
import io.survkit.arms.EndpointComparison;
import io.survkit.data.ArmDefinition;
import io.survkit.data.CohortSelection;
import io.survkit.data.Endpoint;
import io.survkit.data.SeerColumn;
import io.survkit.data.SeerReader;
import io.survkit.data.synthetic.GistCohortSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code survkit gist}: the motivating study end to end. Writes a synthetic SEER*Stat export of the
 * GIST liver-metastasis cohort (documented in {@link GistCohortSimulator}), reads it back as a
 * user's file, compares surgery + chemotherapy with chemotherapy alone on OS and CSS (crude,
 * adjusted, propensity-matched, by timing of surgery, landmark), prints "reported in the paper vs
 * reproduced here", and writes {@code report.md}, {@code report.json} (and, with {@code --html}, a
 * self-contained HTML report) to the output folder.
 */
final class GistCommand implements Command {

    @Override
    public String name() {
        return "gist";
    }

    @Override
    public String summary() {
        return "The GIST liver-metastasis study end to end on a synthetic SEER*Stat export";
    }

    @Override
    public Set<String> options() {
        return Set.of("out", "html", "seed");
    }

    @Override
    public int run(Args a, PrintStream out) {
        Path dir = Path.of(a.get("out", "gist-report"));
        long seed = (long) a.number("seed", GistCohortSimulator.DEFAULT_SEED);
        Path html = a.has("html") ? Path.of(a.get("html")) : null;
        // every output checked before the study runs, each error naming its own option
        prepareDirectory("out", dir);
        if (html != null) {
            prepareFile("html", html);
        }
        GistStudy study = GistStudy.run(dir, seed);
        out.print(study.paperTable());
        out.println();
        out.print(study.main());
        write("out", dir.resolve("report.md"), study.markdown());
        write("out", dir.resolve("report.json"), study.main().toJson());
        out.println();
        out.println("wrote " + dir.resolve("report.md") + " and " + dir.resolve("report.json"));
        if (html != null) {
            write("html", html, study.html());
            out.println("wrote " + html);
        }
        return 0;
    }

    /** The --out folder exists (created if needed) and is writable. */
    private static void prepareDirectory(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("gist: option --" + option + " = '" + dir + "' is a file; expected a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("gist: option --" + option + " = '" + dir + "': cannot create the folder ("
                    + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("gist: option --" + option + " = '" + dir + "': the folder is not writable");
        }
    }

    /** The --html file is not a folder, its folder exists (created if needed) and it can be written. */
    private static void prepareFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException("gist: option --" + option + " = '" + file
                    + "' is a folder; expected a file name such as " + file.resolve("report.html"));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            prepareDirectory(option, parent);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new UsageException("gist: option --" + option + " = '" + file + "': the file is not writable");
        }
    }

    private static void write(String option, Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("gist: option --" + option + ": cannot write " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Reads a SEER*Stat export of the study's layout (labels as SEER exports them). */
    static CohortSelection readCohort(Path export) {
        return SeerReader.withDefaults().withEndpoint(Endpoint.CANCER_SPECIFIC)
                .withArms(ArmDefinition.chemotherapyWithOrWithoutSurgery())
                .withNumeric(SeerColumn.AGE, "age").withNumeric(GistCohortSimulator.TUMOR_SIZE, "size")
                .withFactor(SeerColumn.SEX, "sex", "Female")
                .withFactor(SeerColumn.SYSTEMIC_SURGERY_SEQUENCE, "timing", null).read(export);
    }

    /** The comparison the paper reports, plus what its peers add. */
    static ArmComparison comparison(CohortSelection cohort) {
        return ArmComparison.of(cohort, Endpoint.CANCER_SPECIFIC, Endpoint.OVERALL_SURVIVAL)
                .treatment(ArmDefinition.SURGERY_PLUS_CHEMOTHERAPY).control(ArmDefinition.CHEMOTHERAPY_ALONE)
                .landmarks(12, 36, 60).horizon(120).adjustFor("age", "sex", "size");
    }

    /** Markdown-free label of the gain: "≥ 63". */
    static String gain(EndpointComparison e) {
        return e.medianDifference().toString();
    }
}
