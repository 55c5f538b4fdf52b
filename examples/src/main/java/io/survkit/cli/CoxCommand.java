package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.data.ModelFrame;
import io.survkit.regression.BaselineHazard;
import io.survkit.regression.ChiSquareTest;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.ProportionalHazardsResult;
import io.survkit.regression.ProportionalHazardsTest;
import io.survkit.regression.TieMethod;
import io.survkit.regression.Variance;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code survkit cox}: Cox proportional hazards regression as R's {@code coxph}, optionally with
 * {@code cox.zph(transform = "km")}; text like {@code print(summary(fit))}, or with {@code --json}
 * the oracle's cox layout (zph under {@code result.zph}).
 */
final class CoxCommand implements Command {
    private static final Map<String, TieMethod> TIES = Map.of("efron", TieMethod.EFRON, "breslow",
            TieMethod.BRESLOW);

    @Override
    public String name() {
        return "cox";
    }

    @Override
    public String summary() {
        return "Cox proportional hazards regression and its PH test (R coxph, cox.zph)";
    }

    @Override
    public Set<String> options() {
        Set<String> s = new HashSet<>(DataOptions.OPTIONS);
        s.addAll(Set.of("ties", "robust", "conf-level"));
        return s;
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "help", "zph");
    }

    @Override
    public int run(Args a, PrintStream out) {
        a.require("covariates");
        ModelFrame data = ModelFrame.of(DataOptions.reader(a).read(), DataOptions.terms(a, false, true));
        CoxRegression cox = CoxRegression.withDefaults().withTies(a.choice("ties", TIES, TieMethod.EFRON))
                .withConfLevel(a.number("conf-level", 0.95));
        Boolean robust = a.bool("robust");
        if (robust != null) {
            cox = cox.withVariance(robust ? Variance.ROBUST : Variance.MODEL);
        }
        CoxResult fit = cox.fit(data);
        ProportionalHazardsResult zph = a.flag("zph") ? ProportionalHazardsTest.withDefaults().test(fit) : null;
        if (a.flag("json")) {
            ObjectNode r = json(fit);
            if (zph != null) {
                r.set("zph", json(zph, fit.omittedRows()));
            }
            out.println(Json.write(r));
        } else {
            out.print(fit);
            if (zph != null) {
                out.println();
                out.print(zph);
            }
        }
        return 0;
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
