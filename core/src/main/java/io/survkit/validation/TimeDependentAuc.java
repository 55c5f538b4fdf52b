package io.survkit.validation;

import io.survkit.internal.Sorting;

/**
 * The cumulative/dynamic time-dependent AUC at a time t with inverse-probability-of-censoring
 * weights and its influence function, as {@code riskRegression::Score(metrics = "auc",
 * cens.model = "km")}. Cases: T &lt;= t with an event, weight W = 1/G(T-); controls: T &gt; t,
 * W = 1/G(t). Theta_ij = 1 if r_i &gt; r_j, 1/2 if equal (exactly), else 0.
 * AUC = sum_i sum_j W_i W_j Theta_ij / (sum_case W * sum_control W).
 *
 * <p>Influence of row l, with mu = sum_case W sum_control W / n^2 and h_i = sum_control W_j
 * Theta_ij - AUC sum_control W: IF_l = (a_l - AUC b_l)/mu + (1/(n^2 mu)) sum_case W_i f_l(T_i-) h_i,
 * where for a case a_l = (W_l/n) sum_control W_j Theta_lj, b_l = (W_l/n) sum_control W_j, for a
 * control a_l = (W_l/n) sum_case W_i Theta_il, b_l = (W_l/n) sum_case W_i, else 0. Pair sums come
 * from the cases' and controls' risks, each sorted once per time, merged in one sweep: O(n log n).
 */
final class TimeDependentAuc {
    private TimeDependentAuc() {
    }

    /** Arguments as {@link BrierScore#at}; throws when there is no case or no control at t. */
    static Estimate at(Sample s, CensoringDistribution g, int[] pos, double[] risk, double t, double z) {
        int n = s.size();
        double wControl = 1 / g.censoringSurvival(t);
        int cases = 0;
        int controls = 0;
        double[] caseRisk = new double[n];
        int[] caseRow = new int[n];
        double[] controlRisk = new double[n];
        int[] controlRow = new int[n];
        for (int k = 0; k < n; k++) {
            if (s.time[k] <= t && s.event[k]) {
                caseRisk[cases] = risk[k];
                caseRow[cases++] = k;
            } else if (s.time[k] > t) {
                controlRisk[controls] = risk[k];
                controlRow[controls++] = k;
            }
        }
        if (cases == 0 || controls == 0) {
            throw io.survkit.internal.Check.fail("AUC at time %s needs events by then and rows still event-free after;"
                    + " found %d events and %d event-free rows", t, cases, controls);
        }
        Sorting.sort(caseRisk, caseRow, 0, cases);
        Sorting.sort(controlRisk, controlRow, 0, controls);
        double[] caseW = new double[cases];
        double sumCase = 0;
        for (int i = 0; i < cases; i++) {
            caseW[i] = 1 / g.censoringSurvivalBefore(pos[caseRow[i]]);
            sumCase += caseW[i];
        }
        double sumControl = controls * wControl;
        double mu = sumCase * sumControl / ((double) n * n);
        double num = 0;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] thetaSum = new double[n];
        // cases in ascending risk: controls strictly below [0, lo), equal [lo, hi)
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < cases; i++) {
            double r = caseRisk[i];
            while (lo < controls && controlRisk[lo] < r) {
                lo++;
            }
            hi = Math.max(hi, lo);
            while (hi < controls && controlRisk[hi] == r) {
                hi++;
            }
            int k = caseRow[i];
            thetaSum[k] = wControl * (lo + 0.5 * (hi - lo));
            num += caseW[i] * thetaSum[k];
            a[k] = caseW[i] / n * thetaSum[k];
            b[k] = caseW[i] / n * sumControl;
        }
        // controls in ascending risk: case weight strictly below and equal, the rest is above
        int clo = 0;
        int chi = 0;
        double below = 0;
        double upTo = 0;
        for (int j = 0; j < controls; j++) {
            double r = controlRisk[j];
            while (clo < cases && caseRisk[clo] < r) {
                below += caseW[clo++];
            }
            while (chi < cases && caseRisk[chi] <= r) {
                upTo += caseW[chi++];
            }
            double equal = upTo - below;
            int k = controlRow[j];
            a[k] = wControl / n * (sumCase - upTo + 0.5 * equal);
            b[k] = wControl / n * sumCase;
        }
        double auc = num / (sumCase * sumControl);
        double[] h = new double[n];
        for (int k = 0; k < n; k++) {
            if (s.time[k] <= t && s.event[k]) {
                h[k] = thetaSum[k] - auc * sumControl;
                h[k] /= g.censoringSurvivalBefore(pos[k]);
            }
        }
        double[] corr = g.caseCorrection(pos, s.event, h);
        double[] inf = new double[n];
        for (int l = 0; l < n; l++) {
            inf[l] = (a[l] - auc * b[l]) / mu + corr[l] / ((double) n * n * mu);
        }
        return Estimate.of(auc, inf, z);
    }
}
