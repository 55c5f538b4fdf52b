package io.survkit.arms;

import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import java.util.Arrays;
import java.util.Locale;

/**
 * The result of {@link PropensityMatching}: matched sets, each one treated row and its 1..k control
 * rows (0-based row indices of the input), numbered 0, 1, ... in the order they were formed (by
 * descending propensity score of the treated). {@link #setIds()} gives each row its set number, or
 * -1 when unmatched: use it as the cluster of a post-match Cox model (SE clustered on the pair).
 */
public final class MatchedSets {
    private final int n;
    private final int nTreated;
    private final int nControl;
    private final int[] treatedRow;
    private final int[] start;
    private final int[] controls;
    private final int[] setOf;
    private final int ratio;
    private final double caliperWidth;
    private final double caliperSd;
    private final double sdLogit;

    MatchedSets(int n, int nTreated, int nControl, int[] treatedRow, int[] start, int[] controls, int[] setOf,
            int ratio, double caliperWidth, double caliperSd, double sdLogit) {
        this.n = n;
        this.nTreated = nTreated;
        this.nControl = nControl;
        this.treatedRow = treatedRow;
        this.start = start;
        this.controls = controls;
        this.setOf = setOf;
        this.ratio = ratio;
        this.caliperWidth = caliperWidth;
        this.caliperSd = caliperSd;
        this.sdLogit = sdLogit;
    }

    /**
     * Number of input rows.
     *
     * @return number of input rows
     */
    public int size() {
        return n;
    }

    /**
     * Number of matched sets (= matched treated subjects).
     *
     * @return number of matched sets (= matched treated subjects)
     */
    public int setCount() {
        return treatedRow.length;
    }

    /**
     * The treated row of set s.
     *
     * @param s the s
     * @return the treated row of set s
     */
    public int treatedRow(int s) {
        return treatedRow[s];
    }

    /**
     * The control rows of set s, in the order they were matched (nearest first).
     *
     * @param s the s
     * @return the control rows of set s, in the order they were matched (nearest first)
     */
    public int[] controlRows(int s) {
        return Arrays.copyOfRange(controls, start[s], start[s + 1]);
    }

    /**
     * Set number of row i, or -1 when the row is unmatched.
     *
     * @param i the i
     * @return set number of row i, or -1 when the row is unmatched
     */
    public int setId(int i) {
        return setOf[i];
    }

    /**
     * Set number of every row, -1 = unmatched (a cluster id for the matched rows).
     *
     * @return set number of every row, -1 = unmatched (a cluster id for the matched rows)
     */
    public int[] setIds() {
        return setOf.clone();
    }

    /**
     * The matched rows (treated and controls), ascending.
     *
     * @return the matched rows (treated and controls), ascending
     */
    public int[] matchedRows() {
        int[] out = new int[treatedRow.length + controls.length];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (setOf[i] >= 0) {
                out[k++] = i;
            }
        }
        return out;
    }

    /**
     * The matched rows of {@code data} (the data the scores were estimated on, same rows), in
     * ascending row order; pair it with {@link #setIds()} of {@link #matchedRows()} as the cluster.
     *
     * @param data the data
     * @return the matched rows of {@code data} (the data the scores were estimated on, same rows), in ascending row order; pair it with {@link #setIds()} of {@link #matchedRows()} as the cluster
     */
    public SurvivalData matchedData(SurvivalData data) {
        Check.notNull("data", data);
        if (data.rowCount() != n) {
            throw Check.fail("the data have %d rows but the matching was done on %d", data.rowCount(), n);
        }
        return data.rows(matchedRows());
    }

    /**
     * Matching weights: 1 for a matched treated row, 1 / (controls in its set) for a matched control
     * (so each set weighs as much as its treated subject; MatchIt's weights up to a constant), 0 for
     * unmatched rows. With 1:1 matching, 1 for every matched row.
     *
     * @return matching weights: 1 for a matched treated row, 1 / (controls in its set) for a matched control (so each set weighs as much as its treated subject; MatchIt's weights up to a constant), 0 for unmatched rows
     */
    public double[] weights() {
        double[] w = new double[n];
        for (int s = 0; s < treatedRow.length; s++) {
            w[treatedRow[s]] = 1;
            int m = start[s + 1] - start[s];
            for (int k = start[s]; k < start[s + 1]; k++) {
                w[controls[k]] = 1.0 / m;
            }
        }
        return w;
    }

    /**
     * Treated subjects in the input.
     *
     * @return treated subjects in the input
     */
    public int treatedCount() {
        return nTreated;
    }

    /**
     * Controls in the input.
     *
     * @return controls in the input
     */
    public int controlCount() {
        return nControl;
    }

    /**
     * Treated subjects with at least one control.
     *
     * @return treated subjects with at least one control
     */
    public int matchedTreatedCount() {
        return treatedRow.length;
    }

    /**
     * Controls used in some set.
     *
     * @return controls used in some set
     */
    public int matchedControlCount() {
        return controls.length;
    }

    /**
     * Treated subjects left without a control (none within the caliper).
     *
     * @return treated subjects left without a control (none within the caliper)
     */
    public int unmatchedTreatedCount() {
        return nTreated - treatedRow.length;
    }

    /**
     * Controls not used.
     *
     * @return controls not used
     */
    public int unmatchedControlCount() {
        return nControl - controls.length;
    }

    /**
     * Requested controls per treated subject (k of 1:k).
     *
     * @return requested controls per treated subject (k of 1:k)
     */
    public int ratio() {
        return ratio;
    }

    /**
     * Caliper width on the logit scale (infinite without a caliper).
     *
     * @return caliper width on the logit scale (infinite without a caliper)
     */
    public double caliperWidth() {
        return caliperWidth;
    }

    /** @return the caliper as a multiple of the SD of the logit; empty when given as an absolute width or none */
    public java.util.OptionalDouble caliperInSd() {
        return Double.isNaN(caliperSd) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(caliperSd);
    }

    /**
     * Standard deviation of the logit over all subjects (denominator n - 1).
     *
     * @return standard deviation of the logit over all subjects (denominator n - 1)
     */
    public double logitStandardDeviation() {
        return sdLogit;
    }

    /**
     * A short summary: method, caliper, matched and unmatched counts.
     *
     * @return a short summary: method, caliper, matched and unmatched counts
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Greedy 1:%d nearest-neighbour matching on the logit of the propensity"
                + " score, without replacement%n", ratio));
        if (Double.isInfinite(caliperWidth)) {
            sb.append("caliper: none\n");
        } else if (Double.isNaN(caliperSd)) {
            sb.append("caliper: ").append(sig4(caliperWidth)).append(" on the logit scale\n");
        } else {
            sb.append("caliper: ").append(sig4(caliperSd)).append(" SD of the logit = ").append(sig4(caliperWidth))
                    .append(" (SD ").append(sig4(sdLogit)).append(")\n");
        }
        sb.append(String.format(Locale.ROOT, "%-10s %8s %8s %10s%n", "", "all", "matched", "unmatched"));
        sb.append(String.format(Locale.ROOT, "%-10s %8d %8d %10d%n", "treated", nTreated, matchedTreatedCount(),
                unmatchedTreatedCount()));
        sb.append(String.format(Locale.ROOT, "%-10s %8d %8d %10d%n", "control", nControl, matchedControlCount(),
                unmatchedControlCount()));
        sb.append(String.format(Locale.ROOT, "matched sets: %d%n", setCount()));
        return sb.toString();
    }

    /** 4 significant digits, trailing zeros dropped. */
    private static String sig4(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
