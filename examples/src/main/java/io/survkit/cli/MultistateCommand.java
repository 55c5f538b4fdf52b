package io.survkit.cli;

import io.survkit.data.ModelFrame;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.estimate.MultiStateResult;
import io.survkit.estimate.MultiStateSummary;
import io.survkit.estimate.MultiStateSurvival;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit multistate}: Aalen-Johansen state probabilities of multi-state data, as R
 * {@code survfit(Surv(start, time, state) ~ group, id = id, weights = w, istate = s)}; {@code --times}
 * adds R's {@code summary(fit, times =)}.
 */
@Command(name = "multistate",
        description = "Multi-state Aalen-Johansen probabilities in each state (R survfit with Surv(t1, t2, state), id, "
                + "istate).")
final class MultistateCommand extends AnalysisCommand {
    @Option(names = "--istate", paramLabel = "COLUMN",
            description = "Initial state of each row (R istate); default: every subject starts in (s0).")
    String istate;

    @Option(names = "--conf-type", paramLabel = "TYPE", defaultValue = "log", converter = KmCommand.ConfTypes.class,
            completionCandidates = KmCommand.ConfTypes.class,
            description = "Confidence interval type for the state probabilities: ${COMPLETION-CANDIDATES} "
                    + "(R conf.type).")
    ConfidenceIntervalType confType;

    @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
            converter = Converters.FiniteNumber.class, description = "Confidence level, in (0, 1).")
    double confLevel;

    @Option(names = "--times", paramLabel = "T[,T...]", converter = Converters.NumberList.class,
            description = "Also R's summary(fit, times = T): each curve at these times up to its last time.")
    Converters.Numbers times;

    @Override
    void check(OutputOptions.Format format) {
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new UsageException("--conf-level " + confLevel + " is outside (0, 1)");
        }
        if (data.eventValue != null) {
            throw new UsageException("--event-value does not apply to multistate: the state column holds the "
                    + "states; name the censoring value with --censor-value");
        }
        data.censorFirstLevel = true;
    }

    @Override
    Rendered analyse(ModelFrame frame) {
        MultiStateSurvival ms = MultiStateSurvival.withDefaults().withConfidenceIntervalType(confType)
                .withConfidenceLevel(confLevel);
        if (istate != null) {
            if (!data.lastRead.hasColumn(istate)) {
                throw new UsageException("--istate " + istate + ": no such column; the file has "
                        + data.lastRead.columnNames());
            }
            ms = ms.withInitialStateColumn(istate);
        }
        MultiStateResult fit = ms.fit(data.lastRead, frame.terms());
        if (times == null) {
            return Rendered.of(fit);
        }
        double[] at = times.values();
        MultiStateSummary s = fit.summary(at);
        return new Rendered(out -> {
            out.print(fit);
            for (int r = 0; r < s.size(); r++) {
                out.printf(java.util.Locale.ROOT, "%s  t=%s", s.curve(r), s.time(r));
                for (int k = 0; k < fit.states().size(); k++) {
                    out.printf(java.util.Locale.ROOT, "  Pr(%s)=%s se=%s", fit.states().get(k), s.probability(r, k),
                            s.standardError(r, k));
                }
                out.println();
            }
        }, out -> fit.writeJson(out, at), () -> fit.table());
    }
}
