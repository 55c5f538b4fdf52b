package io.survkit.relative;

import io.survkit.internal.Sorting;
import java.util.Arrays;

/**
 * One curve of {@code relsurv::rs.surv}: the curve times, counts, survival and standard error of
 * log survival for each method (relsurv 2.2.9's formulas; see {@link RelativeSurvivalMethod}).
 */
final class RelativeSurvivalFitter {
    private RelativeSurvivalFitter() {
    }

    /** Arrays of one fitted curve: times, Y, d, censored, surv, se(log surv). */
    record Arrays6(double[] time, double[] atRisk, double[] events, double[] censored, double[] surv,
            double[] stdErr) {
    }

    /**
     * @param time follow-up of the curve's rows (days, > 0)
     * @param event 1 = event
     * @param age age at diagnosis, days
     * @param date diagnosis date (days since 1970-01-01), before the calendar rule
     * @param sex 0 male, 1 female
     * @param finalDate Hakulinen's last date of follow-up (max of date + time over all curves)
     */
    static Arrays6 fit(RelativeSurvivalMethod method, RateTable table, double step, double[] time, byte[] event,
            double[] age, double[] date, byte[] sex, double finalDate) {
        int n = time.length;
        double[] entry = new double[n];
        for (int i = 0; i < n; i++) {
            entry[i] = table.entryDate(age[i], date[i]);
        }
        switch (method) {
            case POHAR_PERME:
            case EDERER_II:
                return daily(method, table, step, time, event, age, entry, sex);
            case EDERER_I:
                return ederer1(table, time, event, age, entry, sex);
            default:
                return hakulinen(table, time, event, age, entry, date, sex, finalDate);
        }
    }

    private static Arrays6 daily(RelativeSurvivalMethod method, RateTable table, double step, double[] time,
            byte[] event, double[] age, double[] entry, byte[] sex) {
        int n = time.length;
        int[] order = Sorting.order(time);
        double[] t = new double[n];
        byte[] e = new byte[n];
        double[] a = new double[n];
        double[] y = new double[n];
        byte[] s = new byte[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            t[k] = time[i];
            e[k] = event[i];
            a[k] = age[i];
            y[k] = entry[i];
            s[k] = sex[i];
        }
        double[] times = distinct(t);
        DailyStepKernel kernel = new DailyStepKernel(table, step);
        kernel.run(t, e, a, y, s, times);
        int m = times.length;
        double[] surv = new double[m];
        double[] se = new double[m];
        double cum = 1;
        double var = 0;
        for (int j = 0; j < m; j++) {
            double haz;
            if (method == RelativeSurvivalMethod.POHAR_PERME) {
                haz = kernel.eventsOverS[j] / kernel.atRiskOverS[j] - kernel.integral[j];
                var += kernel.eventsOverS2[j] / (kernel.atRiskOverS[j] * kernel.atRiskOverS[j]);
            } else {
                haz = kernel.events[j] / kernel.atRisk[j] - kernel.populationHazard[j] / kernel.atRisk[j];
                var += kernel.events[j] / (kernel.atRisk[j] * kernel.atRisk[j]);
            }
            cum *= 1 - haz;
            surv[j] = cum;
            se[j] = Math.sqrt(var);
        }
        return new Arrays6(times, kernel.atRisk, kernel.events, censored(kernel.atRisk, kernel.events), surv, se);
    }

