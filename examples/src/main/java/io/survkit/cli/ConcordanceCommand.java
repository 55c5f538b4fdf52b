package io.survkit.cli;

import io.survkit.data.ModelFrame;
import io.survkit.validation.Concordance;
import io.survkit.validation.Direction;
import io.survkit.validation.TimeWeight;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit concordance}: Harrell's, Uno's and the other time-weighted concordances of a
 * predictor, as R's {@code concordance(Surv ~ x [+ strata(s)], weights =, timewt =, reverse =)};
 * text like R's print, or with {@code --json} the oracle's concordance layout.
 */
@Command(name = "concordance",
        description = "Concordance (C-index) of a predictor with survival: Harrell, Uno, S, S/G (R concordance).")
final class ConcordanceCommand extends AnalysisCommand {
    /** The words of {@code --timewt}: R's names, matched without regard to case ({@code S/G} = {@code s/g}). */
    static final class TimeWeights extends Choices<TimeWeight> {
        TimeWeights() {
            for (TimeWeight w : TimeWeight.values()) {
                add(w.rName().toLowerCase(java.util.Locale.ROOT), w);
            }
        }
    }

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
    void check(OutputOptions.Format format) {
        if (data.formula != null) {
            throw new UsageException("--formula does not apply; name the column with --predictor");
        }
        if (data.covariates != null) {
            throw new UsageException("--covariates does not apply; name the column with --predictor");
        }
        data.covariates = predictor;
    }

    @Override
    boolean usesGroup() {
        return false;
    }

    @Override
    boolean usesCovariates() {
        return true;
    }

    @Override
    Rendered analyse(ModelFrame frame) {
        return Rendered.of(Concordance.withDefaults().withTimeWeight(timeWeight)
                .withDirection(reverse ? Direction.HIGHER_RISK : Direction.LONGER_SURVIVAL).estimate(frame));
    }
}
