package io.survkit.regression;

import io.survkit.data.SurvivalData;
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
        return new BaselineHazard(s.strata().map(l -> l.toArray(new String[0])).orElse(null), s.times(),
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
        return new BaselineHazard(s.strata().map(l -> l.toArray(new String[0])).orElse(null), s.times(),
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
            if (ra == null || rb == null) {
                throw Check.fail("a model row for the term %s depends on the stratum; predict new rows with"
                        + " predict(newData, type) instead", d.termNames[t]);
            }
            for (double vb : rb) {
                for (double va : ra) {
                    out[j++] = va * vb;
                }
            }
        }
        return out;
    }

    /**
     * Predictions for the fitted rows (R {@code predict(fit, type = , se.fit = TRUE)}) with R's
     * default reference: {@link CoxPredictionReference#SAMPLE} for {@link CoxPredictionType#TERMS},
     * else {@link CoxPredictionReference#STRATA}.
     *
     * @param type what to predict
     * @return one prediction (and standard error) per fitted row, in data order
     */
    public CoxPredictedValues predict(CoxPredictionType type) {
        return predict(type, defaultReference(type));
    }

    /**
     * Predictions for the fitted rows centred at {@code reference} (R {@code predict(fit, type = ,
     * se.fit = TRUE, reference = )}).
     *
     * @param type what to predict
     * @param reference the centring of the linear predictor and the terms
     * @return one prediction (and standard error) per fitted row, in data order
     */
    public CoxPredictedValues predict(CoxPredictionType type, CoxPredictionReference reference) {
        Check.notNull("prediction type", type);
        Check.notNull("reference", reference);
        return compute(CoxPredictionRows.fitted(fit, d.sourceRows), type, reference);
    }

    /**
     * Predictions for the rows of {@code newData} (R {@code predict(fit, newdata, type = , se.fit =
     * TRUE)}) with R's default reference. The new data need the model's covariates (factors by
     * level name, any subset of the fit's levels) and its strata column; for
     * {@link CoxPredictionType#EXPECTED} and {@link CoxPredictionType#SURVIVAL} also their time
     * (and entry time) columns. Rows missing a needed value are left out and counted.
     *
     * <pre>{@code
     * SurvivalData newData = SurvivalData.csv(Path.of("new.csv")).time("time").event("status", "2").read();
     * CoxPredictedValues risk = fit.prediction().predict(newData, CoxPredictionType.RISK);
     * }</pre>
     *
     * @param newData the rows to predict for
     * @param type what to predict
     * @return one prediction (and standard error) per complete row
     * @throws IllegalArgumentException for a missing column, a level or stratum the fit does not
     *     know, or a value that is not finite
     */
    public CoxPredictedValues predict(SurvivalData newData, CoxPredictionType type) {
        return predict(newData, type, defaultReference(type));
    }

    /**
     * Predictions for the rows of {@code newData} centred at {@code reference}.
     *
     * @param newData the rows to predict for
     * @param type what to predict
     * @param reference the centring of the linear predictor and the terms
     * @return one prediction (and standard error) per complete row
     */
    public CoxPredictedValues predict(SurvivalData newData, CoxPredictionType type,
            CoxPredictionReference reference) {
        Check.notNull("new data", newData);
        Check.notNull("prediction type", type);
        Check.notNull("reference", reference);
        boolean needTime = type == CoxPredictionType.EXPECTED || type == CoxPredictionType.SURVIVAL;
        return compute(CoxPredictionRows.of(fit, newData, needTime), type, reference);
    }

    /** R's default: "sample" for terms, else "strata". */
    private static CoxPredictionReference defaultReference(CoxPredictionType type) {
        return type == CoxPredictionType.TERMS ? CoxPredictionReference.SAMPLE : CoxPredictionReference.STRATA;
    }

    private CoxPredictedValues compute(CoxPredictionRows rows, CoxPredictionType type,
            CoxPredictionReference reference) {
        switch (type) {
            case LINEAR_PREDICTOR:
            case RISK:
                return linear(rows, type, reference);
            case TERMS:
                return terms(rows, reference);
            default:
                return expected(rows, type, reference);
        }
    }

    /** Coefficients with R's NA (a redundant column) as 0, "to stop NA in the linear predictor". */
    private double[] coefficientsOrZero() {
        double[] c = fit.coefficients();
        for (int j = 0; j < c.length; j++) {
            if (Double.isNaN(c[j])) {
                c[j] = 0;
            }
        }
        return c;
    }

    /**
     * The rows' model matrix minus the reference (R: {@code x - means}, {@code x - xmeans[strata]}
     * with {@code xmeans = rowsum(x * w, strata) / rowsum(w, strata)} over the fitted rows, or x).
     */
    private double[] centred(CoxPredictionRows rows, CoxPredictionReference reference) {
        int p = d.p;
        double[] x = rows.x.clone();
        if (reference == CoxPredictionReference.ZERO) {
            return x;
        }
        double[] centre = reference == CoxPredictionReference.STRATA && d.strataName != null ? strataMeans()
                : null;
        for (int i = 0; i < rows.m; i++) {
            int off = centre == null ? 0 : rows.stratum[i] * p;
            for (int j = 0; j < p; j++) {
                x[i * p + j] -= centre == null ? d.means[j] : centre[off + j];
            }
        }
        return x;
    }

    /** Case-weighted means of the model columns within each stratum, over the fitted rows. */
    private double[] strataMeans() {
        int p = d.p;
        double[] out = new double[d.strataCount() * p];
        for (int s = 0; s < d.strataCount(); s++) {
            double sw = 0;
            for (int k = d.strataStart[s]; k < d.strataStart[s + 1]; k++) {
                double w = d.weight[k];
                sw += w;
                for (int j = 0; j < p; j++) {
                    out[s * p + j] += w * (d.x[k * p + j] / d.scale[j] + d.means[j]);
                }
            }
            for (int j = 0; j < p; j++) {
                out[s * p + j] /= sw;
            }
        }
        return out;
    }

    /** R: {@code lp = newx coef}, {@code se = sqrt(rowSums((newx V) newx))}; risk {@code exp(lp)}, {@code se sqrt(risk)}. */
    private CoxPredictedValues linear(CoxPredictionRows rows, CoxPredictionType type,
            CoxPredictionReference reference) {
        int p = d.p;
        double[] b = coefficientsOrZero();
        double[] v = fit.varianceMatrix();
        double[] x = centred(rows, reference);
        double[] pred = new double[rows.m];
        double[] se = new double[rows.m];
        for (int i = 0; i < rows.m; i++) {
            // R: + offset - mean(offset) (the fitted rows' mean)
            double lp = rows.offset == null ? 0 : rows.offset[i] - d.offsetMean;
            for (int j = 0; j < p; j++) {
                lp += x[i * p + j] * b[j];
            }
            double s = Math.sqrt(quadratic(x, i * p, v, p, null));
            if (type == CoxPredictionType.RISK) {
                lp = Math.exp(lp);
                s *= Math.sqrt(lp);
            }
            pred[i] = lp;
            se[i] = s;
        }
        return new CoxPredictedValues(type, reference, List.of(), rows.m, pred, se, rows.sourceRows, rows.omitted,
                0);
    }

    /**
     * R type "terms": per model term, {@code newx[, tt] coef[tt]} and
     * {@code sqrt(rowSums((newx[, tt] V[tt, tt]) newx[, tt]))} over its columns with a coefficient;
     * the constant is {@code sum(coef * means)}.
     */
    private CoxPredictedValues terms(CoxPredictionRows rows, CoxPredictionReference reference) {
        int p = d.p;
        int nt = d.termNames.length;
        double[] coef = fit.coefficientArray();
        double[] v = fit.varianceMatrix();
        double[] x = centred(rows, reference);
        double[] pred = new double[rows.m * nt];
        double[] se = new double[rows.m * nt];
        boolean[] in = new boolean[p];
        for (int t = 0; t < nt; t++) {
            Arrays.fill(in, false);
            for (int j : d.termColumns[t]) {
                in[j] = !Double.isNaN(coef[j]);
            }
            for (int i = 0; i < rows.m; i++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    if (in[j]) {
                        s += x[i * p + j] * coef[j];
                    }
                }
                pred[i * nt + t] = s;
                se[i * nt + t] = Math.sqrt(quadratic(x, i * p, v, p, in));
            }
        }
        double constant = 0;
        for (int j = 0; j < p; j++) {
            if (!Double.isNaN(coef[j])) {
                constant += coef[j] * d.means[j];
            }
        }
        return new CoxPredictedValues(CoxPredictionType.TERMS, reference, List.of(d.termNames), rows.m, pred, se,
                rows.sourceRows, rows.omitted, constant);
    }

    /** {@code z' V z} over the columns in {@code in} (all when null), z = {@code x[off, off + p)}. */
    private static double quadratic(double[] x, int off, double[] v, int p, boolean[] in) {
        double q = 0;
        for (int a = 0; a < p; a++) {
            if (in != null && !in[a]) {
                continue;
            }
            double s = 0;
            for (int c = 0; c < p; c++) {
                if (in == null || in[c]) {
                    s += x[off + c] * v[a * p + c];
                }
            }
            q += s * x[off + a];
        }
        return q;
    }

    /**
     * R types "expected" and "survival": the stratum's cumulative hazard at the row's time (R
     * {@code agsurv}, Efron increments for Efron ties) times the row's risk {@code exp((x - means)
     * beta)}, minus the same at its entry time for (start, stop] rows; for the fitted rows R takes
     * {@code status - martingale residual}. Standard error {@code sqrt(varh + d' V d) risk},
     * {@code d = Lambda (x - means) - xbar} (Tsiatis 1981); for (start, stop] rows
     * {@code sqrt(v(stop) - v(start)) risk}. Survival is {@code exp(-expected)} with standard
     * error {@code se exp(-expected)}.
     */
    private CoxPredictedValues expected(CoxPredictionRows rows, CoxPredictionType type,
            CoxPredictionReference reference) {
        int p = d.p;
        double[] b = coefficientsOrZero();
        double[] v = fit.varianceMatrix();
        double[] coef = fit.coefficientArray();
        CoxRiskSets rs = CoxRiskSets.of(d, fit.betaScaled(), fit.tieMethod() == TieMethod.EFRON);
        int blocks = rs.time.length;
        // cumulative hazard, its variance part and the cumulative xbar (original scale) per block, per stratum
        double[] ch = new double[blocks];
        double[] ch2 = new double[blocks];
        double[] xb = new double[blocks * p];
        for (int s = 0; s < d.strataCount(); s++) {
            double c = 0;
            double c2 = 0;
            for (int k = rs.strataBlockStart[s]; k < rs.strataBlockStart[s + 1]; k++) {
                c += rs.hazard[k];
                c2 += rs.hazard2[k];
                ch[k] = c;
                ch2[k] = c2;
                for (int j = 0; j < p; j++) {
                    xb[k * p + j] = (k > rs.strataBlockStart[s] ? xb[(k - 1) * p + j] : 0)
                            + rs.xbarInc[k * p + j] / d.scale[j];
                }
            }
        }
        double[] martingale = rows.fitted ? CoxResiduals.of(fit).martingale() : null;
        double[] pred = new double[rows.m];
        double[] se = new double[rows.m];
        double[] z = new double[p];
        double[] dt = new double[p];
        for (int i = 0; i < rows.m; i++) {
            // the risk sets hold exp(x beta + offset), so the row's risk takes its own offset
            double eta = rows.offset == null ? 0 : rows.offset[i];
            for (int j = 0; j < p; j++) {
                z[j] = rows.x[i * p + j] - d.means[j];
                eta += z[j] * b[j];
            }
            double risk = Math.exp(eta);
            int s = rows.stratum[i];
            int b2 = block(rs, s, rows.time[i]);
            double v2 = variance(b2, ch, ch2, xb, z, coef, v, dt);
            double h2 = b2 < 0 ? 0 : ch[b2];
            double h1 = 0;
            double v1 = 0;
            if (rows.start != null) {
                int b1 = block(rs, s, rows.start[i]);
                h1 = b1 < 0 ? 0 : ch[b1];
                v1 = variance(b1, ch, ch2, xb, z, coef, v, dt);
            }
            pred[i] = rows.fitted ? (rows.event[i] ? 1 : 0) - martingale[i] : (h2 - h1) * risk;
            se[i] = Math.sqrt(v2 - v1) * risk;
            if (type == CoxPredictionType.SURVIVAL) {
                pred[i] = Math.exp(-pred[i]);
                se[i] *= pred[i];
            }
        }
        return new CoxPredictedValues(type, reference, List.of(), rows.m, pred, se, rows.sourceRows, rows.omitted,
                0);
    }

    /** The last event block of stratum s at or before t (R {@code findInterval}), or -1. */
    private static int block(CoxRiskSets rs, int s, double t) {
        int lo = rs.strataBlockStart[s];
        int hi = rs.strataBlockStart[s + 1] - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (rs.time[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** {@code varh + d' V d}, {@code d = Lambda z - xbar} at block b (0 before the first event). */
    private static double variance(int b, double[] ch, double[] ch2, double[] xb, double[] z, double[] coef,
            double[] v, double[] dt) {
        if (b < 0) {
            return 0;
        }
        int p = z.length;
        for (int j = 0; j < p; j++) {
            dt[j] = Double.isNaN(coef[j]) ? 0 : ch[b] * z[j] - xb[b * p + j];
        }
        return ch2[b] + quadratic(dt, 0, v, p, null);
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
        // risk of z relative to the centring: exp(beta'(z - means)), at the mean offset (R survfit.coxph)
        double eta = d.offsetMean;
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
