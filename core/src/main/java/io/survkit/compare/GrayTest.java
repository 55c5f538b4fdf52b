package io.survkit.compare;

import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Cholesky;
import io.survkit.internal.Probabilities;
import io.survkit.internal.Tolerances;
import java.util.ArrayList;
import java.util.List;
import io.survkit.data.Progress;

/**
 * Gray's K-sample test for equality of cumulative incidence functions (Gray 1988, Ann. Statist.
 * 16:1141-1154), one test per cause, equal to the {@code Tests} of R {@code cmprsk::cuminc(ftime,
 * fstatus, group, strata, rho)}. Immutable; each {@code with...} returns a new instance.
 *
 * <p>For each cause the score of group j is
 * {@code s_j = sum_t W(t) (d_1j(t) - d_1(t) R_j(t) / sum_r R_r(t))} over the event times t, with
 * {@code R_j(t) = n_j(t) (1 - F_1j(t-)) / S_j(t-)} (the subdistribution risk set of group j) and
 * weight {@code W(t) = (1 - F_1(t-))^rho}; the statistic {@code s' V^-1 s} over the first
 * {@code K - 1} groups is chi-square with {@code K - 1} degrees of freedom. V is Gray's variance
 * estimator (cmprsk {@code crstm}). With strata, scores and variances are summed over strata.
 *
 * <p>Defaults ({@link #withDefaults()}): {@code rho = 0} (cuminc's default).
 *
 * <p>Input: unweighted right-censored rows with a group column and competing-risks status codes
 * (0 = censored, k = cause k; {@code SurvivalData.csv(..).causes(column, censorValue)}); an
 * optional strata column stratifies the test. Groups without rows are dropped, causes without
 * events are not tested, as cuminc does. Times are compared exactly (the data model has already
 * applied R's timefix; cuminc applies none).
 *
 * <p>Differences from R: when V is singular cuminc reports the statistic -1 (p = 1); so does
 * this class, and {@link GrayTestResult#singular(int)} says so. The p-value is the upper chi-square
 * tail computed in the tail (R: {@code 1 - pchisq(stat, df)}, which is 0 below about 1e-16).
 * Counts are products in double precision (cmprsk's integer {@code rs**2} overflows above 46,340
 * subjects at risk in one group).
 *
 * <p>Cost: cmprsk's {@code crstm} adds a rank-one term per group at every time, O(K^3) per time for K
 * groups; this class sums the same terms in O(K^2) per time (see {@code stratum}), so K groups over T
 * distinct times cost O(K^2 T) plus one O(K^3) step per stratum. Long runs report progress through
 * SLF4J at INFO ({@link Progress}). When a cause has fewer than 5 events per group compared the
 * result carries a warning ({@link GrayTestResult#warnings()}): the chi-square on K - 1 degrees of
 * freedom is then a poor approximation.
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("cr_synth.csv")).time("time").causes("status", "0").read();
 * GrayTestResult gray = GrayTest.withDefaults().test(d);
 * double p1 = gray.pValue(0);   // cause "1"
 * }</pre>
 */
public final class GrayTest {
    private static final GrayTest DEFAULTS = new GrayTest(0);

    private final double rho;

    private GrayTest(double rho) {
        this.rho = rho;
    }

    /**
     * {@code rho = 0}.
     *
     * @return the shared default instance
     */
    public static GrayTest withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same test with weight power {@code rho} (cuminc {@code rho}; finite).
     *
     * @param rho the weight exponent rho
     * @return a new instance with this setting (this one is unchanged)
     */
    public GrayTest withRho(double rho) {
        return new GrayTest(Check.finite("rho", rho));
    }

    /** {@return the weight power rho} */
    public double rho() {
        return rho;
    }

