package io.survkit.cli;

import io.survkit.data.SurvivalData;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.ProportionalHazardsResult;
import io.survkit.regression.ProportionalHazardsTest;
import io.survkit.regression.TieMethod;
import io.survkit.regression.Variance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit cox}: Cox proportional hazards regression as R's {@code coxph}, optionally with
 * {@code cox.zph(transform = "km")}; text like {@code print(summary(fit))}, or with {@code --json}
 * the oracle's cox layout (zph under {@code result.zph}).
 */
@Command(name = "cox",
        description = "Cox proportional hazards regression and its PH test (R coxph, cox.zph).")
final class CoxCommand extends AnalysisCommand {
    /** The words of {@code --ties}. */
    static final class Ties extends Choices<TieMethod> {
        Ties() {
            add("efron", TieMethod.EFRON).add("breslow", TieMethod.BRESLOW);
        }
    }

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
    void check(OutputOptions.Format format) {
        DataOptions.require(data.covariates, "--covariates");
        if (format == OutputOptions.Format.CSV && zph) {
            throw new UsageException("--format csv writes one table and --zph adds a second; "
                    + "use --format json or text, or leave out --zph");
        }
    }

    @Override
    Rendered analyse(SurvivalData d) {
        CoxRegression cox = CoxRegression.withDefaults().withTies(ties).withConfLevel(confLevel);
        if (robust != null) {
            cox = cox.withVariance(robust ? Variance.ROBUST : Variance.MODEL);
        }
        CoxResult fit = cox.fit(d);
        if (!zph) {
            return Rendered.of(fit);
        }
        ProportionalHazardsResult ph = ProportionalHazardsTest.withDefaults().test(fit);
        return new Rendered(out -> out.print(fit + "\n" + ph),
                out -> JsonOutput.append(out, JsonOutput.withMember(fit.toJson(), "zph", ph.toJson())), null);
    }
}
