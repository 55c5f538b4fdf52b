package io.survkit.cli;

import io.survkit.data.ModelFrame;
import io.survkit.regression.ConditionalLogistic;
import io.survkit.regression.TieMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit clogit}: conditional logistic regression for matched case-control data as R's
 * {@code clogit(case ~ x + strata(set))} (a Cox model with every time 1 and exact ties); the event
 * column marks the cases, the matched sets are {@code strata()} in {@code --formula}; {@code --time}
 * names any column without missing values (its values are not used).
 */
@Command(name = "clogit",
        description = "Conditional logistic regression for matched case-control data (R clogit).")
final class ClogitCommand extends AnalysisCommand {
    /** The words of {@code --method}. */
    static final class Methods extends Choices<TieMethod> {
        Methods() {
            add("exact", TieMethod.EXACT).add("approximate", TieMethod.BRESLOW).add("efron", TieMethod.EFRON);
        }
    }

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "exact", converter = Methods.class,
            completionCandidates = Methods.class, description = "Likelihood: ${COMPLETION-CANDIDATES} (R clogit(method=)).")
    TieMethod method;

    @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
            converter = Converters.FiniteNumber.class, description = "Confidence level of the odds ratios.")
    double confLevel;

    @Override
    void check(OutputOptions.Format format) {
        if (data.formula == null) {
            DataOptions.require(data.covariates, "--formula with strata(matched set) (or --covariates and --strata)");
        }
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
    Rendered analyse(ModelFrame d) {
        return Rendered.of(ConditionalLogistic.withDefaults().withMethod(method).withConfidenceLevel(confLevel).fit(d));
    }
}