    /**
     * Gray's test of every cause with events.
     *
     * @param data the data
     * @param formula the model formula (R syntax)
     * @return Gray's test of every cause with events
     * @throws IllegalArgumentException for null data, data without a group column, fewer than two
     *         groups with rows, case weights or counting-process rows
     */
    public GrayTestResult test(SurvivalData data, String formula) {
        return test(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * Gray's test of every cause with events between the groups of {@code terms}, stratified by its
     * {@code strata()} term.
     *
     * @param data competing-risks data
     * @param terms the groups and strata
     * @return the test
     */
    public GrayTestResult test(SurvivalData data, Terms terms) {
        return test(ModelFrame.of(Check.notNull("data", data), Check.notNull("terms", terms)));
    }

    /**
     * Gray's test on a resolved model frame.
     *
     * @param data the frame
     * @return the test
     */
    public GrayTestResult test(ModelFrame data) {
        Check.notNull("data", data);
        Factor g = data.groups().orElse(null);
        if (g == null) {
            throw Check.fail("Gray's test compares groups; the data have no group column");
        }
        if (data.hasWeights()) {
            throw Check.fail("Gray's test (cmprsk::cuminc) has no case weights; column '%s' cannot be used",
                    data.weightsColumn().orElse(null));
        }
        if (data.hasStart()) {
            throw Check.fail("Gray's test needs right-censored rows; start column '%s' (delayed entry) is not "
                    + "supported", data.startColumn().orElse(null));
        }
        int n = data.rowCount();
        // compact group codes: cuminc drops levels without rows
        int[] present = new int[g.levelCount()];
        for (int i = 0; i < n; i++) {
            present[g.code(i)]++;
        }
        int[] map = new int[g.levelCount()];
        List<String> groups = new ArrayList<>();
        for (int l = 0; l < present.length; l++) {
            map[l] = present[l] > 0 ? groups.size() : -1;
            if (present[l] > 0) {
                groups.add(g.level(l));
            }
        }
        int ng = groups.size();
        if (ng < 2) {
            throw Check.fail("Gray's test needs at least two groups with rows; column '%s' has %s", g.name(),
                    groups);
        }
        int causeCount = data.causes().size();
        io.survkit.internal.Memory.require(workBytes(ng, causeCount, n), Check.format("Gray's test of %d groups"
                + " (%d x %d variance matrices)", ng, ng - 1, ng - 1), UNWISE_ADVICE);
        int[] eventsOf = new int[causeCount + 1];
        for (int i = 0; i < n; i++) {
            eventsOf[data.status(i)]++;
        }
        // bucket the times by (stratum, group, status), sort each bucket once and merge them into
        // per-time counts (no sort of the whole column with a payload)
        Factor st = data.strata().orElse(null);
        int nst = st == null ? 1 : st.levelCount();
        int sc = causeCount + 1;
        int[] bucket = new int[nst * ng * sc + 1];
        for (int i = 0; i < n; i++) {
            bucket[key(st, map, g, i, ng, sc, data.status(i)) + 1]++;
        }
        for (int b = 0; b < nst * ng * sc; b++) {
            bucket[b + 1] += bucket[b];
        }
        double[] buf = new double[n];
        int[] next = bucket.clone();
        for (int i = 0; i < n; i++) {
            buf[next[key(st, map, g, i, ng, sc, data.status(i))]++] = data.time(i) + 0.0;
        }
        int[][] counts = new int[nst][];
        int[] times = new int[nst];
        for (int b = 0; b < nst; b++) {
            counts[b] = merge(buf, bucket, b * ng * sc, ng * sc, times, b);
        }
        List<String> causes = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        List<double[]> variances = new ArrayList<>();
        int ng1 = ng - 1;
        Work w = new Work(ng);
        int maxTimes = 0;
        long totalTimes = 0;
        int tested = 0;
        for (int b = 0; b < nst; b++) {
            maxTimes = Math.max(maxTimes, times[b]);
            totalTimes += times[b];
        }
        for (int c = 1; c <= causeCount; c++) {
            tested += eventsOf[c] > 0 ? 1 : 0;
        }
        double[] omega = new double[maxTimes * ng];
        Progress progress = Progress.of(GrayTest.class, Check.format("Gray's test of %d groups", ng),
                totalTimes * tested);
        for (int c = 1; c <= causeCount; c++) {
            if (eventsOf[c] == 0) {
                continue;
            }
            double[] s = new double[ng1];
            double[] v = new double[ng1 * ng1];
            for (int b = 0; b < nst; b++) {
                if (times[b] > 0) {
                    stratum(counts[b], times[b], c, sc, ng, rho, s, v, w, omega, progress);
                }
            }
            causes.add(data.causes().get(c - 1));
            codes.add(c);
            scores.add(s);
            variances.add(v);
        }
        int nc = causes.size();
        double[] stat = new double[nc];
        double[] p = new double[nc];
        boolean[] singular = new boolean[nc];
        for (int c = 0; c < nc; c++) {
            double[] v = variances.get(c);
            double[] f = v.clone();
            int rank = Cholesky.decompose(f, ng1, Tolerances.QR_RANK);
            if (rank != ng1) {
                singular[c] = true;
                stat[c] = -1;
                p[c] = 1;
            } else {
                double[] sol = scores.get(c).clone();
                Cholesky.solve(f, ng1, sol);
                double q = 0;
                for (int j = 0; j < ng1; j++) {
                    q += scores.get(c)[j] * sol[j];
                }
                stat[c] = q;
                p[c] = Probabilities.chiSquareUpper(q, ng1);
            }
        }
        int[] codeArray = new int[nc];
        for (int c = 0; c < nc; c++) {
            codeArray[c] = codes.get(c);
        }
        return new GrayTestResult(groups, causes, codeArray, stat, p, ng1, scores, variances, singular, rho,
                unwise(ng, causes, codeArray, eventsOf));
    }

    /** Fewer events of a cause than this many per group make the K-sample test unwise. */
    static final int EVENTS_PER_GROUP = 5;

    /** A warning per cause with fewer than {@link #EVENTS_PER_GROUP} events per group compared. */
    private static List<String> unwise(int ng, List<String> causes, int[] codes, int[] eventsOf) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < codes.length; c++) {
            int events = eventsOf[codes[c]];
            if (ng > events / (double) EVENTS_PER_GROUP) {
                out.add(Check.format("Gray's test of cause %s compares %d groups with %d events (%.1f per group, fewer"
                        + " than %d): the chi-square on %d degrees of freedom is a poor approximation; %s", causes.get(c),
                        ng, events, events / (double) ng, EVENTS_PER_GROUP, ng - 1, UNWISE_ADVICE));
            }
        }
        return out;
    }

