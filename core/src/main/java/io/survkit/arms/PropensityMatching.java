package io.survkit.arms;

import io.survkit.internal.Check;
import io.survkit.internal.Sorting;
import java.util.Arrays;

/**
 * Greedy 1:k nearest-neighbour matching on the logit of the propensity score, without replacement,
 * within a caliper (Austin 2011, "Optimal caliper widths for propensity-score matching when
 * estimating differences in means and differences in proportions in observational studies",
 * Pharmaceutical Statistics 10:150-161).
 *
 * <p><b>Caliper.</b> A treated subject t and a control c may be matched only if
 * {@code |logit(e_t) - logit(e_c)| <= caliper}. By default {@code caliper = 0.2 * SD}, where SD is
 * the sample standard deviation (denominator n - 1) of the logit over all subjects, treated and
 * controls together ({@link #withCaliper(double)} sets the multiple; {@link #withAbsoluteCaliper}
 * a width on the logit scale; {@link #withoutCaliper()} none).
 *
 * <p><b>Order (deterministic).</b> Matching runs in k rounds. In each round the treated subjects
 * are visited by descending propensity score (ties: ascending row index), and each takes the
 * nearest still-unused control on the logit scale, if one lies within the caliper. A treated
 * subject that finds no control in a round takes no further part. Equally distant controls (the
 * nearest below and the nearest above, or several with the same logit) are broken by the smallest
 * row index. So the result depends only on the (treatment, logit) pairs and the row order of ties;
 * with distinct logits, permuting the rows permutes the result.
 *
 * <p><b>Cost.</b> O(n log n): the controls are sorted once by (logit, row) and grouped by distinct
 * logit; each treated subject finds its position by binary search, and the nearest group with an
 * unused control on each side by union-find with path compression over the groups (a used-up group
 * is linked to its neighbour), never by scanning.
 *
 * <p>Defaults ({@link #withDefaults()}): ratio 1 (1:1), caliper 0.2 SD of the logit.
 *
 * <pre>{@code
 * PropensityScoreResult ps = PropensityScore.withDefaults().estimate(data, "Surgery");
 * MatchedSets m = PropensityMatching.withDefaults().withRatio(2).match(ps);
 * int[] cluster = m.setIds();   // -1 for unmatched rows
 * }</pre>
 */
public final class PropensityMatching {
    private static final PropensityMatching DEFAULTS = new PropensityMatching(1, 0.2, false);

    private final int ratio;
    private final double caliper;
    private final boolean absolute;

    private PropensityMatching(int ratio, double caliper, boolean absolute) {
        this.ratio = ratio;
        this.caliper = caliper;
        this.absolute = absolute;
    }

    /**
     * 1:1 matching with a caliper of 0.2 SD of the logit (Austin 2011).
     *
     * @return 1:1 matching with a caliper of 0.2 SD of the logit (Austin 2011)
     */
    public static PropensityMatching withDefaults() {
        return DEFAULTS;
    }

    /**
     * Up to k controls per treated subject (1:k), k >= 1.
     *
     * @param k the k
     * @return up to k controls per treated subject (1:k), k >= 1
     */
    public PropensityMatching withRatio(int k) {
        if (k < 1) {
            throw Check.fail("matching ratio must be >= 1 control per treated subject, got %d", k);
        }
        return new PropensityMatching(k, caliper, absolute);
    }

    /**
     * Caliper as a multiple of the SD of the logit over all subjects (default 0.2); finite and > 0.
     *
     * @param multipleOfSd the multiple of sd
     * @return caliper as a multiple of the SD of the logit over all subjects (default 0.2); finite and > 0
     */
    public PropensityMatching withCaliper(double multipleOfSd) {
        return new PropensityMatching(ratio, Check.positiveFinite("caliper (multiple of SD of the logit)", multipleOfSd),
                false);
    }

    /**
     * Caliper as a width on the logit scale; finite and > 0.
     *
     * @param width the width
     * @return caliper as a width on the logit scale; finite and > 0
     */
    public PropensityMatching withAbsoluteCaliper(double width) {
        return new PropensityMatching(ratio, Check.positiveFinite("caliper width on the logit scale", width), true);
    }

    /**
     * No caliper: every treated subject takes the nearest unused controls, however far.
     *
     * @return no caliper: every treated subject takes the nearest unused controls, however far
     */
    public PropensityMatching withoutCaliper() {
        return new PropensityMatching(ratio, Double.POSITIVE_INFINITY, true);
    }

    /**
     * Controls per treated subject.
     *
     * @return controls per treated subject
     */
    public int ratio() {
        return ratio;
    }

    /**
     * Matches on the scores' logits.
     *
     * @param scores the scores
     * @return matches on the scores' logits
     */
    public MatchedSets match(PropensityScoreResult scores) {
        Check.notNull("propensity scores", scores);
        return match(scores.treated(), scores.logits());
    }