    private static Arrays6 ederer1(RateTable table, double[] time, byte[] event, double[] age, double[] entry,
            byte[] sex) {
        int n = time.length;
        double[] times = distinct(sortedCopy(time));
        int m = times.length;
        double[] until = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            until[i] = Double.POSITIVE_INFINITY;
            order[i] = i;
        }
        ExactSweepKernel kernel = new ExactSweepKernel(table, false, true);
        kernel.run(age, entry, sex, until, order, times);
        double[] popSum = kernel.survivalSum;
        double[][] counts = counts(time, event, times);
        double[] surv = observed(counts[0], counts[1]);
        for (int j = 0; j < m; j++) {
            surv[j] /= popSum[j] / n;
        }
        return new Arrays6(times, counts[0], counts[1], censored(counts[0], counts[1]), surv,
                greenwoodLog(counts[0], counts[1]));
    }

    private static Arrays6 hakulinen(RateTable table, double[] time, byte[] event, double[] age, double[] entry,
            double[] date, byte[] sex, double finalDate) {
        int n = time.length;
        double[] potential = new double[n];
        double maxTime = 0;
        for (int i = 0; i < n; i++) {
            potential[i] = event[i] != 0 ? finalDate - date[i] : time[i];
            maxTime = Math.max(maxTime, time[i]);
        }
        double[] all = new double[2 * n];
        for (int i = 0; i < n; i++) {
            all[i] = time[i];
            all[n + i] = Math.min(maxTime, potential[i]);
        }
        double[] times = distinct(sortedCopy(all));
        int m = times.length;
        ExactSweepKernel kernel = new ExactSweepKernel(table, false, true);
        kernel.run(age, entry, sex, potential, Sorting.order(potential), times);
        double[] weighted = kernel.weightedHazard;
        double[] survSum = kernel.survivalSum;
        double[][] counts = counts(time, event, times);
        double[] surv = observed(counts[0], counts[1]);
        double cumulative = 0;
        for (int j = 0; j < m; j++) {
            cumulative += weighted[j] / survSum[j];
            surv[j] /= Math.exp(-cumulative);
        }
        return new Arrays6(times, counts[0], counts[1], censored(counts[0], counts[1]), surv,
                greenwoodLog(counts[0], counts[1]));
    }

    /** Y_j (rows with T ≥ t_j) and d_j (events at t_j) at the given ascending times. */
    private static double[][] counts(double[] time, byte[] event, double[] times) {
        int m = times.length;
        double[] atRisk = new double[m];
        double[] events = new double[m];
        double[] exits = new double[m];
        for (int i = 0; i < time.length; i++) {
            int j = Arrays.binarySearch(times, time[i]);
            exits[j]++;
            if (event[i] != 0) {
                events[j]++;
            }
        }
        double remaining = time.length;
        for (int j = 0; j < m; j++) {
            atRisk[j] = remaining;
            remaining -= exits[j];
        }
        return new double[][] {atRisk, events};
    }

    /** Π (1 − d/Y). */
    private static double[] observed(double[] atRisk, double[] events) {
        double[] s = new double[atRisk.length];
        double cum = 1;
        for (int j = 0; j < s.length; j++) {
            cum *= 1 - events[j] / atRisk[j];
            s[j] = cum;
        }
        return s;
    }

    /** sqrt(Σ d/Y²), relsurv's standard error of log relative survival. */
    private static double[] greenwoodLog(double[] atRisk, double[] events) {
        double[] se = new double[atRisk.length];
        double var = 0;
        for (int j = 0; j < se.length; j++) {
            var += events[j] / (atRisk[j] * atRisk[j]);
            se[j] = Math.sqrt(var);
        }
        return se;
    }

    /** R: c(-diff(Y), Y[m]) − d. */
    private static double[] censored(double[] atRisk, double[] events) {
        int m = atRisk.length;
        double[] c = new double[m];
        for (int j = 0; j < m; j++) {
            double nextRisk = j + 1 < m ? atRisk[j + 1] : 0;
            c[j] = atRisk[j] - nextRisk - events[j];
        }
        return c;
    }

    private static double[] sortedCopy(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }

    /** The distinct values of a sorted array. */
    private static double[] distinct(double[] sorted) {
        int m = 0;
        double[] out = new double[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            if (m == 0 || sorted[k] != out[m - 1]) {
                out[m++] = sorted[k];
            }
        }
        return Arrays.copyOf(out, m);
    }
}
