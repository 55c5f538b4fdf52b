package io.survkit.cli;

import io.survkit.data.SurvivalData;
import io.survkit.internal.JsonWriter;
import io.survkit.relative.RelativeSurvival;
import io.survkit.relative.RelativeSurvivalAt;
import io.survkit.relative.RelativeSurvivalCurve;
import io.survkit.relative.RelativeSurvivalMethod;
import io.survkit.relative.RelativeSurvivalResult;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code survkit relsurv}: net (Pohar-Perme) or relative (Ederer II, Hakulinen, Ederer I) survival
 * against a population rate table, as R's {@code relsurv::rs.surv}; with {@code --json} the
 * oracle's relsurv layout.
 */
@Command(name = "relsurv", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = Main.VersionProvider.class,
        description = "Net / relative survival against a population rate table (R relsurv rs.surv).")
final class RelsurvCommand extends DemographyCommand {
    /** The words of {@code --method}. */
    static final class Methods extends Choices<RelativeSurvivalMethod> {
        Methods() {
            add("pohar-perme", RelativeSurvivalMethod.POHAR_PERME).add("ederer2", RelativeSurvivalMethod.EDERER_II)
                    .add("hakulinen", RelativeSurvivalMethod.HAKULINEN).add("ederer1", RelativeSurvivalMethod.EDERER_I);
        }
    }

    @Mixin
    RelativeOptions relative;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "pohar-perme", converter = Methods.class,
            completionCandidates = Methods.class, description = "Estimator: ${COMPLETION-CANDIDATES}.")
    RelativeSurvivalMethod method;

    @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
            converter = Converters.FiniteNumber.class, description = "Confidence level of the log intervals.")
    double confLevel;

    @Option(names = "--times", paramLabel = "T[,T...]", converter = Converters.NumberList.class,
            description = "Times to read the curves at (R summary(fit, times =, extend = TRUE)).")
    Converters.Numbers times;

    /** Reads age (numeric), sex and year (text) beside the survival columns. */

    @Override
    AnalysisCommand.Rendered analyse(SurvivalData d, String groups) {
        RelativeSurvivalResult fit = RelativeSurvival.withDefaults().withRateTable(relative.table())
                .withTimeUnit(relative.timeUnit).withMethod(method).withConfLevel(confLevel)
                .estimate(d, groups, relative.age, relative.sex, relative.year);
        double[] t = times == null ? new double[0] : times.values();
        return new AnalysisCommand.Rendered(out -> text(out, fit, t), out -> fit.writeJson(out, t), fit::table);
    }

    private static void text(PrintWriter out, RelativeSurvivalResult fit, double[] t) {
        out.print(fit);
        for (RelativeSurvivalCurve c : fit.curves()) {
            if (t.length > 0) {
                out.println(c.name() + " at chosen times:");
                for (RelativeSurvivalAt x : c.at(t)) {
                    out.printf(Locale.ROOT, "  t = %s: %.4f (se %.4f, %.4f-%.4f), %d at risk%n",
                            JsonWriter.number(x.time()), x.survival(), x.standardError(),
                            x.lower().orElse(Double.NaN), x.upper().orElse(Double.NaN), x.numberAtRisk());
                }
            }
        }
    }
}
