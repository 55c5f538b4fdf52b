package io.survkit.parametric;

import io.survkit.internal.JsonWriter;
import io.survkit.regression.ChiSquareTest;
import java.util.List;

/** The oracle's {@code survreg} result fields (shared/oracle README), written by the result and the CLI. */
final class ParametricJson {
    private ParametricJson() {
    }

    /** Writes the model fields into an open object. */
    static void fields(JsonWriter w, ParametricResult fit) {
        w.name("nOmitted").value(fit.omittedRows());
        w.name("n").value(fit.size());
        w.name("events").value(fit.events());
        w.name("iterations").value(fit.iterations());
        w.name("converged").value(fit.converged());
        w.name("dist").value(fit.distribution().optionName());
        w.name("terms").array(fit.terms());
        w.name("coef").array(fit.coefficients());
        w.name("se").array(fit.standardErrors());
        w.name("robustSe");
        if (fit.isRobust()) {
            w.array(fit.robustStandardErrors().orElseThrow());
        } else {
            w.nullValue();
        }
        w.name("z").array(fit.zStatistics());
        w.name("p").array(fit.pValues());
        w.name("lower").array(fit.lower());
        w.name("upper").array(fit.upper());
        if (fit.distribution().isLogTime()) {
            w.name("timeRatio").array(fit.timeRatios());
            w.name("timeRatioLower").array(fit.timeRatioLower());
            w.name("timeRatioUpper").array(fit.timeRatioUpper());
        }
        w.name("scale").array(fit.scales());
        w.name("scaleNames");
        if (fit.scaleNames().isEmpty()) {
            w.nullValue();
        } else {
            w.array(fit.scaleNames());
        }
        if (fit.distribution().hasFixedScale()) {
            w.name("logScale").nullValue();
            w.name("logScaleSe").nullValue();
        } else {
            w.name("logScale").array(fit.logScales());
            w.name("logScaleSe").array(fit.logScaleStandardErrors());
        }
        w.name("var").beginArray();
        for (double[] row : fit.varianceMatrix()) {
            w.array(row);
        }
        w.endArray();
        w.name("loglik").value(fit.logLikelihood());
        w.name("loglikNull").value(fit.logLikelihoodNull());
        ChiSquareTest lrt = fit.likelihoodRatioTest();
        w.name("lrt").beginObject().name("chisq").value(lrt.statistic()).name("df").value(lrt.degreesOfFreedom())
                .name("p").value(lrt.pValue()).endObject();
        w.name("aic").value(fit.aic());
        w.name("bic").value(fit.bic());
        if (!fit.warnings().isEmpty()) {
            w.name("warnings").array(fit.warnings());
        }
    }

    /**
     * One {@code predicted[]} element: {@code lp}, {@code quantile {p, time, se}} and
     * {@code survival {time, surv}}.
     */
    static void prediction(JsonWriter w, ParametricPrediction p, double[] probs, double[] times) {
        w.beginObject();
        w.name("lp").value(p.linearPredictor());
        List<QuantileEstimate> qs = p.quantiles(probs);
        double[] qt = new double[qs.size()];
        double[] qse = new double[qs.size()];
        for (int i = 0; i < qt.length; i++) {
            qt[i] = qs.get(i).time();
            qse[i] = qs.get(i).standardError();
        }
        w.name("quantile").beginObject().name("p").array(probs).name("time").array(qt).name("se").array(qse)
                .endObject();
        double[] s = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            s[i] = p.survival(times[i]).estimate();
        }
        w.name("survival").beginObject().name("time").array(times).name("surv").array(s).endObject();
        w.endObject();
    }
}
