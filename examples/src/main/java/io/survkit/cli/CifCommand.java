package io.survkit.cli;

import io.survkit.compare.CumulativeIncidenceComparison;
import io.survkit.data.ModelFrame;
import io.survkit.estimate.CifMethod;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.estimate.IncidenceCurve;
import io.survkit.plot.CumulativeIncidencePlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
        figures.check();
    }

    @Option(names = "--rho", paramLabel = "RHO", defaultValue = "0", converter = Converters.FiniteNumber.class,
            description = "Gray's test weight S(t)^rho (cmprsk cuminc rho): 0 = log-rank-like, 1 = Wilcoxon-like.")
    double rho;

    @Option(names = "--times", paramLabel = "T[,T...]", converter = Converters.NumberList.class,
            description = "Cumulative incidence and its variance at these times (cmprsk timepoints), "
                    + "absent after a curve's last time.")
    Converters.Numbers times;

    @Mixin
    FigureFiles figures;

    @Override
    Rendered analyse(ModelFrame d) {
        // cuminc: the curves and, with two or more groups, Gray's test attached to them
        CumulativeIncidenceResult fit = CumulativeIncidenceComparison.withDefaults().withMethod(method).withRho(rho).fit(d);
        if (figures.any()) {
            if (method != CifMethod.CUMINC) {
                throw new UsageException("--svg/--png/--pdf draw cmprsk's cuminc curves; use --method cuminc");
            }
            figures.write(CumulativeIncidencePlots.render(fit, d.timeColumn(), 0.95));
        }
        if (times == null) {
            return Rendered.of(fit);
        }
        double[] at = java.util.Arrays.stream(times.values()).sorted().distinct().toArray();
        return new Rendered(out -> {
            out.print(fit);
            out.println();
            for (IncidenceCurve c : fit.curves()) {
                for (double t : at) {
                    out.printf(java.util.Locale.ROOT, "%s  t=%s  est=%s  var=%s%n", c.name(), t, c.estimateAt(t),
                            c.varianceAt(t));
                }
            }
        }, out -> fit.writeJson(out, at), fit::table);
    }
}
