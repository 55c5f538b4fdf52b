package io.survkit.relative;

/**
 * The population sums behind Ederer I and Hakulinen (relsurv 2.2.9's {@code netwei}) and rs.diff
 * ({@code netfastpinter}) for one curve, with exact integration but in O(n log n × cells crossed +
 * times × occupied cells) instead of relsurv's O(n × times).
 *
 * <p>In the {@code inverse} mode (rs.diff) every sum is over 1/S_i instead of S_i: the same algebra
 * with exp(+λΔ) for exp(−λΔ).
 *
 * <p>Every subject i follows its path through the rate table; within a cell its hazard λ_c is
 * constant (a rate of 0 counts as 1e-9, as in {@code netwei}), so S_i(t) = S_i(u)·exp(−λ_c(t − u)).
 * Per occupied cell the kernel keeps P_c = Σ S_i, L_c = Σ S_i·Λ_i and R_c = Σ S_i·Λ_i(t_{j−1}) (Λ_i
 * the subject's cumulative hazard, t_{j−1} the previous curve time), each advanced lazily in closed
 * form: P ← fP, L ← f(L + λΔ·P), R ← fR with f = exp(−λΔ). A subject is touched only when it
 * crosses an age or year boundary (a heap of exact crossing times) or leaves.
 *
 * <p>Outputs per curve time t_j: {@code survivalSum} Σ S_i(t_j) and {@code weightedHazard}
 * Σ [Λ_i(t_j) − Λ_i(t_{j−1})]·S_i(t_j) over the subjects included at t_j (all of them for Ederer I;
 * for Hakulinen those with potential follow-up ≥ t_j).
 */
final class ExactSweepKernel {
    private final RateTable table;
    /** +1: sums of S_i; −1: sums of 1/S_i. */
    private final double sign;
    // per cell
    private final double[] lambda;
    private final double[] p;
    private final double[] l;
    private final double[] r;
    private final double[] updated;
    private final OccupiedCells occupied;
    // per subject
    private int[] ageIndex;
    private int[] yearIndex;
    private double[] sIn;
    private double[] lamIn;
    private double[] tIn;
    private double[] lamPrev;
    private double[] crossing;
    private int[] heap;
    private int heapSize;

    double[] survivalSum;
    double[] weightedHazard;
    /** S_i (or 1/S_i) of each subject at the curve time after which it left; NaN if never included. */
    double[] exitValue;

    /**
     * @param inverse sums of 1/S_i (rs.diff) instead of S_i
     * @param zeroAsTiny a rate of 0 counts as 1e-9 (relsurv's {@code netwei}: Ederer I, Hakulinen)
     */
    ExactSweepKernel(RateTable table, boolean inverse, boolean zeroAsTiny) {
        this.table = table;
        this.sign = inverse ? -1 : 1;
        int cells = table.cellCount();
        lambda = new double[cells];
        p = new double[cells];
        l = new double[cells];
        r = new double[cells];
        updated = new double[cells];
        occupied = new OccupiedCells(cells);
        for (int c = 0; c < cells; c++) {
            double h = table.hazardOfCell(c);
            lambda[c] = h == 0 && zeroAsTiny ? 1e-9 : h;
        }
    }

    /**
     * @param age age at diagnosis, days
     * @param date entry date into the year cells (after the calendar rule)
     * @param sex 0 male, 1 female
     * @param until the subject is included at curve times t ≤ until (Ederer I: +∞)
     * @param order subjects by {@code until} ascending
     * @param times curve times, ascending, > 0
     */
    void run(double[] age, double[] date, byte[] sex, double[] until, int[] order, double[] times) {
        int n = age.length;
        int m = times.length;
        allocate(n);
        survivalSum = new double[m];
        weightedHazard = new double[m];
        exitValue = new double[n];
        java.util.Arrays.fill(exitValue, Double.NaN);
        int lo = 0;
        while (lo < n && !(until[order[lo]] >= times[0])) {
            lo++;
        }
        boolean[] gone = new boolean[n];
        for (int k = 0; k < lo; k++) {
            gone[order[k]] = true;
        }
        for (int i = 0; i < n; i++) {
            if (gone[i]) {
                continue;
            }
            ageIndex[i] = table.ageIndex(age[i]);
            yearIndex[i] = table.yearIndex(date[i]);
            sIn[i] = 1;
            lamIn[i] = 0;
            tIn[i] = 0;
            lamPrev[i] = 0;
            enter(table.cell(ageIndex[i], sex[i], yearIndex[i]), 0, 1, 0, 0);
            schedule(i, age[i], date[i]);
        }
        double previous = 0;
        for (int j = 0; j < m; j++) {
            double t = times[j];
            while (heapSize > 0 && crossing[heap[0]] <= t) {
                int i = pop();
                if (!gone[i]) {
                    cross(i, crossing[i], previous, age[i], date[i], sex[i]);
                }
            }
            double s = 0;
            double w = 0;
            for (int k = 0; k < occupied.size(); k++) {
                int c = occupied.get(k);
                advance(c, t);
                s += p[c];
                w += l[c] - r[c];
                r[c] = l[c];
            }
            survivalSum[j] = s;
            weightedHazard[j] = w;
            double next = j + 1 < m ? times[j + 1] : Double.POSITIVE_INFINITY;
            while (lo < n && !(until[order[lo]] >= next)) {
                int i = order[lo++];
                if (!gone[i]) {
                    exitValue[i] = leave(i, t, sex[i]);
                    gone[i] = true;
                }
            }
            previous = t;
        }
    }