    /** What to do instead of a K-sample test of very many groups (used in messages). */
    public static final String UNWISE_ADVICE = "a K-sample test with that many groups has little power and a poor chi-square"
            + " approximation; compare chosen groups, group the levels, or model a covariate (FineGray)";

    /**
     * Bytes Gray's test holds at once for {@code ng} groups: the per-stratum work matrices c and v2
     * (ng^2 each) and v (ng-1)^2, each cause's (ng-1)^2 variance and its copy for the solve, the
     * stored weights of the first pass (at most n times x ng doubles) and the per-time counts of the
     * merge (at most n times x ng x (causes + 1) ints).
     *
     * @param ng the number of groups
     * @param causes the number of causes
     * @param n the number of rows
     * @return the bytes
     */
    public static long workBytes(int ng, int causes, int n) {
        double sq = (double) ng * ng;
        return io.survkit.internal.Memory.doubles(3 * sq + 2.0 * causes * sq + (double) n * ng)
                + 4L * Math.min(Long.MAX_VALUE / 8, (long) n * ng * (causes + 1));
    }

    /**
     * True when Gray's test of {@code ng} groups fits the heap (see {@link #workBytes}).
     *
     * @param ng the ng
     * @param causes the causes
     * @param n the count
     * @return true when Gray's test of {@code ng} groups fits the heap (see {@link #workBytes})
     */
    public static boolean fits(int ng, int causes, int n) {
        return io.survkit.internal.Memory.fits(workBytes(ng, causes, n));
    }

