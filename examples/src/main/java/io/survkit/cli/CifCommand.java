package io.survkit.cli;

import io.survkit.data.SurvivalData;
import io.survkit.estimate.CifMethod;
import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.CumulativeIncidenceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit cif}: cumulative incidence of competing risks, as cmprsk's {@code cuminc} (with
 * Gray's test) or as survival's multi-state {@code survfit} (Aalen-Johansen); {@code --json} gives
 * the oracle's cif layout.
 */
@Command(name = "cif",
        description = "Cumulative incidence of competing risks and Gray's test (cmprsk cuminc, survfit multi-state).")
final class CifCommand extends AnalysisCommand {
    /** The words of {@code --method}. */
    static final class Methods extends Choices<CifMethod> {
        Methods() {
            add("cuminc", CifMethod.CUMINC).add("aalen-johansen", CifMethod.AALEN_JOHANSEN);
        }
    }

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "cuminc", converter = Methods.class,
            completionCandidates = Methods.class,
            description = "Estimator: ${COMPLETION-CANDIDATES} (cmprsk cuminc with Gray's test, or survfit "
                    + "with a factor status).")
    CifMethod method;

    @Override
    void check(OutputOptions.Format format) {
        DataOptions.require(data.censorValue, "--censor-value");
    }

    @Override
    Rendered analyse(SurvivalData d) {
        CumulativeIncidenceResult fit = CumulativeIncidence.withDefaults().withMethod(method).fit(d);
        return Rendered.of(fit);
    }
}
