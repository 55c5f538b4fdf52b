package io.survkit.regression;

import io.survkit.internal.Check;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fitted Cox model predicts: baseline cumulative hazards (R {@code basehaz}) and survival
 * curves for a covariate vector (R {@code survfit(fit, newdata)}).
 *
 * <pre>{@code
 * CoxPrediction pr = fit.prediction();
 * BaselineHazard h0 = pr.baselineHazard();                   // basehaz(fit, centered = FALSE)
 * PredictedSurvival curve = pr.survivalCurve(pr.modelRow(Map.of("age", "60", "sex", "2")));
 * double s365 = curve.survivalAt(365);
 * }</pre>
 */
public final class CoxPrediction {
    private final CoxResult fit;
    private final CoxDesign d;

    private CoxPrediction(CoxResult fit) {
        this.fit = fit;
        this.d = fit.design();
    }

    /**
     * The predictions of {@code fit}.
     *
     * @param fit a fitted Cox model
     * @return its predictions
     */
    public static CoxPrediction of(CoxResult fit) {
        return new CoxPrediction(Check.notNull("fit", fit));
    }

    /**
     * Baseline cumulative hazard at covariates 0 (R {@code basehaz(fit, centered = FALSE)}).
     *
     * @return one cumulative hazard per distinct time (and stratum)
     */
    public BaselineHazard baselineHazard() {
        PredictedSurvival s = curve(new double[d.p], false);
        return new BaselineHazard(s.strata() == null ? null : s.strata().toArray(new String[0]), s.times(),
                s.cumulativeHazards());
    }

    /**
     * Baseline cumulative hazard at the covariates' means (R {@code basehaz(fit, centered = TRUE)},
     * the hazard of {@code survfit(fit)}): the means are R's {@code fit$means}, 0 for a 0/1 column
     * (R does not centre those), so it equals {@link #baselineHazard()} times exp(sum of mean x beta).
     *
     * @return one cumulative hazard per distinct time (and stratum)
     */
    public BaselineHazard centeredBaselineHazard() {
        PredictedSurvival s = curve(d.means.clone(), false);
        return new BaselineHazard(s.strata() == null ? null : s.strata().toArray(new String[0]), s.times(),
                s.cumulativeHazards());
    }

    /**
     * Predicted survival for one covariate vector given as a model-matrix row aligned with
     * {@link CoxResult#terms()} (see {@link #modelRow(Map)}), one curve per stratum (R
     * {@code survfit(fit, newdata)}).
     *
     * @param modelRow the covariates, one per model column
     * @return the curve(s)
     */
    public PredictedSurvival survivalCurve(double... modelRow) {
        Check.notNull("model row", modelRow);
        if (modelRow.length != d.p) {
            throw Check.fail("a model row needs %d values (%s), got %d", d.p, fit.terms(), modelRow.length);
        }
        for (int j = 0; j < d.p; j++) {
            Check.finite("value of " + d.columnNames[j], modelRow[j]);
        }
        return curve(modelRow, true);
    }

