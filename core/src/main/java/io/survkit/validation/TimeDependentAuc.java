package io.survkit.validation;

import io.survkit.internal.Sorting;
import java.util.Arrays;

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
 * from the risks sorted once per time: O(n log n).
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
        double[] caseW = new double[n];
        double[] controlRisk = new double[n];
        for (int k = 0; k < n; k++) {
            if (s.time[k] <= t && s.event[k]) {
                caseRisk[cases] = risk[k];
                caseW[cases++] = 1 / g.censoringSurvivalBefore(pos[k]);
            } else if (s.time[k] > t) {
                controlRisk[controls++] = risk[k];
            }
        }
        if (cases == 0 || controls == 0) {
            throw io.survkit.internal.Check.fail("AUC at time %s needs events by then and rows still event-free after;"
                    + " found %d events and %d event-free rows", t, cases, controls);
        }
        double[] sortedControls = Arrays.copyOf(controlRisk, controls);
        Arrays.sort(sortedControls);
        // cases sorted by risk with prefix sums of their weights
        double[] keys = Arrays.copyOf(caseRisk, cases);
        int[] idx = new int[cases];
        for (int i = 0; i < cases; i++) {
            idx[i] = i;
        }
        Sorting.sort(keys, idx, 0, cases);
        double[] prefix = new double[cases + 1];
        for (int i = 0; i < cases; i++) {
            prefix[i + 1] = prefix[i] + caseW[idx[i]];
        }
        double sumCase = prefix[cases];
        double sumControl = controls * wControl;
        double mu = sumCase * sumControl / ((double) n * n);
        double num = 0;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] thetaSum = new double[n];
        for (int k = 0; k < n; k++) {
            if (s.time[k] <= t && s.event[k]) {
                double w = 1 / g.censoringSurvivalBefore(pos[k]);
                int below = lowerBound(sortedControls, risk[k]);
                int equal = lowerBound(sortedControls, Math.nextUp(risk[k])) - below;
                thetaSum[k] = wControl * (below + 0.5 * equal);
                num += w * thetaSum[k];
                a[k] = w / n * thetaSum[k];
                b[k] = w / n * sumControl;
            } else if (s.time[k] > t) {
                int below = lowerBound(keys, risk[k]);
                int upTo = lowerBound(keys, Math.nextUp(risk[k]));
                double above = sumCase - prefix[upTo] + 0.5 * (prefix[upTo] - prefix[below]);
                a[k] = wControl / n * above;
                b[k] = wControl / n * sumCase;
            }
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

    /** First index with a[i] &gt;= v in sorted a. */
    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
