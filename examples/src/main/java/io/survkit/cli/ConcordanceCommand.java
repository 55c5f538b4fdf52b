package io.survkit.cli;

import io.survkit.data.SurvivalData;
import io.survkit.validation.Concordance;
import io.survkit.validation.ConcordanceResult;
import io.survkit.validation.Direction;
import io.survkit.validation.TimeWeight;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code survkit concordance}: Harrell's, Uno's and the other time-weighted concordances of a
 * predictor, as R's {@code concordance(Surv ~ x [+ strata(s)], weights =, timewt =, reverse =)};
 * text like R's print, or with {@code --json} the oracle's concordance layout.
 */
@Command(name = "concordance", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = Main.VersionProvider.class,
        description = "Concordance (C-index) of a predictor with survival: Harrell, Uno, S, S/G (R concordance).")
final class ConcordanceCommand implements Callable<Integer> {
    /** The words of {@code --timewt}: R's names, matched without regard to case ({@code S/G} = {@code s/g}). */
    static final class TimeWeights extends Choices<TimeWeight> {
        TimeWeights() {
            for (TimeWeight w : TimeWeight.values()) {
                add(w.rName().toLowerCase(java.util.Locale.ROOT), w);
            }
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Option(names = "--predictor", required = true, paramLabel = "COLUMN",
            description = "Numeric column compared with survival (a marker, risk score or linear predictor).")
    String predictor;

    @Option(names = "--timewt", paramLabel = "WEIGHT", defaultValue = "n", converter = TimeWeights.class,
            completionCandidates = TimeWeights.class,
            description = "Time weight of the pairs: ${COMPLETION-CANDIDATES} (R n, S, S/G, n/G2; n = Harrell, "
                    + "n/G2 = Uno).")
    TimeWeight timeWeight;

    @Option(names = "--reverse",
            description = "A larger predictor means shorter survival (a risk score; R reverse = TRUE).")
    boolean reverse;

    @Override
    public Integer call() {
        OutputOptions.Format format = output.format();
        if (data.covariates != null) {
            throw new UsageException("--covariates does not apply; name the column with --predictor");
        }
        output.checkWritable();
        data.covariates = predictor;
        SurvivalData d = data.read(Main.stdin(spec));
        ConcordanceResult r = Concordance.withDefaults().withTimeWeight(timeWeight)
                .withDirection(reverse ? Direction.HIGHER_RISK : Direction.LONGER_SURVIVAL)
                .estimate(d, d.covariate(predictor).values());
        output.write(spec.commandLine().getOut(), out -> {
            if (format == OutputOptions.Format.JSON) {
                JsonOutput.write(out, a -> out.print(r.toJson()));
            } else if (format == OutputOptions.Format.CSV) {
                r.table().writeCsv(out);
            } else {
                out.print(r);
            }
        });
        return ExitCode.OK;
    }
}