    /**
     * The model-matrix row for covariate values given by column name: numbers for numeric
     * covariates, level labels for factors (the reference level gives all-zero dummies);
     * interaction columns are the products. Every covariate must be given.
     *
     * @param values column name to value
     * @return the model-matrix row, aligned with {@link CoxResult#terms()}
     */
    public double[] modelRow(Map<String, String> values) {
        Check.notNull("covariate values", values);
        Map<String, List<String>> covariates = fit.covariateLevels();
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : covariates.entrySet()) {
            String name = e.getKey();
            List<String> levels = e.getValue();
            String v = values.get(name);
            if (v == null) {
                throw Check.fail("no value given for covariate '%s'; give all of %s", name, covariates.keySet());
            }
            double[] row = new double[levels == null ? 1 : levels.size() - 1];
            if (levels != null) {
                int code = levels.indexOf(v.strip());
                if (code < 0) {
                    throw Check.fail("covariate '%s': level '%s' is not one of %s", name, v, levels);
                }
                if (code > 0) {
                    row[code - 1] = 1;
                }
            } else {
                try {
                    row[0] = Double.parseDouble(v.strip());
                } catch (NumberFormatException ex) {
                    throw Check.fail("covariate '%s': value '%s' is not a number", name, v);
                }
            }
            cols.put(name, row);
        }
        for (String key : values.keySet()) {
            if (!covariates.containsKey(key)) {
                throw Check.fail("'%s' is not a covariate of the model; covariates are %s", key, covariates.keySet());
            }
        }
        double[] out = new double[d.p];
        int j = 0;
        for (double[] row : cols.values()) {
            for (double v : row) {
                out[j++] = v;
            }
        }
        for (int t = cols.size(); t < d.termNames.length; t++) {
            String[] ab = d.termNames[t].split(":", 2);
            double[] ra = cols.get(ab[0]);
            double[] rb = cols.get(ab[1]);
            for (double vb : rb) {
                for (double va : ra) {
                    out[j++] = va * vb;
                }
            }
        }
        return out;
    }

    /**
     * The cumulative hazard of covariates z at every distinct time of each stratum (R
     * {@code agsurv}), with the Tsiatis variance {@code (h2 + d' V d) risk^2},
     * {@code d = Lambda0 (z - means) - xbar} (R {@code survfit.coxph}, {@code se.fit}).
     */
    private PredictedSurvival curve(double[] z, boolean withSe) {
        int p = d.p;
        double[] coef = fit.coefficientArray();
        double[] var = fit.varianceMatrix();
        CoxRiskSets rs = CoxRiskSets.of(d, fit.betaScaled(), fit.tieMethod() == TieMethod.EFRON);
        // risk of z relative to the centring: exp(beta'(z - means))
        double eta = 0;
        double[] zc = new double[p];
        for (int j = 0; j < p; j++) {
            zc[j] = z[j] - d.means[j];
            if (!Double.isNaN(coef[j])) {
                eta += coef[j] * zc[j];
            }
        }
        double risk = Math.exp(eta);
        int rows = distinctTimes();
        double[] time = new double[rows];
        double[] ch = new double[rows];
        double[] se = new double[rows];
        String[] strata = d.strataLevels.isEmpty() ? null : new String[rows];
        double[] xbar = new double[p];
        double[] dt = new double[p];
        int r = 0;
        for (int s = 0; s < d.strataCount(); s++) {
            int b = rs.strataBlockStart[s] - 1;
            int end = rs.strataBlockStart[s + 1];
            double cum = 0;
            double cum2 = 0;
            Arrays.fill(xbar, 0);
            double last = Double.NaN;
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                double t = d.time[k];
                if (t == last) {
                    continue;
                }
                last = t;
                while (b + 1 < end && rs.time[b + 1] <= t) {
                    b++;
                    cum += rs.hazard[b];
                    cum2 += rs.hazard2[b];
                    for (int j = 0; j < p; j++) {
                        xbar[j] += rs.xbarInc[b * p + j] / d.scale[j];
                    }
                }
                time[r] = t;
                ch[r] = cum * risk;
                if (strata != null) {
                    strata[r] = d.strataLevels.get(s);
                }
                if (withSe) {
                    for (int j = 0; j < p; j++) {
                        dt[j] = Double.isNaN(coef[j]) ? 0 : cum * zc[j] - xbar[j];
                    }
                    double q = 0;
                    for (int i = 0; i < p; i++) {
                        for (int j = 0; j < p; j++) {
                            q += dt[i] * var[i * p + j] * dt[j];
                        }
                    }
                    se[r] = Math.sqrt((cum2 + q) * risk * risk);
                }
                r++;
            }
        }
        return new PredictedSurvival(strata, time, ch, se, fit.confidenceLevel());
    }

    /** Number of distinct follow-up times summed over strata. */
    private int distinctTimes() {
        int rows = 0;
        for (int s = 0; s < d.strataCount(); s++) {
            double last = Double.NaN;
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                if (d.time[k] != last) {
                    rows++;
                    last = d.time[k];
                }
            }
        }
        return rows;
    }
}
