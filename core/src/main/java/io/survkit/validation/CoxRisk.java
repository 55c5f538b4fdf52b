package io.survkit.validation;

import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import io.survkit.regression.BaselineHazard;
import io.survkit.regression.CoxResult;

/**
 * Predicted event risks of a Cox model for the rows of (new) data: r_i(t) = 1 - S(t | x_i) =
 * 1 - exp(-H0(t) exp(x_i'beta)), H0 the baseline cumulative hazard at covariates 0 (R
 * {@code basehaz(fit, centered = FALSE)}), as R {@code 1 - summary(survfit(fit, newdata), times = t)$surv}.
 */
final class CoxRisk {
    private CoxRisk() {
    }

    /** risk[k][i] for time k and row i of {@code frame}, the model's terms resolved against new data. */
    static double[][] of(CoxResult fit, ModelFrame frame, double[] times) {
        Check.notNull("fit", fit);
        if (fit.strataColumn().isPresent()) {
            throw Check.fail("predicted risks from a stratified Cox model (strata '%s') are not supported here;"
                    + " give the risks as columns", fit.strataColumn().get());
        }
        double[] lp = LinearPredictor.of(fit, frame);
        BaselineHazard h = fit.prediction().baselineHazard();
        double[][] risk = new double[times.length][lp.length];
        for (int k = 0; k < times.length; k++) {
            double h0 = 0;
            for (int i = 0; i < h.size() && h.time(i) <= times[k]; i++) {
                h0 = h.cumulativeHazard(i);
            }
            for (int i = 0; i < lp.length; i++) {
                risk[k][i] = -Math.expm1(-h0 * Math.exp(lp[i]));
            }
        }
        return risk;
    }
}
