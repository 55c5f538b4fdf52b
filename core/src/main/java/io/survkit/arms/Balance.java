package io.survkit.arms;

import io.survkit.data.ModelFrame;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Covariate balance between treated and controls: the standardized mean difference (SMD) of each
 * model-matrix column (numeric covariates, factor dummies named {@code <column><level>}),
 * before and after matching or weighting (Austin 2009, "Balance diagnostics for comparing the
 * distribution of baseline covariates between treatment groups in propensity-score matched
 * samples", Stat Med 28:3083-3107):
 *
 * <pre>
 *   SMD = (mean_t - mean_c) / sqrt((var_t + var_c) / 2)
 * </pre>
 *
 * <p>Before adjustment: plain means and {@code var()} with denominator n - 1 over all rows, as R
 * (unweighted, even when the data carry case weights). After adjustment: the same with weights w,
 * mean = sum(w x) / sum(w) and var = sum(w (x - mean)^2) / (sum(w) - sum(w^2) / sum(w)), which is
 * the n - 1 formula when all weights are 1 (Austin and Stuart 2015, "Moving towards best practice
 * when using inverse probability of treatment weighting", Stat Med 34:3661-3679). After matching
 * the weights are {@link MatchedSets#weights()} (1:1: every matched row 1, so the plain formula
 * over the matched sample); after weighting, the inverse-probability weights. When both variances
 * are 0 the SMD is NaN (0/0) or infinite, as in R. A common rule of thumb calls |SMD| &lt; 0.1
 * balanced.
 *
 * <p>Defaults ({@link #withDefaults()}): no covariates; give them with {@link #withCovariates}.
 *
 * <pre>{@code
 * BalanceResult t = Balance.withDefaults().estimate(data, ps.treated(), matched);
 * System.out.println(t);               // SMD before and after matching
 * double worst = t.maxAbsoluteSmdAfter().getAsDouble();
 * }</pre>
 */
public final class Balance {
    private static final Balance DEFAULTS = new Balance(Terms.none());

    private final Terms covariates;

    private Balance(Terms covariates) {
        this.covariates = covariates;
    }

    /**
     * No covariates yet: give them with {@link #withCovariates}.
     *
     * @return the default procedure
     */
    public static Balance withDefaults() {
        return DEFAULTS;
    }

    /**
     * @param names covariate columns taken as they are (numbers numeric, text a factor), in this order
     * @return the procedure with these covariates
     */
    public Balance withCovariates(String... names) {
        Check.notNull("covariates", names);
        if (names.length == 0) {
            throw Check.fail("give at least one covariate for the balance table");
        }
        Term[] t = new Term[names.length];
        for (int i = 0; i < names.length; i++) {
            t[i] = Terms.variable(Check.notNull("covariate name", names[i]));
        }
        return new Balance(Terms.of(t));
    }

    /**
     * @param terms the covariates whose model-matrix columns are compared
     * @return the procedure with these covariates
     */
    public Balance withCovariates(Terms terms) {
        if (Check.notNull("covariates", terms).isEmpty()) {
            throw Check.fail("give at least one covariate for the balance table");
        }
        return new Balance(terms);
    }

    /**
     * SMD before adjustment only.
     *
     * @param data the data
     * @param treated the treated
     * @return the SMD before adjustment only
     */
    public BalanceResult estimate(SurvivalData data, boolean[] treated) {
        Design d = design(data, treated);
        return estimate(treated, d.columns, d.names, null, BalanceResult.Adjustment.NONE);
    }

    /**
     * SMD before and after matching ({@code matched} made on the same rows).
     *
     * @param data the data
     * @param treated the treated
     * @param matched the matched
     * @return the SMD before and after matching ({@code matched} made on the same rows)
     */
    public BalanceResult estimate(SurvivalData data, boolean[] treated, MatchedSets matched) {
        Check.notNull("matched sets", matched);
        Design d = design(data, treated);
        if (matched.size() != treated.length) {
            throw Check.fail("the matching covers %d rows but the data have %d", matched.size(), treated.length);
        }
        return estimate(treated, d.columns, d.names, matched.weights(), BalanceResult.Adjustment.MATCHED);
    }

    /**
     * SMD before and after weighting ({@code weights} made on the same rows).
     *
     * @param data the data
     * @param treated the treated
     * @param weights the weights
     * @return the SMD before and after weighting ({@code weights} made on the same rows)
     */
    public BalanceResult estimate(SurvivalData data, boolean[] treated, InverseProbabilityWeightsResult weights) {
        Check.notNull("weights", weights);
        Design d = design(data, treated);
        if (weights.size() != treated.length) {
            throw Check.fail("the weights cover %d rows but the data have %d", weights.size(), treated.length);
        }
        return estimate(treated, d.columns, d.names, weights.weights(), BalanceResult.Adjustment.WEIGHTED);
    }

    /**
     * Arrays form: {@code columns[j][i]} = column j of row i, {@code names[j]} its name;
     * {@code after} = weights after adjustment (finite, >= 0), or null for "before" only.
     *
     * @param treated true for a treated row
     * @param columns the covariate columns, {@code columns[j][i]}
     * @param names the columns' names
     * @param after the weights after adjustment, or null for "before" only
     * @param adjustment what "after" means ({@code NONE} with null weights)
     * @return the balance table
     */
    public BalanceResult estimate(boolean[] treated, double[][] columns, String[] names, double[] after,
            BalanceResult.Adjustment adjustment) {
        Check.notNull("treated", treated);
        Check.notNull("columns", columns);
        Check.notNull("names", names);
        Check.notNull("adjustment", adjustment);
        int n = treated.length;
        int p = columns.length;
        if (names.length != p) {
            throw Check.fail("%d column names for %d columns", names.length, p);
        }
        if ((after == null) != (adjustment == BalanceResult.Adjustment.NONE)) {
            throw Check.fail("adjustment %s needs %s", adjustment, after == null ? "weights" : "no weights");
        }
        if (after != null) {
            if (after.length != n) {
                throw Check.fail("%d weights for %d rows", after.length, n);
            }
            for (int i = 0; i < n; i++) {
                if (!(after[i] >= 0 && after[i] < Double.POSITIVE_INFINITY)) {
                    throw Check.fail("weights, row %d: %s is invalid; expected a finite value >= 0", i + 1, after[i]);
                }
            }
        }
        double[][] stats = new double[p][];
        double[][] statsAfter = after == null ? null : new double[p][];
        for (int j = 0; j < p; j++) {
            double[] c = Check.notNull("column", columns[j]);
            if (c.length != n) {
                throw Check.fail("column '%s' has %d rows but treated has %d", names[j], c.length, n);
            }
            stats[j] = smd(treated, c, null);
            if (after != null) {
                statsAfter[j] = smd(treated, c, after);
            }
        }
        int nt = 0;
        double wt = 0;
        double wc = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i]) {
                nt++;
            }
            if (after != null) {
                if (treated[i]) {
                    wt += after[i];
                } else {
                    wc += after[i];
                }
            }
        }
        return new BalanceResult(names.clone(), stats, statsAfter, adjustment, nt, n - nt, wt, wc);
    }

    /**
     * {mean_t, mean_c, var_t, var_c, smd}, weighted when {@code w} is not null (reliability-weight
     * variance sum(w (x - m)^2) / (W - sum(w^2) / W)).
     */
    static double[] smd(boolean[] treated, double[] x, double[] w) {
        double swt = 0;
        double swc = 0;
        double sxt = 0;
        double sxc = 0;
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            if (treated[i]) {
                swt += wi;
                sxt += wi * x[i];
            } else {
                swc += wi;
                sxc += wi * x[i];
            }
        }
        double mt = sxt / swt;
        double mc = sxc / swc;
        double sst = 0;
        double ssc = 0;
        double sw2t = 0;
        double sw2c = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            if (treated[i]) {
                double d = x[i] - mt;
                sst += wi * d * d;
                sw2t += wi * wi;
            } else {
                double d = x[i] - mc;
                ssc += wi * d * d;
                sw2c += wi * wi;
            }
        }
        double vt = sst / (swt - sw2t / swt);
        double vc = ssc / (swc - sw2c / swc);
        return new double[] {mt, mc, vt, vc, (mt - mc) / Math.sqrt((vt + vc) / 2)};
    }

    private record Design(double[][] columns, String[] names) {
    }

    private Design design(SurvivalData data, boolean[] treated) {
        Check.notNull("data", data);
        Check.notNull("treated", treated);
        int n = data.rowCount();
        if (treated.length != n) {
            throw Check.fail("treated has %d entries but the data have %d rows", treated.length, n);
        }
        if (covariates.isEmpty()) {
            throw Check.fail("the balance table has no covariates; give them with withCovariates(...)");
        }
        ModelFrame frame = ModelFrame.of(data, covariates);
        if (frame.omittedRows() > 0) {
            throw Check.fail("%d rows have a missing value in the balance covariates %s (or the survival columns);"
                    + " leave them out first", frame.omittedRows(), covariates.columns());
        }
        double[][] cols = new double[frame.columnCount()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = frame.column(j);
        }
        return new Design(cols, frame.columnNames().toArray(new String[0]));
    }
}
