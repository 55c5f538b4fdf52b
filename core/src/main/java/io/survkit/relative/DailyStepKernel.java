package io.survkit.relative;

import java.util.Arrays;

/**
 * The sums behind Pohar-Perme and Ederer II (relsurv 2.2.9's {@code netfastpinter2}) for one curve,
 * with R's integration on a grid of steps but in O(n × cells crossed + steps × occupied cells)
 * instead of R's O(n × steps).
 *
 * <p>R's rule: each interval (t_{j-1}, t_j] between consecutive curve times is cut into steps of
 * {@code step} days from t_{j-1} (the last one shorter); a step of length ℓ starting at s uses for
 * subject i the rate λ_i of the cell holding age a0 + s and date y0 + s for the whole step, and
 * S_i ← S_i·exp(-ℓλ_i), for the rows at risk at t_j (T_i ≥ t_j). Because every subject in a cell
 * shares λ, the kernel keeps per occupied cell c the sum Q_c = Σ_{i in c} 1/S_i and multiplies it
 * by exp(ℓλ_c) per step; a subject is touched only when it changes cell (found from a day-bucket
 * queue of its next age or year boundary, checked with R's comparison a0 + s ≥ cut) or leaves the
 * risk set. 1/S_i of a subject is 1/S_i at its entry into the cell times exp(G_c − G_entry), G_c the
 * cell's integrated hazard.
 *
 * <p>Outputs per curve time t_j (arrays of length m): {@code atRisk} Y_j, {@code events} d_j,
 * {@code eventsOverS} Σ_{events} 1/S_i(t_j), {@code eventsOverS2} Σ_{events} 1/S_i(t_j)²,
 * {@code atRiskOverS} Σ_{at risk} 1/S_i(t_j), {@code integral} P_j = Σ_k ℓ_k (A_k/B_k + A'_k/B'_k)/2
 * with R's running sums from the start of the interval (A = Σ λ/S, B = Σ 1/S before the step, A', B'
 * after it), and {@code populationHazard} Σ_{at risk} ∫ λ_i over the interval.
 *
 * <p>Preconditions: subjects sorted by follow-up time ascending; times strictly positive, distinct
 * and ascending, ending at the largest follow-up time.
 */
final class DailyStepKernel {
    /** Subjects are checked for a cell change from this much before their computed boundary. */
    private static final double MARGIN = 1e-6;

    private final RateTable table;
    private final double step;
    // per cell
    private final double[] q;
    private final double[] g;
    private final double[] lambda;
    private final double[] growth;
    private final OccupiedCells occupied;
    // per subject (sorted order)
    private int[] ageIndex;
    private int[] yearIndex;
    private double[] inverseAtEntry;
    private double[] gAtEntry;
    private int[] next;
    private int[] carry;
    private int[] carry2;
    private int carryCount;
    private int[] bucketHead;
    private int drained;

    // outputs
    double[] atRisk;
    double[] events;
    double[] eventsOverS;
    double[] eventsOverS2;
    double[] atRiskOverS;
    double[] integral;
    double[] populationHazard;

    DailyStepKernel(RateTable table, double step) {
        this.table = table;
        this.step = step;
        int cells = table.cellCount();
        q = new double[cells];
        g = new double[cells];
        lambda = new double[cells];
        growth = new double[cells];
        occupied = new OccupiedCells(cells);
        for (int c = 0; c < cells; c++) {
            lambda[c] = table.hazardOfCell(c);
            growth[c] = Math.exp(step * lambda[c]);
        }
    }

    /**
     * Runs one curve.
     *
     * @param time follow-up times T_i, ascending
     * @param event 1 for an event, 0 censored
     * @param age age at diagnosis in days a0
     * @param date entry date into the year cells y0 (days since 1970-01-01, after the calendar rule)
     * @param sex 0 male, 1 female
     * @param times the curve times t_j
     */
    void run(double[] time, byte[] event, double[] age, double[] date, byte[] sex, double[] times) {
        int n = time.length;
        int m = times.length;
        allocate(n, m, time[n - 1]);
        for (int i = 0; i < n; i++) {
            ageIndex[i] = table.ageIndex(age[i]);
            yearIndex[i] = table.yearIndex(date[i]);
            int c = table.cell(ageIndex[i], sex[i], yearIndex[i]);
            enter(i, c, 1.0);
            schedule(i, time[i], age[i], date[i], 0);
        }
        int lo = 0;
        double start = 0;
        for (int j = 0; j < m; j++) {
            double length = times[j] - start;
            double ftime = 0;
            double sumA = 0;
            double sumB = 0;
            double sumA2 = 0;
            double sumB2 = 0;
            double fint = 0;
            double hazard = 0;
            while (ftime < length) {
                double s = start + ftime;
                double ell = step;
                if (length - ftime < ell) {
                    ell = length - ftime;
                }
                crossings(s, lo, time, age, date, sex);
                boolean whole = ell == step;
                double a = 0;
                double b = 0;
                double a2 = 0;
                double b2 = 0;
                double h = 0;
                for (int k = 0; k < occupied.size(); k++) {
                    int c = occupied.get(k);
                    double lam = lambda[c];
                    double qc = q[c];
                    double e = whole ? growth[c] : Math.exp(ell * lam);
                    double qe = qc * e;
                    a += lam * qc;
                    b += qc;
                    a2 += lam * qe;
                    b2 += qe;
                    h += lam * occupied.count(c);
                    q[c] = qe;
                    g[c] += ell * lam;
                }
                sumA += a;
                sumB += b;
                sumA2 += a2;
                sumB2 += b2;
                hazard += ell * h;
                fint += (sumA / sumB / 2 + sumA2 / sumB2 / 2) * ell;
                ftime += ell;
            }
            double total = 0;
            for (int k = 0; k < occupied.size(); k++) {
                total += q[occupied.get(k)];
            }
            atRiskOverS[j] = total;
            integral[j] = fint;
            populationHazard[j] = hazard;
            atRisk[j] = n - lo;
            double d = 0;
            double dS = 0;
            double dS2 = 0;
            while (lo < n && time[lo] == times[j]) {
                int c = table.cell(ageIndex[lo], sex[lo], yearIndex[lo]);
                double inv = inverseAtEntry[lo] * Math.exp(g[c] - gAtEntry[lo]);
                if (event[lo] != 0) {
                    d += 1;
                    dS += inv;
                    dS2 += inv * inv;
                }
                leave(c, inv);
                lo++;
            }
            events[j] = d;
            eventsOverS[j] = dS;
            eventsOverS2[j] = dS2;
            start += length;
        }
    }

