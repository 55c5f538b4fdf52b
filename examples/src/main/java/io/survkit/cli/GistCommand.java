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
        try {
            Files.createDirectories(dir);
            GistStudy study = GistStudy.run(dir, seed);
            out.print(study.paperTable());
            out.println();
            out.print(study.main());
            Files.writeString(dir.resolve("report.md"), study.markdown(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.json"), study.main().toJson(), StandardCharsets.UTF_8);
            out.println();
            out.println("wrote " + dir.resolve("report.md") + " and " + dir.resolve("report.json"));
            if (a.has("html")) {
                Path html = Path.of(a.get("html"));
                if (html.getParent() != null) {
                    Files.createDirectories(html.getParent());
                }
                Files.writeString(html, study.html(), StandardCharsets.UTF_8);
                out.println("wrote " + html);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("gist: cannot write to " + dir + ": " + e.getMessage(), e);
        }
        return 0;
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