    private static int key(Factor st, int[] map, Factor g, int i, int ng, int sc, int status) {
        return ((st == null ? 0 : st.code(i)) * ng + map[g.code(i)]) * sc + status;
    }

    /**
     * Merges the sorted buckets {@code [first, first + width)} (one stratum: group-major, then
     * status) into counts per distinct time: {@code width} ints per time, row-major. Sorts each
     * bucket in place; stores the number of distinct times in {@code times[slot]}.
     */
    private static int[] merge(double[] buf, int[] bucket, int first, int width, int[] times, int slot) {
        int[] head = new int[width];
        int[] end = new int[width];
        int rows = 0;
        for (int b = 0; b < width; b++) {
            head[b] = bucket[first + b];
            end[b] = bucket[first + b + 1];
            io.survkit.internal.Sorting.sortRange(buf, head[b], end[b]);
            rows += end[b] - head[b];
        }
        int[] out = new int[Math.max(1, rows) * width];
        int m = 0;
        while (true) {
            double t = Double.NaN;
            for (int b = 0; b < width; b++) {
                if (head[b] < end[b] && !(buf[head[b]] >= t)) {
                    t = buf[head[b]];
                }
            }
            if (t != t) {
                break;
            }
            for (int b = 0; b < width; b++) {
                int h0 = head[b];
                while (head[b] < end[b] && buf[head[b]] == t) {
                    head[b]++;
                }
                out[m * width + b] = head[b] - h0;
            }
            m++;
        }
        times[slot] = m;
        return java.util.Arrays.copyOf(out, m * width);
    }

    /** Buffers of one stratum pass, sized by the number of groups. */
    private static final class Work {
        final double[] f1m;
        final double[] f1;
        final double[] skmm;
        final double[] skm;
        final double[] c;
        final double[] v3;
        final double[] v2;
        final double[] rs;
        final double[] d;
        final double[] vs;
        /** u_i = rs_i / skmm_i (0 outside the risk set): a = fb (diag(u) - u u' / tr). */
        final double[] u;
        /** t3 and t4 of the cause's term, their product q, and the combined weight W of c W c. */
        final double[] t3;
        final double[] q;
        final double[] weight;
        /** u' diag(x) c: one row, for the products of a with c. */
        final double[] y;

        Work(int ng) {
            f1m = new double[ng];
            f1 = new double[ng];
            skmm = new double[ng];
            skm = new double[ng];
            c = new double[ng * ng];
            v3 = new double[ng];
            v2 = new double[ng * (ng - 1)]; // transposed: v2[k * (ng - 1) + i] is cmprsk's v2(i, k)
            rs = new double[ng];
            d = new double[3 * ng];
            vs = new double[(ng - 1) * (ng - 1)];
            u = new double[ng];
            t3 = new double[ng];
            q = new double[ng];
            weight = new double[ng];
            y = new double[ng];
        }
    }

    /**
     * The Kaplan-Meier and cumulative incidence recursion of one stratum (cmprsk {@code crst}), one
     * distinct time after the other: {@link #load} reads time jt's counts and computes the
     * right-continuous values, {@link #advance} moves them to the left-continuous ones of the next time.
     */
    private static final class Recursion {
        final Work w;
        final int[] counts;
        final int cause;
        final int sc;
        final int ng;
        double fm;
        double f;
        double tr;
        double tq;
        double nd1;
        double nd2;

        Recursion(Work w, int[] counts, int times, int cause, int sc, int ng) {
            this.w = w;
            this.counts = counts;
            this.cause = cause;
            this.sc = sc;
            this.ng = ng;
            java.util.Arrays.fill(w.rs, 0);
            for (int j = 0; j < times; j++) {
                for (int gi = 0; gi < ng; gi++) {
                    for (int k = 0; k < sc; k++) {
                        w.rs[gi] += counts[j * ng * sc + gi * sc + k];
                    }
                }
            }
            java.util.Arrays.fill(w.f1m, 0);
            java.util.Arrays.fill(w.f1, 0);
            java.util.Arrays.fill(w.skmm, 1);
            java.util.Arrays.fill(w.skm, 1);
        }

