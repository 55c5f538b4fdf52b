package io.survkit.cli;

import io.survkit.data.SurvivalData;
import io.survkit.estimate.CifMethod;
import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.CumulativeIncidenceResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code survkit cif}: cumulative incidence of competing risks, as cmprsk's {@code cuminc} (with
 * Gray's test) or as survival's multi-state {@code survfit} (Aalen-Johansen); {@code --json} gives
 * the oracle's cif layout.
 */
@Command(name = "cif", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = Main.VersionProvider.class,
        description = "Cumulative incidence of competing risks and Gray's test (cmprsk cuminc, survfit multi-state).")
final class CifCommand implements Callable<Integer> {
    /** The words of {@code --method}. */
    static final class Methods extends Choices<CifMethod> {
        Methods() {
            add("cuminc", CifMethod.CUMINC).add("aalen-johansen", CifMethod.AALEN_JOHANSEN);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "cuminc", converter = Methods.class,
            completionCandidates = Methods.class,
            description = "Estimator: ${COMPLETION-CANDIDATES} (cmprsk cuminc with Gray's test, or survfit "
                    + "with a factor status).")
    CifMethod method;

    @Override
    public Integer call() {
        OutputOptions.Format format = output.format();
        DataOptions.require(data.censorValue, "--censor-value");
        output.checkWritable();
        SurvivalData d = data.read(Main.stdin(spec));
        CumulativeIncidenceResult fit = CumulativeIncidence.withDefaults().withMethod(method).fit(d);
        output.write(spec.commandLine().getOut(), out -> {
            if (format == OutputOptions.Format.JSON) {
                JsonOutput.write(out, fit::writeJson);
            } else if (format == OutputOptions.Format.CSV) {
                fit.table().writeCsv(out);
            } else {
                out.print(fit);
            }
        });
        return ExitCode.OK;
    }
}
