package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.data.SurvivalData;
import io.survkit.regression.BaselineHazard;
import io.survkit.regression.ChiSquareTest;
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
        if (format == OutputOptions.Format.CSV) {
            throw new UsageException("--format csv is not available for cox yet");
        }
        DataOptions.require(data.covariates, "--covariates");
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
                ObjectNode r = json(fit);
                if (ph != null) {
                    r.set("zph", json(ph, fit.omittedRows()));
                }
                out.println(Json.write(r));
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

    /** The oracle's cox result fields. */
    static ObjectNode json(CoxResult fit) {
        ObjectNode r = Json.object();
        r.put("nOmitted", fit.omittedRows());
        r.set("terms", Json.strings(fit.terms()));
        r.set("coef", Json.array(fit.coefficients()));
        r.set("se", Json.array(fit.standardErrors()));
        if (fit.isRobust()) {
            r.set("robustSe", Json.array(fit.robustStandardErrors()));
        } else {
            r.putNull("robustSe");
        }
        r.set("hr", Json.array(fit.hazardRatios()));
        r.set("hrLower", Json.array(fit.hazardRatioLower()));
        r.set("hrUpper", Json.array(fit.hazardRatioUpper()));
        r.set("z", Json.array(fit.zStatistics()));
        r.set("p", Json.array(fit.pValues()));
        Json.put(r, "loglikNull", fit.logLikelihoodNull());
        Json.put(r, "loglik", fit.logLikelihood());
        r.set("lrt", test(fit.likelihoodRatioTest()));
        r.set("wald", test(fit.waldTest()));
        r.set("score", test(fit.scoreTest()));
        Json.put(r, "concordance", fit.concordance());
        Json.put(r, "concordanceSe", fit.concordanceStandardError());
        r.put("n", fit.size());
        r.put("events", fit.events());
        r.put("iterations", fit.iterations());
        r.put("converged", fit.converged());
        BaselineHazard b = fit.baselineHazard();
        ObjectNode base = r.putObject("baseline");
        base.set("time", Json.array(b.times()));
        base.set("cumhaz", Json.array(b.cumulativeHazards()));
        if (fit.strataColumn() == null) {
            base.putNull("strata");
        } else {
            base.set("strata", Json.strings(b.strata()));
        }
        if (!fit.warnings().isEmpty()) {
            r.set("warnings", Json.strings(fit.warnings()));
        }
        return r;
    }

    static ObjectNode test(ChiSquareTest t) {
        ObjectNode o = Json.object();
        Json.put(o, "chisq", t.statistic());
        o.put("df", t.degreesOfFreedom());
        Json.put(o, "p", t.pValue());
        return o;
    }

    /** The oracle's zph result fields. */
    static ObjectNode json(ProportionalHazardsResult zph, int omitted) {
        ObjectNode r = Json.object();
        r.put("nOmitted", omitted);
        r.set("terms", Json.strings(zph.terms()));
        r.set("chisq", Json.array(zph.chiSquares()));
        r.set("df", Json.array(zph.degreesOfFreedom()));
        r.set("p", Json.array(zph.pValues()));
        r.set("global", test(zph.global()));
        return r;
    }
}
