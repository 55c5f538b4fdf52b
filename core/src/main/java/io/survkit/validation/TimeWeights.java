package io.survkit.validation;

/**
 * The time weight tau of each event row, per stratum, as R survival's {@code concordancefit}
 * computes it ({@code fastkm1} in C). Over the distinct times t of a stratum,
 * ascending: n(t) = weight at risk (T &gt;= t; right-censored data only), d(t)
 * and c(t) the event and censoring weights at t; S(t-) = prod_{u &lt; t} (1 - d(u)/n(u)) and G(t-) =
 * prod_{u &lt; t} (1 - c(u)/(n(u) - d(u))) (events before censorings at a tied time). Then tau(t) is
 * 1, W S/n, W S/(G n) or 1/G^2 ({@link TimeWeight}), W the stratum's total weight. A stratum with
 * fewer than 2 event rows gets tau = 1.
 */
final class TimeWeights {
    private TimeWeights() {
    }

    /**
     * tau per sorted row (read at event rows only), or null for {@link TimeWeight#HARRELL}.
     * Inputs as {@link io.survkit.internal.ConcordanceKernel#count}.
     */
    static double[] of(TimeWeight kind, Sample s) {
        if (kind == TimeWeight.HARRELL) {
            return null;
        }
        double[] tau = new double[s.size()];
        double[] atRisk = new double[s.size()];
        for (int k = 0; k < s.strataCount(); k++) {
            int lo = s.strataStart[k];
            int hi = s.strataStart[k + 1];
            int events = 0;
            double total = 0;
            for (int i = lo; i < hi; i++) {
                events += s.event[i] ? 1 : 0;
                total += s.weight[i];
            }
            if (events < 2) {
                java.util.Arrays.fill(tau, lo, hi, 1.0);
                continue;
            }
            atRiskRight(s, lo, hi, atRisk);
            stratum(kind, s, lo, hi, total, atRisk, tau);
        }
        return tau;
    }

    /** Fills atRisk[first row of each tied block] = weight with T &gt;= t, summed from the latest time. */
    private static void atRiskRight(Sample s, int lo, int hi, double[] atRisk) {
        double n = 0;
        int k = hi - 1;
        while (k >= lo) {
            int first = first(s.time, lo, k);
            for (int j = k; j >= first; j--) {
                n += s.weight[j];
            }
            atRisk[first] = n;
            k = first - 1;
        }
    }

    private static void stratum(TimeWeight kind, Sample s, int lo, int hi, double total, double[] atRisk,
            double[] tau) {
        double surv = 1;
        double cens = 1;
        int k = lo;
        while (k < hi) {
            int last = k;
            while (last + 1 < hi && s.time[last + 1] == s.time[k]) {
                last++;
            }
            double n = atRisk[k];
            double d = 0;
            double c = 0;
            boolean deaths = false;
            boolean censored = false;
            for (int j = k; j <= last; j++) {
                if (s.event[j]) {
                    d += s.weight[j];
                    deaths = true;
                } else {
                    c += s.weight[j];
                    censored = true;
                }
            }
            if (deaths) {
                double w = weight(kind, total, surv, cens, n);
                for (int j = k; j <= last; j++) {
                    tau[j] = w;
                }
                surv *= (n - d) / n;
            }
            if (censored) {
                cens *= (n - d - c) / (n - d);
            }
            k = last + 1;
        }
    }

    private static double weight(TimeWeight kind, double total, double surv, double cens, double n) {
        switch (kind) {
            case SURVIVAL:
                return total * surv / n;
            case SURVIVAL_OVER_CENSORING:
                return total * surv / (cens * n);
            case UNO:
                return 1 / (cens * cens);
            default:
                return 1;
        }
    }

    private static int first(double[] time, int lo, int k) {
        int first = k;
        while (first - 1 >= lo && time[first - 1] == time[k]) {
            first--;
        }
        return first;
    }
}