        /** Reads time jt; true when it has an event of any cause. */
        boolean load(int jt) {
            double[] d = w.d;
            double[] rs = w.rs;
            java.util.Arrays.fill(d, 0);
            int row = jt * ng * sc;
            for (int gi = 0; gi < ng; gi++) {
                for (int k = 0; k < sc; k++) {
                    d[(k == 0 ? 0 : k == cause ? 1 : 2) * ng + gi] += counts[row + gi * sc + k];
                }
            }
            nd1 = 0;
            nd2 = 0;
            for (int i = 0; i < ng; i++) {
                nd1 += d[ng + i];
                nd2 += d[2 * ng + i];
            }
            if (nd1 == 0 && nd2 == 0) {
                return false;
            }
            tr = 0;
            tq = 0;
            for (int i = 0; i < ng; i++) {
                w.u[i] = 0;
                if (rs[i] <= 0) {
                    continue;
                }
                double td = d[ng + i] + d[2 * ng + i];
                // skmm / f1m left-continuous, skm / f1 right-continuous KM and CIF of group i
                w.skm[i] = w.skmm[i] * (rs[i] - td) / rs[i];
                w.f1[i] = w.f1m[i] + (w.skmm[i] * d[ng + i]) / rs[i];
                tr = tr + rs[i] / w.skmm[i];
                tq = tq + rs[i] * (1 - w.f1m[i]) / w.skmm[i];
                w.u[i] = rs[i] / w.skmm[i];
            }
            f = fm + nd1 / tr;
            return true;
        }

        /**
         * The per-group factors of cmprsk's variance terms at the loaded time: for the cause,
         * t3_k and q_k = t3_k t4_k; for both, W_k = t3_k t4_k^2 + t3'_k t4'_k^2 (the competing causes'
         * t3', t4'), so that the time adds sum_k t3_k m_k m_k' + t3'_k t4'_k^2 c_k c_k' with
         * m_k = a_k - t4_k c_k.
         */
        void factors() {
            double[] rs = w.rs;
            double[] d = w.d;
            for (int k = 0; k < ng; k++) {
                double t3 = 0;
                double t4 = 0;
                if (nd1 > 0 && rs[k] > 0) {
                    t4 = 1;
                    if (w.skm[k] > 0) {
                        t4 = 1 - (1 - f) / w.skm[k];
                    }
                    double t5 = 1;
                    if (nd1 > 1) {
                        t5 = 1 - (nd1 - 1) / (tr * w.skmm[k] - 1);
                    }
                    t3 = t5 * w.skmm[k] * nd1 / (tr * rs[k]);
                }
                w.t3[k] = t3;
                w.q[k] = t3 * t4;
                double wk = t4 * t4 * t3;
                double d2 = d[2 * ng + k];
                if (nd2 != 0 && w.skm[k] > 0 && d2 > 0) {
                    double t4b = (1 - f) / w.skm[k];
                    double t5 = 1;
                    if (d2 > 1) {
                        t5 = 1 - (d2 - 1) / (rs[k] - 1);
                    }
                    double t3b = t5 * ((w.skmm[k] * w.skmm[k]) * d2) / (rs[k] * rs[k]);
                    wk += t4b * t4b * t3b;
                }
                w.weight[k] = wk;
            }
        }

        void advance() {
            double[] d = w.d;
            for (int gi = 0; gi < ng; gi++) {
                w.rs[gi] -= d[gi] + d[ng + gi] + d[2 * ng + gi];
            }
            fm = f;
            System.arraycopy(w.f1, 0, w.f1m, 0, ng);
            System.arraycopy(w.skm, 0, w.skmm, 0, ng);
        }
    }

