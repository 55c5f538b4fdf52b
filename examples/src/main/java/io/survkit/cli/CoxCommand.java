package io.survkit.cli;

import io.survkit.data.SurvivalData;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.ProportionalHazardsResult;
import io.survkit.regression.ProportionalHazardsTest;
import io.survkit.regression.TieMethod;
import io.survkit.regression.Variance;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code survkit cox}: Cox proportional hazards regression as R's {@code coxph}, optionally with
 * {@code cox.zph(transform = "km")}; text like {@code print(summary(fit))}, or with {@code --json}
 * the oracle's cox layout (zph under {@code result.zph}).
 */
@Command(name = "cox", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = Main.VersionProvider.class,
        description = "Cox proportional hazards regression and its PH test (R coxph, cox.zph).")
final class CoxCommand implements Callable<Integer> {
    /** The words of {@code --ties}. */
    static final class Ties extends Choices<TieMethod> {
        Ties() {
            add("efron", TieMethod.EFRON).add("breslow", TieMethod.BRESLOW);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Option(names = "--ties", paramLabel = "METHOD", defaultValue = "efron", converter = Ties.class,
            completionCandidates = Ties.class, description = "Handling of tied times: ${COMPLETION-CANDIDATES}.")
    TieMethod ties;

    @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
            converter = Converters.FiniteNumber.class, description = "Confidence level of the hazard ratios.")
    double confLevel;

    @Option(names = "--robust", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            converter = Converters.TrueFalse.class, completionCandidates = Converters.TrueFalse.class,
            description = "Robust (sandwich) variance; --robust alone means true. Default: R's choice "
                    + "(robust with a cluster or non-integer weights).")
    Boolean robust;

    @Option(names = "--zph", description = "Also test proportional hazards (R cox.zph, transform = \"km\").")
    boolean zph;

    @Override
    public Integer call() {
        OutputOptions.Format format = output.format();
        DataOptions.require(data.covariates, "--covariates");
        if (format == OutputOptions.Format.CSV && zph) {
            throw new UsageException("--format csv writes one table and --zph adds a second; "
                    + "use --format json or text, or leave out --zph");
        }
        output.checkWritable();
        SurvivalData d = data.read(Main.stdin(spec));
        CoxRegression cox = CoxRegression.withDefaults().withTies(ties).withConfLevel(confLevel);
        if (robust != null) {
            cox = cox.withVariance(robust ? Variance.ROBUST : Variance.MODEL);
        }
        CoxResult fit = cox.fit(d);
        ProportionalHazardsResult ph = zph ? ProportionalHazardsTest.withDefaults().test(fit) : null;
        output.write(spec.commandLine().getOut(), out -> {
            if (format == OutputOptions.Format.JSON) {
                String json = ph == null ? fit.toJson() : JsonOutput.withMember(fit.toJson(), "zph", ph.toJson());
                JsonOutput.write(out, a -> out.print(json));
            } else if (format == OutputOptions.Format.CSV) {
                fit.table().writeCsv(out);
            } else {
                out.print(fit);
                if (ph != null) {
                    out.println();
                    out.print(ph);
                }
            }
        });
        return ExitCode.OK;
    }
}
