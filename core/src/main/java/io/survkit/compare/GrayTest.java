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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("cr_synth.csv")).time("time").causes("status", "0").read();
 * GrayTestResult gray = GrayTest.withDefaults().test(d);
 * double p1 = gray.pValue(0);   // cause "1"
 * }</pre>
 */
public final class GrayTest {
    private static final Logger LOG = LoggerFactory.getLogger(GrayTest.class);
    /** Progress of a long test is logged at INFO at most this often. */
    private static final long PROGRESS_NANOS = 5_000_000_000L;

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
        for (int c = 1; c <= causeCount; c++) {
            if (eventsOf[c] == 0) {
                continue;
            }
            double[] s = new double[ng1];
            double[] v = new double[ng1 * ng1];
            for (int b = 0; b < nst; b++) {
                if (times[b] > 0) {
                    stratum(counts[b], times[b], c, sc, ng, rho, s, v, w);
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
        return new GrayTestResult(groups, causes, codeArray, stat, p, ng1, scores, variances, singular, rho);
    }

    /** What to do instead of a K-sample test of very many groups (used in messages). */
    public static final String UNWISE_ADVICE = "a K-sample test with that many groups has little power and a poor chi-square"
            + " approximation; compare chosen groups, group the levels, or model a covariate (FineGray)";

    /**
     * Bytes Gray's test holds at once for {@code ng} groups: the per-stratum work matrices a, c and
     * v2 (ng^2 each) and v (ng-1)^2, each cause's (ng-1)^2 variance and its copy for the solve, and
     * the per-time counts of the merge (at most n times x ng x (causes + 1) ints).
     *
     * @param ng the ng
     * @param causes the causes
     * @param n the count
     * @return bytes Gray's test holds at once for {@code ng} groups: the per-stratum work matrices a, c and v2 (ng^2 each) and v (ng-1)^2, each cause's (ng-1)^2 variance and its copy for the solve, and the per-time counts of the merge (at most n times x ng x (causes + 1) ints)
     */
    public static long workBytes(int ng, int causes, int n) {
        double sq = (double) ng * ng;
        return io.survkit.internal.Memory.doubles(3 * sq + sq + 2.0 * causes * sq) + 4L * Math.min(Long.MAX_VALUE / 8,
                (long) n * ng * (causes + 1));
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
        final double[] a;
        final double[] v3;
        final double[] v2;
        final double[] rs;
        final double[] d;
        final double[] vs;
        /** Column k of a - t4 c (a and c are symmetric, so row k, contiguous), first ng - 1 entries. */
        final double[] m;

        Work(int ng) {
            m = new double[Math.max(1, ng - 1)];
            f1m = new double[ng];
            f1 = new double[ng];
            skmm = new double[ng];
            skm = new double[ng];
            c = new double[ng * ng];
            a = new double[ng * ng];
            v3 = new double[ng];
            v2 = new double[ng * (ng - 1)]; // transposed: v2[k * (ng - 1) + i] is cmprsk's v2(i, k)
            rs = new double[ng];
            d = new double[3 * ng];
            vs = new double[(ng - 1) * (ng - 1)];
        }
    }

    /** Lower triangle of {@code v} (ng1 x ng1, row-major) += t m m'. Contiguous inner loop. */
    private static void rankOneLower(double[] v, int ng1, double[] m, double t) {
        for (int i = 0; i < ng1; i++) {
            double ti = m[i] * t;
            if (ti == 0) {
                continue;
            }
            int row = i * ng1;
            for (int j = 0; j <= i; j++) {
                v[row + j] += ti * m[j];
            }
        }
    }

    /**
     * Adds one stratum's scores and variance (cmprsk {@code crst}, Gray 1988 section 2) to
     * {@code s} and {@code vOut} (full (ng-1)^2 matrix, row-major). {@code counts} holds per
     * distinct time (ascending) the rows of each group and status ({@code g * sc + status}); the
     * cause tested is {@code cause}, every other cause is a competing event.
     */
    private static void stratum(int[] counts, int times, int cause, int sc, int ng, double rho, double[] s,
            double[] vOut, Work w) {
        int ng1 = ng - 1;
        double[] rs = w.rs;
        double[] f1m = w.f1m;
        double[] f1 = w.f1;
        double[] skmm = w.skmm;
        double[] skm = w.skm;
        double[] c = w.c;
        double[] a = w.a;
        double[] v3 = w.v3;
        double[] v2 = w.v2;
        double[] d = w.d;
        double[] v = w.vs;
        java.util.Arrays.fill(rs, 0);
        java.util.Arrays.fill(v, 0);
        for (int j = 0; j < times; j++) {
            for (int gi = 0; gi < ng; gi++) {
                for (int k = 0; k < sc; k++) {
                    rs[gi] += counts[j * ng * sc + gi * sc + k];
                }
            }
        }
        double[] st = new double[ng1];
        for (int i = 0; i < ng; i++) {
            f1m[i] = 0;
            f1[i] = 0;
            skmm[i] = 1;
            skm[i] = 1;
            v3[i] = 0;
        }
        java.util.Arrays.fill(v2, 0);
        java.util.Arrays.fill(c, 0);
        double fm = 0;
        double f = 0;
        long started = System.nanoTime();
        long nextLog = started + PROGRESS_NANOS;
        for (int jt = 0; jt < times; jt++) {
            if ((jt & 63) == 63) {
                long now = System.nanoTime();
                if (now >= nextLog) {
                    nextLog = now + PROGRESS_NANOS;
                    LOG.info("Gray's test, cause {}: time {} of {} ({} groups), {} s", cause, jt + 1, times, ng,
                            (now - started) / 1_000_000_000L);
                }
            }
            java.util.Arrays.fill(d, 0);
            int row = jt * ng * sc;
            for (int gi = 0; gi < ng; gi++) {
                for (int k = 0; k < sc; k++) {
                    int cnt = counts[row + gi * sc + k];
                    d[(k == 0 ? 0 : k == cause ? 1 : 2) * ng + gi] += cnt;
                }
            }
            double nd1 = 0;
            double nd2 = 0;
            for (int i = 0; i < ng; i++) {
                nd1 += d[ng + i];
                nd2 += d[2 * ng + i];
            }
            if (nd1 != 0 || nd2 != 0) {
                double tr = 0;
                double tq = 0;
                for (int i = 0; i < ng; i++) {
                    if (rs[i] <= 0) {
                        continue;
                    }
                    double td = d[ng + i] + d[2 * ng + i];
                    // skmm / f1m left-continuous, skm / f1 right-continuous KM and CIF of group i
                    skm[i] = skmm[i] * (rs[i] - td) / rs[i];
                    f1[i] = f1m[i] + (skmm[i] * d[ng + i]) / rs[i];
                    tr = tr + rs[i] / skmm[i];
                    tq = tq + rs[i] * (1 - f1m[i]) / skmm[i];
                }
                f = fm + nd1 / tr;
                double fb = Math.pow(1 - fm, rho);
                for (int i = 0; i < ng; i++) {
                    for (int j = i; j < ng; j++) {
                        a[i * ng + j] = 0;
                    }
                    if (rs[i] <= 0) {
                        continue;
                    }
                    double t1 = rs[i] / skmm[i];
                    a[i * ng + i] = fb * t1 * (1 - t1 / tr);
                    c[i * ng + i] = c[i * ng + i] + a[i * ng + i] * nd1 / (tr * (1 - fm));
                    for (int j = i + 1; j < ng; j++) {
                        if (rs[j] <= 0) {
                            continue;
                        }
                        a[i * ng + j] = -fb * t1 * rs[j] / (skmm[j] * tr);
                        c[i * ng + j] = c[i * ng + j] + a[i * ng + j] * nd1 / (tr * (1 - fm));
                    }
                }
                for (int i = 1; i < ng; i++) {
                    for (int j = 0; j < i; j++) {
                        a[i * ng + j] = a[j * ng + i];
                        c[i * ng + j] = c[j * ng + i];
                    }
                }
                for (int i = 0; i < ng1; i++) {
                    if (rs[i] <= 0) {
                        continue;
                    }
                    st[i] = st[i] + fb * (d[ng + i] - nd1 * rs[i] * (1 - f1m[i]) / (skmm[i] * tq));
                }
                if (nd1 > 0) {
                    double[] mk = w.m;
                    for (int k = 0; k < ng; k++) {
                        if (rs[k] <= 0) {
                            continue;
                        }
                        double t4 = 1;
                        if (skm[k] > 0) {
                            t4 = 1 - (1 - f) / skm[k];
                        }
                        double t5 = 1;
                        if (nd1 > 1) {
                            t5 = 1 - (nd1 - 1) / (tr * skmm[k] - 1);
                        }
                        double t3 = t5 * skmm[k] * nd1 / (tr * rs[k]);
                        v3[k] = v3[k] + t4 * t4 * t3;
                        // a and c are symmetric: their column k is their row k (contiguous)
                        int rowK = k * ng;
                        int v2k = k * ng1;
                        for (int i = 0; i < ng1; i++) {
                            double t1 = a[rowK + i] - t4 * c[rowK + i];
                            mk[i] = t1;
                            v2[v2k + i] += t1 * t4 * t3;
                        }
                        rankOneLower(v, ng1, mk, t3);
                    }
                }
                if (nd2 != 0) {
                    double[] mk = w.m;
                    for (int k = 0; k < ng; k++) {
                        double d2 = d[2 * ng + k];
                        if (skm[k] <= 0 || d2 <= 0) {
                            continue;
                        }
                        double t4 = (1 - f) / skm[k];
                        double t5 = 1;
                        if (d2 > 1) {
                            t5 = 1 - (d2 - 1) / (rs[k] - 1);
                        }
                        double t3 = t5 * ((skmm[k] * skmm[k]) * d2) / (rs[k] * rs[k]);
                        v3[k] = v3[k] + t4 * t4 * t3;
                        int rowK = k * ng;
                        int v2k = k * ng1;
                        for (int i = 0; i < ng1; i++) {
                            double t1 = t4 * c[rowK + i];
                            mk[i] = t1;
                            v2[v2k + i] -= t1 * t4 * t3;
                        }
                        rankOneLower(v, ng1, mk, t3);
                    }
                }
            }
            if (jt + 1 >= times) {
                break;
            }
            for (int gi = 0; gi < ng; gi++) {
                rs[gi] -= d[gi] + d[ng + gi] + d[2 * ng + gi];
            }
            fm = f;
            for (int i = 0; i < ng; i++) {
                f1m[i] = f1[i];
                skmm[i] = skm[i];
            }
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
}