    private void allocate(int n) {
        if (ageIndex == null || ageIndex.length < n) {
            ageIndex = new int[n];
            yearIndex = new int[n];
            sIn = new double[n];
            lamIn = new double[n];
            tIn = new double[n];
            lamPrev = new double[n];
            crossing = new double[n];
            heap = new int[n];
        }
        heapSize = 0;
        occupied.clear();
    }

    /** Subject i moves at time {@code tau} (in (t_{j−1}, t_j]) into the cell of its new age and date. */
    private void cross(int i, double tau, double previous, double a0, double y0, byte sex) {
        int old = table.cell(ageIndex[i], sex, yearIndex[i]);
        double lam = lambda[old];
        double s = sIn[i] * Math.exp(-sign * lam * (tau - tIn[i]));
        double lamNow = lamIn[i] + lam * (tau - tIn[i]);
        double lamAtPrevious = tIn[i] <= previous ? lamIn[i] + lam * (previous - tIn[i]) : lamPrev[i];
        remove(old, tau, s, lamNow, lamAtPrevious);
        int na = ageIndex[i];
        while (na + 1 < table.ageCount() && a0 + tau >= table.ageCut(na + 1)) {
            na++;
        }
        int ny = yearIndex[i];
        while (ny + 1 < table.yearCount() && y0 + tau >= table.yearCut(ny + 1)) {
            ny++;
        }
        if (na == ageIndex[i] && ny == yearIndex[i]) {
            // rounding put the boundary a hair later: step onto it
            if (na + 1 < table.ageCount() && table.ageCut(na + 1) - a0 <= tau + 1e-9) {
                na++;
            } else {
                ny++;
            }
        }
        ageIndex[i] = na;
        yearIndex[i] = ny;
        sIn[i] = s;
        lamIn[i] = lamNow;
        tIn[i] = tau;
        lamPrev[i] = lamAtPrevious;
        enter(table.cell(na, sex, ny), tau, s, lamNow, lamAtPrevious);
        schedule(i, a0, y0);
    }

    private double leave(int i, double t, byte sex) {
        int c = table.cell(ageIndex[i], sex, yearIndex[i]);
        double lam = lambda[c];
        double s = sIn[i] * Math.exp(-sign * lam * (t - tIn[i]));
        double lamNow = lamIn[i] + lam * (t - tIn[i]);
        remove(c, t, s, lamNow, lamNow);
        return s;
    }

    /** Next boundary of subject i after its current cells, pushed on the heap (none: not pushed). */
    private void schedule(int i, double a0, double y0) {
        double tau = Double.POSITIVE_INFINITY;
        if (ageIndex[i] + 1 < table.ageCount()) {
            tau = table.ageCut(ageIndex[i] + 1) - a0;
        }
        if (yearIndex[i] + 1 < table.yearCount()) {
            tau = Math.min(tau, table.yearCut(yearIndex[i] + 1) - y0);
        }
        if (tau < Double.POSITIVE_INFINITY) {
            crossing[i] = Math.max(tau, tIn[i]);
            push(i);
        }
    }

    private void advance(int c, double t) {
        double d = t - updated[c];
        if (d != 0) {
            double f = Math.exp(-sign * lambda[c] * d);
            l[c] = f * (l[c] + lambda[c] * d * p[c]);
            p[c] *= f;
            r[c] *= f;
            updated[c] = t;
        }
    }

    private void enter(int c, double t, double s, double lamNow, double lamAtPrevious) {
        if (occupied.enter(c)) {
            p[c] = 0;
            l[c] = 0;
            r[c] = 0;
            updated[c] = t;
        } else {
            advance(c, t);
        }
        p[c] += s;
        l[c] += s * lamNow;
        r[c] += s * lamAtPrevious;
    }

    private void remove(int c, double t, double s, double lamNow, double lamAtPrevious) {
        if (occupied.leave(c)) {
            return;
        }
        advance(c, t);
        p[c] -= s;
        l[c] -= s * lamNow;
        r[c] -= s * lamAtPrevious;
    }

    private void push(int i) {
        int k = heapSize++;
        heap[k] = i;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (crossing[heap[parent]] <= crossing[i]) {
                break;
            }
            heap[k] = heap[parent];
            k = parent;
        }
        heap[k] = i;
    }

    private int pop() {
        int top = heap[0];
        int last = heap[--heapSize];
        int k = 0;
        while (true) {
            int child = 2 * k + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && crossing[heap[child + 1]] < crossing[heap[child]]) {
                child++;
            }
            if (crossing[heap[child]] >= crossing[last]) {
                break;
            }
            heap[k] = heap[child];
            k = child;
        }
        if (heapSize > 0) {
            heap[k] = last;
        }
        return top;
    }
}
