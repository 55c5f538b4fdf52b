package io.survkit.validation;

/**
 * The inverse-probability-of-censoring-weighted Brier score at a time t and its influence function,
 * as {@code riskRegression::Score(metrics = "brier", cens.model = "km")}. Cases (T &lt;= t, event)
 * weigh W = 1/G(T-), controls (T &gt; t) W = 1/G(t), rows censored by t weigh 0. Residual R_k =
 * W_k (1 - r_k)^2 for a case, W_k r_k^2 for a control; Brier = (1/n) sum R_k. Influence of row l:
 * IF_l = R_l - Brier + (1/n) sum_case R_k f_l(T_k-) + f_l(t) (1/n) sum_control R_k, with f_l the
 * influence on the censoring distribution ({@link CensoringDistribution}). The null model predicts
 * r = 1 - KM(t) for every row and is scored the same way (its risk taken as given, as riskRegression).
 */
final class BrierScore {
    private final double value;
    private final double[] influence;

    private BrierScore(double value, double[] influence) {
        this.value = value;
        this.influence = influence;
    }

    /**
     * @param s rows sorted by time
     * @param g censoring distribution of s
     * @param pos distinct-time index of each sorted row
     * @param risk predicted event risk by t of each sorted row
     * @param t the time
     */
    static BrierScore at(Sample s, CensoringDistribution g, int[] pos, double[] risk, double t) {
        int n = s.size();
        double[] resid = new double[n];
        double[] caseResid = new double[n];
        double controlSum = 0;
        double gt = g.censoringSurvival(t);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (s.time[k] <= t && s.event[k]) {
                double e = 1 - risk[k];
                resid[k] = e * e / g.censoringSurvivalBefore(pos[k]);
                caseResid[k] = resid[k];
            } else if (s.time[k] > t) {
                resid[k] = risk[k] * risk[k] / gt;
                controlSum += resid[k];
            }
            sum += resid[k];
        }
        double brier = sum / n;
        double[] corr = g.caseCorrection(pos, s.event, caseResid);
        double[] inf = new double[n];
        for (int l = 0; l < n; l++) {
            inf[l] = resid[l] - brier + corr[l] / n + g.influence(pos[l], !s.event[l], t) * controlSum / n;
        }
        return new BrierScore(brier, inf);
    }

    /** The null model's score: r = 1 - KM(t) for every row. */
    static BrierScore nullModel(Sample s, CensoringDistribution g, int[] pos, double t) {
        double[] r = new double[s.size()];
        java.util.Arrays.fill(r, 1 - g.survival(t));
        return at(s, g, pos, r, t);
    }

    /** The score with its standard error and limits clipped to [0, 1]. */
    Estimate estimate(double z) {
        return Estimate.of(value, influence, z);
    }

    /** This model's score minus {@code reference}'s, with the standard error of the difference. */
    Contrast minus(BrierScore reference, double z) {
        double[] d = new double[influence.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = influence[i] - reference.influence[i];
        }
        return Contrast.of(value - reference.value, d, z);
    }
}