    /**
     * Adds one stratum's scores and variance (cmprsk {@code crst}, Gray 1988 section 2) to
     * {@code s} and {@code vOut} (full (ng-1)^2 matrix, row-major). {@code counts} holds per
     * distinct time (ascending) the rows of each group and status ({@code g * sc + status}); the
     * cause tested is {@code cause}, every other cause is a competing event.
     *
     * <p>cmprsk adds at each time t, for every group k, the rank-one term t3_k m_k m_k' with
     * m_k = a_k - t4_k c_k (and t3'_k t4'_k^2 c_k c_k' for competing events): O(ng^3) per time. Here
     * a = fb (diag(u) - u u' / tr) is a diagonal plus a rank one and c_t = c_{t-1} + alpha_t a_t
     * (alpha = nd1 / (tr (1 - F(t-)))), so the sum equals
     * a T3 a - a Q c - c Q a + c W c with diagonal T3, Q = T3 T4 and W, where a T3 a and a Q c cost
     * O(ng^2), and sum_t c_t W_t c_t = sum_s alpha_s (a_s Omega_s c_{s-1} + c_{s-1} Omega_s a_s +
     * alpha_s a_s Omega_s a_s) with Omega_s = sum_{t &gt;= s} W_t (expand c_t = sum_{s &lt;= t}
     * alpha_s a_s and group the pairs (s, r) by max(s, r)). A first pass over the times stores
     * W_t (times x ng); the second runs cmprsk's recursion with O(ng^2) work per time.
     */
    private static void stratum(int[] counts, int times, int cause, int sc, int ng, double rho, double[] s,
            double[] vOut, Work w, double[] omega, Progress progress) {
        int ng1 = ng - 1;
        // pass 1: W_t of every time with events, then Omega_t = sum over later times (suffix sums)
        Recursion r = new Recursion(w, counts, times, cause, sc, ng);
        int events = 0;
        for (int jt = 0; jt < times; jt++) {
            if (r.load(jt)) {
                r.factors();
                System.arraycopy(w.weight, 0, omega, events * ng, ng);
                events++;
            }
            r.advance();
        }
        for (int e = events - 2; e >= 0; e--) {
            for (int k = 0; k < ng; k++) {
                omega[e * ng + k] += omega[(e + 1) * ng + k];
            }
        }
        // pass 2
        r = new Recursion(w, counts, times, cause, sc, ng);
        double[] c = w.c;
        double[] v = w.vs;
        double[] v2 = w.v2;
        double[] v3 = w.v3;
        double[] u = w.u;
        java.util.Arrays.fill(v, 0);
        java.util.Arrays.fill(v2, 0);
        java.util.Arrays.fill(v3, 0);
        java.util.Arrays.fill(c, 0);
        double[] st = new double[ng1];
        double[] om = new double[ng];
        int e = 0;
        for (int jt = 0; jt < times; jt++) {
            progress.step();
            if (!r.load(jt)) {
                r.advance();
                continue;
            }
            r.factors();
            double tr = r.tr;
            double nd1 = r.nd1;
            double fm = r.fm;
            double fb = Math.pow(1 - fm, rho);
            double alpha = nd1 / (tr * (1 - fm));
            for (int i = 0; i < ng1; i++) {
                if (w.rs[i] > 0) {
                    st[i] = st[i] + fb * (w.d[ng + i] - nd1 * w.rs[i] * (1 - w.f1m[i]) / (w.skmm[i] * r.tq));
                }
            }
            if (nd1 > 0) {
                // sum_t c_t W_t c_t, the part of time e: alpha (a Om c_prev + c_prev Om a + alpha a Om a)
                System.arraycopy(omega, e * ng, om, 0, ng);
                productTerms(v, ng, u, om, c, fb, tr, alpha, alpha * alpha, w.y);
                // c += alpha a
                double g = alpha * fb;
                for (int i = 0; i < ng; i++) {
                    if (u[i] == 0) {
                        continue;
                    }
                    double gi = g * u[i];
                    int row = i * ng;
                    for (int j = 0; j < ng; j++) {
                        c[row + j] -= gi * u[j] / tr;
                    }
                    c[row + i] += gi;
                }
                // a T3 a - a Q c - c Q a (c after this time's update)
                productTerms(v, ng, u, w.q, c, fb, tr, -1, 0, w.y);
                productTerms(v, ng, u, w.t3, null, fb, tr, 0, 1, w.y);
            }
            // v2(i, k) += q_k a(k, i) - W_k c(k, i); v3_k += W_k
            for (int k = 0; k < ng; k++) {
                double qk = w.q[k];
                double wk = w.weight[k];
                v3[k] += wk;
                if (qk == 0 && wk == 0) {
                    continue;
                }
                int rowK = k * ng;
                int v2k = k * ng1;
                double qa = qk * fb * u[k];
                for (int i = 0; i < ng1; i++) {
                    v2[v2k + i] += -qa * u[i] / tr - wk * c[rowK + i];
                }
                if (k < ng1) {
                    v2[v2k + k] += qa;
                }
            }
            e++;
            if (jt + 1 >= times) {
                break;
            }
            r.advance();
        }
        // v(i, j) += sum_k c(i, k) c(j, k) v3(k) + c(i, k) v2(j, k) + c(j, k) v2(i, k), k-outer so that
        // every inner loop runs over contiguous memory (c is symmetric: c(i, k) = c[k * ng + i])
        for (int k = 0; k < ng; k++) {
            int rowK = k * ng;
            int v2k = k * ng1;
            double v3k = v3[k];
            for (int i = 0; i < ng1; i++) {
                double cik = c[rowK + i];
                double v2ik = v2[v2k + i];
                int row = i * ng1;
                for (int j = 0; j <= i; j++) {
                    v[row + j] += cik * (c[rowK + j] * v3k + v2[v2k + j]) + c[rowK + j] * v2ik;
                }
            }
        }
        for (int i = 0; i < ng1; i++) {
            s[i] += st[i];
            for (int j = 0; j <= i; j++) {
                vOut[i * ng1 + j] += v[i * ng1 + j];
                if (i != j) {
                    vOut[j * ng1 + i] += v[i * ng1 + j];
                }
            }
        }
    }

