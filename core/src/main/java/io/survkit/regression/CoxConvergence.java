package io.survkit.regression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * R's checks after the Newton-Raphson ({@code coxph.fit}, {@code agreg.fit}): out of iterations
 * (with "may be infinite" when the largest centred linear predictor exceeds 500 or a one-step
 * change is not finite), and, after convergence, the coefficients whose one-step change
 * {@code |u' V|_j} is still large relative to them (monotone likelihood: R's "Loglik converged
 * before variable"). Shared by core's fit and fits whose sums come from elsewhere (a cluster).
 *
 * <pre>{@code
 * List<String> warnings = new ArrayList<>();
 * List<String> infinite = CoxConvergence.check(u, var, coef, converged, () -> maxLp, names, cox, false, warnings);
 * }</pre>
 */
public final class CoxConvergence {
    private CoxConvergence() {
    }

    /**
     * Adds the warnings to {@code warn} and returns the model columns whose coefficient may be
     * infinite.
     *
     * @param u score at the reported coefficients (original coordinates)
     * @param var inverse information (p x p, original coordinates)
     * @param coef coefficients (NaN for redundant columns)
     * @param converged whether the iteration converged
     * @param maxLinearPredictor the largest centred linear predictor over the rows (asked for only
     *        when the fit did not converge)
     * @param columnNames model column names
     * @param config the procedure (iteration limit, tolerance)
     * @param countingProcess true for (start, stop] data (agreg.fit's rule)
     * @param warn receives the warnings
     * @return the columns that may be infinite
     */
    public static List<String> check(double[] u, double[] var, double[] coef, boolean converged,
            DoubleSupplier maxLinearPredictor, String[] columnNames, CoxRegression config, boolean countingProcess,
            List<String> warn) {
        int p = coef.length;
        List<String> inf = new ArrayList<>();
        if (config.maxIterations() <= 1) {
            return inf;
        }
        double eps = config.tolerance();
        double tolerInf = Math.sqrt(eps);
        double[] infs = new double[p];
        boolean anyNonFinite = false;
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int k = 0; k < p; k++) {
                s += u[k] * var[k * p + j];
            }
            infs[j] = Math.abs(s);
            if (!Double.isFinite(infs[j])) {
                anyNonFinite = true;
            }
        }
        if (!converged) {
            StringBuilder msg = new StringBuilder("Ran out of iterations (" + config.maxIterations()
                    + ") and did not converge");
            if (maxLinearPredictor.getAsDouble() > 500 || anyNonFinite) {
                msg.append("; one or more coefficients may be infinite");
            }
            msg.append(": raise the iteration limit (withMaxIterations), and look for a covariate that separates"
                    + " the events from the rest (monotone likelihood)");
            warn.add(msg.toString());
            return inf;
        }
        for (int j = 0; j < p; j++) {
            if (Double.isNaN(coef[j])) {
                continue;
            }
            boolean bad = !countingProcess
                    ? !Double.isFinite(u[j]) || (infs[j] > eps && infs[j] > tolerInf * Math.abs(coef[j]))
                    : !Double.isFinite(u[j]) || infs[j] > tolerInf * (1 + Math.abs(coef[j]));
            if (bad) {
                inf.add(columnNames[j]);
            }
        }
        if (!inf.isEmpty()) {
            warn.add("Loglik converged before variable(s) " + inf + "; coefficient may be infinite"
                    + " (monotone likelihood: the covariate separates events from non-events in some risk sets);"
                    + " consider removing or collapsing it, or a penalized (Firth) fit");
        }
        return Collections.unmodifiableList(inf);
    }
}