    private void allocate(int n, int m, double maxTime) {
        if (ageIndex == null || ageIndex.length < n) {
            ageIndex = new int[n];
            yearIndex = new int[n];
            inverseAtEntry = new double[n];
            gAtEntry = new double[n];
            next = new int[n];
            carry = new int[n];
            carry2 = new int[n];
        }
        int days = (int) Math.min(Integer.MAX_VALUE - 8, Math.floor(maxTime) + 3);
        if (bucketHead == null || bucketHead.length < days) {
            bucketHead = new int[days];
        }
        Arrays.fill(bucketHead, -1);
        carryCount = 0;
        drained = -1;
        atRisk = new double[m];
        events = new double[m];
        eventsOverS = new double[m];
        eventsOverS2 = new double[m];
        atRiskOverS = new double[m];
        integral = new double[m];
        populationHazard = new double[m];
        occupied.clear();
    }

    /** Moves subjects whose age or year cell changes at step start {@code s} (R: a0 + s ≥ cut). */
    private void crossings(double s, int lo, double[] time, double[] age, double[] date, byte[] sex) {
        int day = (int) Math.floor(s);
        while (drained < day && drained + 1 < bucketHead.length) {
            drained++;
            for (int i = bucketHead[drained]; i >= 0; i = next[i]) {
                carry[carryCount++] = i;
            }
            bucketHead[drained] = -1;
        }
        int kept = 0;
        int[] out = carry2;
        for (int k = 0; k < carryCount; k++) {
            int i = carry[k];
            if (i < lo) {
                continue;
            }
            int na = ageIndex[i];
            while (na + 1 < table.ageCount() && age[i] + s >= table.ageCut(na + 1)) {
                na++;
            }
            int ny = yearIndex[i];
            while (ny + 1 < table.yearCount() && date[i] + s >= table.yearCut(ny + 1)) {
                ny++;
            }
            if (na != ageIndex[i] || ny != yearIndex[i]) {
                int old = table.cell(ageIndex[i], sex[i], yearIndex[i]);
                double inv = inverseAtEntry[i] * Math.exp(g[old] - gAtEntry[i]);
                leave(old, inv);
                ageIndex[i] = na;
                yearIndex[i] = ny;
                enter(i, table.cell(na, sex[i], ny), inv);
            }
            int bucket = bucketOf(i, time[i], age[i], date[i]);
            if (bucket < 0) {
                continue;
            }
            if (bucket > day) {
                next[i] = bucketHead[bucket];
                bucketHead[bucket] = i;
            } else {
                out[kept++] = i;
            }
        }
        carry2 = carry;
        carry = out;
        carryCount = kept;
    }

    /** Queues subject i for its next boundary, before the first step ({@code day} 0). */
    private void schedule(int i, double exit, double age, double date, int day) {
        int bucket = bucketOf(i, exit, age, date);
        if (bucket < 0) {
            return;
        }
        if (bucket > day) {
            next[i] = bucketHead[bucket];
            bucketHead[bucket] = i;
        } else {
            carry[carryCount++] = i;
        }
    }

    /** Day bucket of the subject's next cell boundary, or -1 when it leaves the risk set first. */
    private int bucketOf(int i, double exit, double age, double date) {
        double tau = Double.POSITIVE_INFINITY;
        if (ageIndex[i] + 1 < table.ageCount()) {
            tau = table.ageCut(ageIndex[i] + 1) - age;
        }
        if (yearIndex[i] + 1 < table.yearCount()) {
            tau = Math.min(tau, table.yearCut(yearIndex[i] + 1) - date);
        }
        if (!(tau < exit + 1)) {
            return -1;
        }
        return (int) Math.max(0, Math.floor(tau - MARGIN * Math.max(1, Math.abs(tau))));
    }

    private void enter(int i, int c, double inverse) {
        if (occupied.enter(c)) {
            q[c] = 0;
            g[c] = 0;
        }
        q[c] += inverse;
        inverseAtEntry[i] = inverse;
        gAtEntry[i] = g[c];
    }

    private void leave(int c, double inverse) {
        if (occupied.leave(c)) {
            q[c] = 0;
        } else {
            q[c] -= inverse;
        }
    }
}