    /**
     * Lower triangle of {@code v} (ng-1 square) += {@code cross} (a X c + c X a) + {@code square}
     * a X a, for a = fb (diag(u) - u u' / tr), X = diag(x) and a symmetric c (ng square; null when
     * {@code cross} is 0). With y = u' X c (one row): (a X c)(i, j) = fb u_i (x_i c_ij - y_j / tr),
     * and (a X a)(i, j) = fb^2 (delta_ij u_i^2 x_i - u_i u_j (u_i x_i + u_j x_j) / tr + u_i u_j S / tr^2)
     * with S = sum_k u_k^2 x_k. O(ng^2).
     */
    private static void productTerms(double[] v, int ng, double[] u, double[] x, double[] c, double fb, double tr,
            double cross, double square, double[] y) {
        int ng1 = ng - 1;
        if (cross != 0) {
            java.util.Arrays.fill(y, 0);
            for (int k = 0; k < ng; k++) {
                double ux = u[k] * x[k];
                if (ux == 0) {
                    continue;
                }
                int row = k * ng;
                for (int j = 0; j < ng; j++) {
                    y[j] += ux * c[row + j];
                }
            }
        }
        double sum = 0;
        for (int k = 0; k < ng; k++) {
            sum += u[k] * u[k] * x[k];
        }
        double fb2 = fb * fb;
        for (int i = 0; i < ng1; i++) {
            double ui = u[i];
            if (ui == 0 && cross == 0) {
                continue;
            }
            int row = i * ng1;
            int crow = i * ng;
            double xi = x[i];
            for (int j = 0; j <= i; j++) {
                double uj = u[j];
                double add = 0;
                if (cross != 0) {
                    double cij = c[crow + j];
                    add += cross * fb * (ui * (xi * cij - y[j] / tr) + uj * (x[j] * cij - y[i] / tr));
                }
                if (square != 0) {
                    add += square * fb2 * (ui * uj * (sum / (tr * tr) - (ui * xi + uj * x[j]) / tr));
                    if (i == j) {
                        add += square * fb2 * ui * ui * xi;
                    }
                }
                v[row + j] += add;
            }
        }
    }
}
