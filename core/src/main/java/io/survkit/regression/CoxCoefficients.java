package io.survkit.regression;

import io.survkit.internal.Check;
import io.survkit.internal.Probabilities;
import java.util.Optional;

/**
 * The coefficient table of a Cox model from its estimates and variances, as R's
 * {@code summary(coxph)} prints it: model-based and robust standard errors, hazard ratios with
 * their intervals, Wald z and p, and the overall Wald test ({@code coxph.wtest}). The one
 * implementation behind {@link CoxResult} and behind fits computed elsewhere (survkit-spark's
 * distributed Cox). Immutable; arrays returned are copies.
 *
 * <p>A coefficient that is NaN (R's {@code NA}: a redundant column) has standard error 0 (R: its
 * row and column of {@code var} are 0) and NaN z and p; the Wald test leaves it out.
 *
 * <pre>{@code
 * CoxCoefficients t = CoxCoefficients.of(coef, inverseInformation, null, 0.95);  // model-based
 * double[] lower = t.hazardRatioLower();    // exp(coef - qnorm(0.975) se)
 * ChiSquareTest wald = t.waldTest(null);    // against beta = 0
 * }</pre>
 */
public final class CoxCoefficients {
    private final double[] coef;
    private final double[] naiveVar;
    /** The reported variance: robust when given, else the model-based one. */
    private final double[] var;
    private final boolean robust;
    private final double confLevel;

    private CoxCoefficients(double[] coef, double[] naiveVar, double[] robustVar, double confLevel) {
        this.coef = coef;
        this.naiveVar = naiveVar;
        this.robust = robustVar != null;
        this.var = robust ? robustVar : naiveVar;
        this.confLevel = confLevel;
    }

    /**
     * The table of {@code coef} (p, NaN for a redundant column) with the model-based variance
     * {@code naiveVar} (the inverse information, p x p row-major) and, when not null, the robust
     * variance {@code robustVar} that intervals, z, p and the Wald test then use (as R).
     *
     * @param coef coefficients in the original coordinates
     * @param naiveVar inverse information, p x p row-major
     * @param robustVar sandwich variance, p x p row-major, or null
     * @param confLevel confidence level of the hazard-ratio intervals, in (0, 1)
     * @return the table
     */
    public static CoxCoefficients of(double[] coef, double[] naiveVar, double[] robustVar, double confLevel) {
        int p = Check.notNull("coefficients", coef).length;
        if (Check.notNull("model-based variance", naiveVar).length != p * p
                || (robustVar != null && robustVar.length != p * p)) {
            throw Check.fail("a variance of %d coefficients needs %d entries", p, p * p);
        }
        if (!(confLevel > 0 && confLevel < 1)) {
            throw Check.fail("confidence level %s is invalid; expected a number in (0, 1)", confLevel);
        }
        return new CoxCoefficients(coef.clone(), naiveVar.clone(), robustVar == null ? null : robustVar.clone(),
                confLevel);
    }

    /** Number of coefficients. */
    public int size() {
        return coef.length;
    }

    /** True when the reported variance is the robust one. */
    public boolean isRobust() {
        return robust;
    }

    /** Coefficients (NaN for a redundant column). */
    public double[] coefficients() {
        return coef.clone();
    }

    /** Model-based standard errors {@code sqrt(diag(I^-1))} (R {@code se(coef)}). */
    public double[] standardErrors() {
        return sqrtDiag(naiveVar);
    }

    /** {@return robust standard errors (R {@code robust se}), empty when the variance is model-based} */
    public Optional<double[]> robustStandardErrors() {
        return robust ? Optional.of(sqrtDiag(var)) : Optional.empty();
    }

    /** The standard errors of the intervals, z and p: robust when robust, else model-based. */
    public double[] reportedStandardErrors() {
        return sqrtDiag(var);
    }

    private double[] sqrtDiag(double[] v) {
        int p = coef.length;
        double[] se = new double[p];
        for (int j = 0; j < p; j++) {
            // R: an aliased coefficient is NA with se(coef) 0 (its row and column of var are 0)
            se[j] = Double.isNaN(coef[j]) ? 0 : Math.sqrt(v[j * p + j]);
        }
        return se;
    }

    /** Hazard ratios {@code exp(coef)}. */
    public double[] hazardRatios() {
        double[] r = new double[coef.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = Math.exp(coef[j]);
        }
        return r;
    }

    /** Lower confidence limits of the hazard ratios: {@code exp(coef - z se)}, z = qnorm((1 + level)/2). */
    public double[] hazardRatioLower() {
        return ci(-1);
    }

    /** Upper confidence limits of the hazard ratios: {@code exp(coef + z se)}. */
    public double[] hazardRatioUpper() {
        return ci(1);
    }

    private double[] ci(int sign) {
        double z = Probabilities.normalQuantile((1 + confLevel) / 2);
        double[] se = reportedStandardErrors();
        double[] r = new double[coef.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = Math.exp(coef[j] + sign * z * se[j]);
        }
        return r;
    }

    /** Wald z statistics {@code coef / se} (robust se when robust). */
    public double[] zStatistics() {
        double[] se = reportedStandardErrors();
        double[] z = new double[coef.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = coef[j] / se[j];
        }
        return z;
    }

    /** Two-sided p-values of the z statistics. */
    public double[] pValues() {
        double[] z = zStatistics();
        double[] pv = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            pv[j] = Probabilities.twoSidedNormal(z[j]);
        }
        return pv;
    }

    /**
     * The Wald test {@code (b - init)' V^-1 (b - init)} with the reported variance over the
     * coefficients that are not NaN (R {@code coxph.wtest}; against the initial values as R).
     *
     * @param init initial coefficients (R {@code init}), or null for 0
     * @return the test, with one degree of freedom per coefficient that is not NaN
     */
    public ChiSquareTest waldTest(double[] init) {
        int p = coef.length;
        double[] b = coef.clone();
        int df = 0;
        for (int i = 0; i < p; i++) {
            b[i] -= init == null ? 0 : init[i];
            df += Double.isNaN(coef[i]) ? 0 : 1;
        }
        return new ChiSquareTest(CoxRegression.wald(var, b, p).statistic(), df);
    }
}
