package io.survkit.cli;

import io.survkit.data.ModelFrame;
import io.survkit.validation.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit score}: time-dependent AUC and Brier score of predicted risks with IPCW, as
 * {@code riskRegression::Score(..., metrics = c("auc", "brier"), cens.model = "km", se.fit = TRUE)};
 * with {@code --json} the oracle's score layout.
 */
@Command(name = "score",
        description = "Time-dependent AUC and Brier score of predicted risks (riskRegression Score).")
final class ScoreCommand extends AnalysisCommand {
    @Option(names = "--risk", required = true, paramLabel = "COL[,COL...]", split = ",",
            description = "Columns of predicted event risk 1 - S(t | x), one per time, in the order of --times.")
    String[] risk;

    @Option(names = "--times", required = true, paramLabel = "T[,T...]", converter = Converters.NumberList.class,
            description = "Evaluation times, one per risk column.")
    Converters.Numbers times;

    @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
            converter = Converters.FiniteNumber.class, description = "Confidence level of the limits.")
    double confLevel;

    @Override
    void check(OutputOptions.Format format) {
        if (times.values().length != risk.length) {
            throw new UsageException("--risk has " + risk.length + " columns and --times " + times.values().length
                    + " times; give one risk column per time");
        }
        if (data.formula != null) {
            throw new UsageException("--formula does not apply; name the columns with --risk");
        }
        if (data.covariates != null) {
            throw new UsageException("--covariates does not apply; name the risk columns with --risk");
        }
        data.covariates = String.join(",", risk);
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
        return Rendered.of(Score.withDefaults().withConfLevel(confLevel).estimate(frame, times.values()));
    }
}
