package io.survkit.validation;

import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;

/**
 * The result of a {@link Concordance}: R's {@code concordance} object ({@code concordance},
 * {@code sqrt(var)}, {@code count}, {@code n}).
 */
public final class ConcordanceResult implements Exportable {
    private static final String[] COUNT_NAMES = {"concordant", "discordant", "tied.x", "tied.y", "tied.xy"};
    private final TimeWeight timeWeight;
    private final Direction direction;
    private final int n;
    private final int omitted;
    private final double concordance;
    private final double standardError;
    private final PairCounts counts;
    private final List<String> strata;
    private final PairCounts[] byStratum;

    ConcordanceResult(Concordance procedure, int n, int omitted, double concordance, double standardError,
            PairCounts counts, List<String> strata, PairCounts[] byStratum) {
        this.timeWeight = procedure.timeWeight();
        this.direction = procedure.direction();
        this.n = n;
        this.omitted = omitted;
        this.concordance = concordance;
        this.standardError = standardError;
        this.counts = counts;
        this.strata = strata;
        this.byStratum = byStratum.clone();
    }

    /** {@return the concordance (R {@code fit$concordance})} */
    public double concordance() {
        return concordance;
    }

    /** {@return its infinitesimal-jackknife standard error (R {@code sqrt(fit$var)})} */
    public double standardError() {
        return standardError;
    }

    /** {@return pair counts summed over strata (R {@code fit$count})} */
    public PairCounts counts() {
        return counts;
    }

    /** {@return rows used (R {@code fit$n})} */
    public int size() {
        return n;
    }

    /** {@return rows left out for a missing value (data and predictor)} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return stratum labels ({@code "celltype=adeno"}) in level order; empty without strata} */
    public List<String> strata() {
        return strata;
    }

    /**
     * Pair counts of stratum {@code s} (index into {@link #strata()}).
     *
     * @param s the 0-based stratum index
     * @return pair counts of stratum {@code s} (index into {@link #strata()})
     */
    public PairCounts counts(int s) {
        return byStratum[s];
    }

    /** {@return the time weighting used} */
    public TimeWeight timeWeight() {
        return timeWeight;
    }

    /** {@return the direction used} */
    public Direction direction() {
        return direction;
    }

    /** As R's {@code print(concordance(...))} (without the call). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("n=");
        if (omitted > 0) {
            sb.append(n).append(" (").append(omitted).append(omitted == 1 ? " observation" : " observations")
                    .append(" deleted due to missingness)\n");
        } else {
            sb.append(' ').append(n).append(" \n");
        }
        sb.append("Concordance= ").append(RFormat.signif(concordance, 4)).append(" se= ")
                .append(RFormat.signif(standardError, 4)).append('\n');
        if (strata.isEmpty()) {
            countTable(sb, new PairCounts[] {counts}, false);
        } else {
            countTable(sb, byStratum, true);
        }
        return sb.toString();
    }

    /**
     * R's {@code print(round(count, 2))}: a named vector (one common width, trailing space) or,
     * with strata, a matrix with rows {@code [1,]}, {@code [2,]}, ... (a width per column).
     */
    private static void countTable(StringBuilder sb, PairCounts[] c, boolean matrix) {
        int rows = c.length;
        String[][] cells = new String[5][rows];
        int[] width = new int[5];
        int common = 0;
        for (int j = 0; j < 5; j++) {
            double[] col = new double[rows];
            for (int i = 0; i < rows; i++) {
                double v = new double[] {c[i].concordant(), c[i].discordant(), c[i].tiedRisk(), c[i].tiedTime(),
                    c[i].tiedBoth()}[j];
                col[i] = RFormat.round(v, 2);
            }
            int dec = RFormat.decimals(7, 2, col);
            width[j] = COUNT_NAMES[j].length();
            for (int i = 0; i < rows; i++) {
                cells[j][i] = RFormat.fixed(col[i], dec);
                width[j] = Math.max(width[j], cells[j][i].length());
            }
            common = Math.max(common, width[j]);
        }
        if (!matrix) {
            for (int j = 0; j < 5; j++) {
                sb.append(RFormat.pad(COUNT_NAMES[j], common)).append(' ');
            }
            sb.append('\n');
            for (int j = 0; j < 5; j++) {
                sb.append(RFormat.pad(cells[j][0], common)).append(' ');
            }
            sb.append('\n');
            return;
        }
        int rowWidth = ("[" + rows + ",]").length();
        sb.append(RFormat.padRight("", rowWidth));
        for (int j = 0; j < 5; j++) {
            sb.append(' ').append(RFormat.pad(COUNT_NAMES[j], width[j]));
        }
        sb.append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(RFormat.padRight("[" + (i + 1) + ",]", rowWidth));
            for (int j = 0; j < 5; j++) {
                sb.append(' ').append(RFormat.pad(cells[j][i], width[j]));
            }
            sb.append('\n');
        }
    }

    /**
     * Tidy rows: one per stratum (stratum {@code "all"} without strata) with the five counts, then the
     * concordance and its standard error on every row (they are over all strata).
     */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().textColumn("stratum").numberColumn("concordant").numberColumn("discordant")
                .numberColumn("tiedRisk").numberColumn("tiedTime").numberColumn("tiedBoth").numberColumn("concordance")
                .numberColumn("se");
        int rows = strata.isEmpty() ? 1 : strata.size();
        for (int s = 0; s < rows; s++) {
            PairCounts c = strata.isEmpty() ? counts : byStratum[s];
            b.text(strata.isEmpty() ? "all" : strata.get(s)).number(c.concordant()).number(c.discordant())
                    .number(c.tiedRisk()).number(c.tiedTime()).number(c.tiedBoth()).number(concordance)
                    .number(standardError);
        }
        return b.build();
    }

    /** JSON with the oracle's {@code concordance} result fields. */
    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out).beginObject();
        w.name("nOmitted").value(omitted).name("n").value(n);
        w.name("concordance").value(concordance).name("se").value(standardError);
        w.name("count");
        counts(w, counts);
        w.name("countByStratum");
        if (strata.isEmpty()) {
            w.nullValue();
        } else {
            w.beginArray();
            for (int s = 0; s < strata.size(); s++) {
                w.beginObject().name("stratum").value(strata.get(s));
                fields(w, byStratum[s]);
                w.endObject();
            }
            w.endArray();
        }
        w.endObject();
    }

    private static void counts(JsonWriter w, PairCounts c) {
        w.beginObject();
        fields(w, c);
        w.endObject();
    }

    private static void fields(JsonWriter w, PairCounts c) {
        w.name("concordant").value(c.concordant()).name("discordant").value(c.discordant())
                .name("tiedRisk").value(c.tiedRisk()).name("tiedTime").value(c.tiedTime())
                .name("tiedBoth").value(c.tiedBoth());
    }
}
