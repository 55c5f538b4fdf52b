package io.survkit.arms;

import java.util.List;
import java.util.Locale;

/**
 * Standardized mean differences per model column, before and (optionally) after matching or
 * weighting; see {@link Balance} for the formulas. Index j follows {@link #terms()}.
 */
public final class BalanceResult {
    /** What the "after" columns describe. */
    public enum Adjustment {
        /** No adjustment: only "before". */
        NONE,
        /** After propensity-score matching (matching weights). */
        MATCHED,
        /** After inverse-probability weighting. */
        WEIGHTED
    }

    private static final int MT = 0;
    private static final int MC = 1;
    private static final int SMD = 4;

    private final String[] terms;
    private final double[][] before;
    private final double[][] after;
    private final Adjustment adjustment;
    private final int nTreated;
    private final int nControl;
    private final double wTreated;
    private final double wControl;

    BalanceResult(String[] terms, double[][] before, double[][] after, Adjustment adjustment, int nTreated,
            int nControl, double wTreated, double wControl) {
        this.terms = terms;
        this.before = before;
        this.after = after;
        this.adjustment = adjustment;
        this.nTreated = nTreated;
        this.nControl = nControl;
        this.wTreated = wTreated;
        this.wControl = wControl;
    }

    /**
     * Model-column names ({@code age}, {@code sexFemale}, ...).
     *
     * @return model-column names ({@code age}, {@code sexFemale}, ...)
     */
    public List<String> terms() {
        return List.of(terms);
    }

    /**
     * Number of rows (terms).
     *
     * @return number of rows (terms)
     */
    public int size() {
        return terms.length;
    }

    /**
     * What "after" means.
     *
     * @return what "after" means
     */
    public Adjustment adjustment() {
        return adjustment;
    }

    /**
     * SMD of each column before adjustment.
     *
     * @return the SMD of each column before adjustment
     */
    public double[] smdBefore() {
        return column(before, SMD);
    }

    /** @return the SMD of each column after adjustment; empty with {@link Adjustment#NONE} */
    public java.util.Optional<double[]> smdAfter() {
        return after == null ? java.util.Optional.empty() : java.util.Optional.of(column(after, SMD));
    }

    /**
     * Treated mean of each column before adjustment.
     *
     * @return treated mean of each column before adjustment
     */
    public double[] meanTreatedBefore() {
        return column(before, MT);
    }

    /**
     * Control mean of each column before adjustment.
     *
     * @return control mean of each column before adjustment
     */
    public double[] meanControlBefore() {
        return column(before, MC);
    }

    /** @return the weighted treated mean after adjustment; empty with {@link Adjustment#NONE} */
    public java.util.Optional<double[]> meanTreatedAfter() {
        return after == null ? java.util.Optional.empty() : java.util.Optional.of(column(after, MT));
    }

    /** @return the weighted control mean after adjustment; empty with {@link Adjustment#NONE} */
    public java.util.Optional<double[]> meanControlAfter() {
        return after == null ? java.util.Optional.empty() : java.util.Optional.of(column(after, MC));
    }

    /**
     * Largest |SMD| before adjustment (NaN entries ignored).
     *
     * @return largest |SMD| before adjustment (NaN entries ignored)
     */
    public double maxAbsoluteSmdBefore() {
        return maxAbs(before);
    }

    /** @return the largest |SMD| after adjustment (NaN entries ignored); empty with {@link Adjustment#NONE} */
    public java.util.OptionalDouble maxAbsoluteSmdAfter() {
        return after == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(maxAbs(after));
    }

    private static double maxAbs(double[][] s) {
        double m = 0;
        for (double[] r : s) {
            if (!Double.isNaN(r[SMD])) {
                m = Math.max(m, Math.abs(r[SMD]));
            }
        }
        return m;
    }

    private static double[] column(double[][] s, int k) {
        double[] out = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            out[j] = s[j][k];
        }
        return out;
    }

    /**
     * The table: means by arm and SMD, before and after.
     *
     * @return the table: means by arm and SMD, before and after
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String what = adjustment == Adjustment.MATCHED ? "matched" : adjustment == Adjustment.WEIGHTED ? "weighted" : "";
        sb.append("Covariate balance (standardized mean differences)");
        sb.append(String.format(Locale.ROOT, ": treated %d, control %d", nTreated, nControl));
        if (after != null) {
            sb.append(String.format(Locale.ROOT, "; %s: treated weight %.6g, control weight %.6g", what, wTreated,
                    wControl));
        }
        sb.append('\n');
        int w = 4;
        for (String t : terms) {
            w = Math.max(w, t.length());
        }
        String head = String.format(Locale.ROOT, "%-" + w + "s %12s %12s %9s", "term", "mean treated", "mean control",
                "SMD");
        if (after != null) {
            head += String.format(Locale.ROOT, " %12s %12s %12s", "treated (" + what.charAt(0) + ")",
                    "control (" + what.charAt(0) + ")", "SMD " + what);
        }
        sb.append(head.stripTrailing()).append('\n');
        for (int j = 0; j < terms.length; j++) {
            String line = String.format(Locale.ROOT, "%-" + w + "s %12.4g %12.4g %9.4f", terms[j], before[j][MT],
                    before[j][MC], before[j][SMD]);
            if (after != null) {
                line += String.format(Locale.ROOT, " %12.4g %12.4g %12.4f", after[j][MT], after[j][MC], after[j][SMD]);
            }
            sb.append(line).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "max |SMD| before %.4f", maxAbsoluteSmdBefore()));
        if (after != null) {
            sb.append(String.format(Locale.ROOT, ", %s %.4f", what, maxAbsoluteSmdAfter().getAsDouble()));
        }
        sb.append('\n');
        return sb.toString();
    }

    /**
     * @return one row per model column: its name, the means by arm and the SMD before adjustment, and
     *     after it when there is an adjustment
     */
    public io.survkit.table.Table table() {
        io.survkit.table.Table.Builder b = io.survkit.table.Table.builder().textColumn("term")
                .numberColumn("meanTreatedBefore").numberColumn("meanControlBefore").numberColumn("smdBefore");
        if (after != null) {
            b.numberColumn("meanTreatedAfter").numberColumn("meanControlAfter").numberColumn("smdAfter");
        }
        List<String> t = terms();
        double[] tb = meanTreatedBefore();
        double[] cb = meanControlBefore();
        double[] sb = smdBefore();
        for (int j = 0; j < t.size(); j++) {
            b.text(t.get(j)).number(tb[j]).number(cb[j]).number(sb[j]);
            if (after != null) {
                b.number(after[j][MT]).number(after[j][MC]).number(after[j][SMD]);
            }
        }
        return b.build();
    }
}