    /**
     * Matches on {@code logit[i]} (finite), {@code treated[i]} for row i.
     *
     * @param treated the treated
     * @param logit the logit
     * @return matches on {@code logit[i]} (finite), {@code treated[i]} for row i
     */
    public MatchedSets match(boolean[] treated, double[] logit) {
        Check.notNull("treated", treated);
        Check.notNull("logit", logit);
        int n = treated.length;
        if (logit.length != n) {
            throw Check.fail("treated has %d entries but logit has %d", n, logit.length);
        }
        int nt = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(logit[i])) {
                throw Check.fail("logit, row %d: %s is not finite", i + 1, logit[i]);
            }
            if (treated[i]) {
                nt++;
            }
        }
        int nc = n - nt;
        double sd = sd(logit);
        double width = absolute ? caliper : caliper * sd;
        if (!absolute && !(width > 0)) {
            width = 0; // all logits equal: only exact matches
        }

        // treated by descending logit, ties by row
        int[] tRows = new int[nt];
        double[] tKey = new double[nt];
        int[] cRows = new int[nc];
        double[] cKey = new double[nc];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i]) {
                tRows[a] = i;
                tKey[a++] = -logit[i];
            } else {
                cRows[b] = i;
                cKey[b++] = logit[i];
            }
        }
        int[] tOrder = sortedRows(tKey, tRows);
        int[] cOrder = sortedRows(cKey, cRows);
        // controls grouped by distinct logit: group g holds sorted positions [gStart[g], gStart[g+1])
        double[] gValue = new double[nc];
        int[] gStart = new int[nc + 1];
        int groups = 0;
        for (int k = 0; k < nc; k++) {
            double v = logit[cOrder[k]];
            if (k == 0 || v != gValue[groups - 1]) {
                gValue[groups] = v;
                gStart[groups++] = k;
            }
        }
        gStart[groups] = nc;
        int[] head = Arrays.copyOf(gStart, groups);
        // union-find "next available group": right[g] for >= g (groups = none), left[g + 1] for <= g (0 = none)
        int[] right = new int[groups + 1];
        int[] left = new int[groups + 1];
        for (int g = 0; g <= groups; g++) {
            right[g] = g;
            left[g] = g;
        }

        int[] setOf = new int[n];
        Arrays.fill(setOf, -1);
        int[] setTreated = new int[nt];
        int[] setSize = new int[nt];
        if ((long) nt * ratio > Integer.MAX_VALUE - 8) {
            throw Check.fail("ratio %d with %d treated subjects is too large; use a smaller ratio", ratio, nt);
        }
        int[] flat = new int[nt * ratio];
        int sets = 0;
        int[] setOfTreatedRank = new int[nt]; // set of the treated at rank r, -1 = dropped
        Arrays.fill(setOfTreatedRank, -2); // -2 = not yet tried
        int matchedControls = 0;
        for (int round = 0; round < ratio; round++) {
            for (int r = 0; r < nt; r++) {
                if (round > 0 && setOfTreatedRank[r] < 0) {
                    continue;
                }
                if (round > 0 && setSize[setOfTreatedRank[r]] < round) {
                    continue; // found nothing in an earlier round
                }
                int t = tOrder[r];
                double x = logit[t];
                int pos = lowerBound(gValue, groups, x);
                int gr = find(right, pos);
                int gl = find(left, pos) - 1; // left[] is shifted by one: index g+1 stands for group g
                double dr = gr < groups ? gValue[gr] - x : Double.POSITIVE_INFINITY;
                double dl = gl >= 0 ? x - gValue[gl] : Double.POSITIVE_INFINITY;
                int g;
                if (dr < dl) {
                    g = gr;
                } else if (dl < dr) {
                    g = gl;
                } else if (gr < groups) {
                    g = gl >= 0 && cOrder[head[gl]] < cOrder[head[gr]] ? gl : gr;
                } else {
                    g = -1;
                }
                double d = g < 0 ? Double.POSITIVE_INFINITY : g == gr ? dr : dl;
                if (g < 0 || !(d <= width)) {
                    if (round == 0) {
                        setOfTreatedRank[r] = -1;
                    }
                    continue;
                }
                int c = cOrder[head[g]++];
                if (head[g] == gStart[g + 1]) {
                    right[g] = g + 1;
                    left[g + 1] = g;
                }
                int s;
                if (round == 0) {
                    s = sets++;
                    setOfTreatedRank[r] = s;
                    setTreated[s] = t;
                    setOf[t] = s;
                } else {
                    s = setOfTreatedRank[r];
                }
                flat[s * ratio + setSize[s]++] = c;
                setOf[c] = s;
                matchedControls++;
            }
        }
        // compressed sets: controls of set s are controls[start[s] .. start[s+1])
        int[] treatedOut = Arrays.copyOf(setTreated, sets);
        int[] start = new int[sets + 1];
        int[] controls = new int[matchedControls];
        for (int s = 0; s < sets; s++) {
            start[s + 1] = start[s] + setSize[s];
            System.arraycopy(flat, s * ratio, controls, start[s], setSize[s]);
        }
        return new MatchedSets(n, nt, nc, treatedOut, start, controls, setOf, ratio, width,
                absolute ? Double.NaN : caliper, sd);
    }

    /** Sample standard deviation (denominator n - 1) of the values; 0 for fewer than 2. */
    static double sd(double[] v) {
        int n = v.length;
        if (n < 2) {
            return 0;
        }
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= n;
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (n - 1));
    }

    /** Rows sorted by key ascending, ties by row ascending. */
    private static int[] sortedRows(double[] key, int[] rows) {
        int[] ord = Sorting.order(key);
        int m = ord.length;
        int[] out = new int[m];
        for (int k = 0; k < m; k++) {
            out[k] = rows[ord[k]];
        }
        int i = 0;
        while (i < m) {
            int j = i + 1;
            while (j < m && key[ord[j]] == key[ord[i]]) {
                j++;
            }
            if (j - i > 1) {
                Arrays.sort(out, i, j);
            }
            i = j;
        }
        return out;
    }

    /** First index g in [0, m) with {@code values[g] >= x}, or m. */
    private static int lowerBound(double[] values, int m, double x) {
        int lo = 0;
        int hi = m;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Union-find root with path halving. */
    private static int find(int[] parent, int g) {
        while (parent[g] != g) {
            parent[g] = parent[parent[g]];
            g = parent[g];
        }
        return g;
    }
}
