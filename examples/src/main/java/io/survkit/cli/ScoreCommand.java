package io.survkit.cli;

import io.survkit.data.SurvivalData;
import io.survkit.validation.Score;
import io.survkit.validation.ScoreResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code survkit score}: time-dependent AUC and Brier score of predicted risks with IPCW, as
 * {@code riskRegression::Score(..., metrics = c("auc", "brier"), cens.model = "km", se.fit = TRUE)};
 * with {@code --json} the oracle's score layout.
 */
@Command(name = "score", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = Main.VersionProvider.class,
        description = "Time-dependent AUC and Brier score of predicted risks (riskRegression Score).")
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

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
    public Integer call() {
        OutputOptions.Format format = output.format();
        double[] t = times.values();
        if (t.length != risk.length) {
            throw new UsageException("--risk has " + risk.length + " columns and --times " + t.length
                    + " times; give one risk column per time");
        }
        if (data.covariates != null) {
            throw new UsageException("--covariates does not apply; name the risk columns with --risk");
        }
        output.checkWritable();
        data.covariates = String.join(",", risk);
        SurvivalData d = data.read(Main.stdin(spec));
        double[][] r = new double[risk.length][];
        for (int k = 0; k < risk.length; k++) {
            r[k] = d.covariate(risk[k]).values();
        }
        ScoreResult s = Score.withDefaults().withConfLevel(confLevel).estimate(d, t, r);
        output.write(spec.commandLine().getOut(), out -> {
            if (format == OutputOptions.Format.JSON) {
                JsonOutput.write(out, a -> out.print(s.toJson()));
            } else if (format == OutputOptions.Format.CSV) {
                s.table().writeCsv(out);
            } else {
                out.print(s);
            }
        });
        return ExitCode.OK;
    }
}
