package io.survkit.compare;

import io.survkit.internal.JsonWriter;
import io.survkit.table.Table;
import java.util.List;
import java.util.Locale;

/**
 * JSON and tidy tables of this package's results, with the field names of the R oracle
 * ({@code shared/oracle/README.md}, section {@code logrank}) and of the R-derived references
 * ({@code reference/logrank_reference.json}: trend and pairwise; {@code reference/crr_cr_synth.json}:
 * Gray's test), so that the library, the CLI and R's reference files speak one vocabulary.
 */
final class Exports {
    private Exports() {
    }

    /** The oracle's logrank {@code result}. */
    static void logRank(LogRankResult r, JsonWriter w) {
        w.beginObject().name("nOmitted").value(r.omittedRows()).name("groups").array(r.groups())
                .name("n").array(r.rowCounts()).name("observed").array(r.observed())
                .name("expected").array(r.expected()).name("variance").matrix(r.variance())
                .name("chisq").value(r.chiSquare()).name("df").value(r.degreesOfFreedom())
                .name("p").value(r.pValue());
        if (r.isStratified()) {
            w.name("strata").array(r.strata()).name("observedByStratum").matrix(r.observedByStratum().orElseThrow())
                    .name("expectedByStratum").matrix(r.expectedByStratum().orElseThrow());
        } else {
            w.name("strata").nullValue().name("observedByStratum").nullValue().name("expectedByStratum").nullValue();
        }
        w.nonEmpty("warnings", r.warnings());
        w.endObject();
    }

    /** One row per group: group, n, observed, expected, and the test's chisq, df and p on every row. */
    static Table logRankTable(LogRankResult r) {
        Table.Builder b = Table.builder().textColumn("group").numberColumn("n").numberColumn("observed")
                .numberColumn("expected").numberColumn("chisq").numberColumn("df").numberColumn("p");
        double[] n = r.rowCounts();
        double[] o = r.observed();
        double[] e = r.expected();
        for (int g = 0; g < n.length; g++) {
            b.text(r.groups().get(g)).number(n[g]).number(o[g]).number(e[g]).number(r.chiSquare())
                    .number(r.degreesOfFreedom()).number(r.pValue());
        }
        return b.build();
    }

    /** The trend test as the reference file names it: groups, scores, statistic, statisticVariance, z, chisq, df, p. */
    static void trend(TrendResult r, JsonWriter w) {
        w.beginObject().name("nOmitted").value(r.omittedRows()).name("groups").array(r.groups())
                .name("scores").array(r.scores()).name("n").array(r.rowCounts())
                .name("observed").array(r.observed()).name("expected").array(r.expected())
                .name("statistic").value(r.statistic()).name("statisticVariance").value(r.statisticVariance())
                .name("z").value(r.zScore()).name("chisq").value(r.chiSquare())
                .name("df").value(r.degreesOfFreedom()).name("p").value(r.pValue());
        w.nonEmpty("warnings", r.warnings());
        w.endObject();
    }

    /** One row per group: group, score, n, observed, expected, and the test's z, chisq and p. */
    static Table trendTable(TrendResult r) {
        Table.Builder b = Table.builder().textColumn("group").numberColumn("score").numberColumn("n")
                .numberColumn("observed").numberColumn("expected").numberColumn("z").numberColumn("chisq")
                .numberColumn("p");
        double[] s = r.scores();
        double[] n = r.rowCounts();
        double[] o = r.observed();
        double[] e = r.expected();
        for (int g = 0; g < s.length; g++) {
            b.text(r.groups().get(g)).number(s[g]).number(n[g]).number(o[g]).number(e[g]).number(r.zScore())
                    .number(r.chiSquare()).number(r.pValue());
        }
        return b.build();
    }

    /** Pairwise tests: groups, rows, columns, p (lower triangle, null above), adjustment. */
    static void pairwise(PairwiseLogRankResult r, JsonWriter w) {
        w.beginObject().name("nOmitted").value(r.omittedRows()).name("groups").array(r.groups())
                .name("rows").array(r.rowGroups()).name("columns").array(r.columnGroups())
                .name("p").matrix(r.pValues())
                .name("adjustment").value(r.adjustment().name().toLowerCase(Locale.ROOT));
        w.nonEmpty("warnings", r.warnings());
        w.endObject();
    }

    /** One row per pair (lower triangle): group1, group2, p, pUnadjusted. */
    static Table pairwiseTable(PairwiseLogRankResult r) {
        Table.Builder b = Table.builder().textColumn("group1").textColumn("group2").numberColumn("p")
                .numberColumn("pUnadjusted");
        List<String> g = r.groups();
        for (int i = 1; i < g.size(); i++) {
            for (int j = 0; j < i; j++) {
                b.text(g.get(i)).text(g.get(j)).number(r.pValue(i, j)).number(r.unadjustedPValue(i, j));
            }
        }
        return b.build();
    }

    /** Gray's test: groups, and grayTest[] with cause, stat, p, df per cause (the oracle's cif field). */
    static void gray(GrayTestResult r, JsonWriter w) {
        w.beginObject().name("groups").array(r.groups()).name("grayTest");
        grayTests(r, w);
        w.nonEmpty("warnings", r.warnings());
        w.endObject();
    }

    /** The oracle's {@code grayTest} array. */
    static void grayTests(GrayTestResult r, JsonWriter w) {
        w.beginArray();
        for (int c = 0; c < r.causeCount(); c++) {
            w.beginObject().name("cause").numberOrText(r.cause(c)).name("stat").value(r.statistic(c)).name("p").value(r.pValue(c)).name("df")
                    .value(r.degreesOfFreedom(c)).endObject();
        }
        w.endArray();
    }

    /** One row per cause: cause, stat, df, p. */
    static Table grayTable(GrayTestResult r) {
        Table.Builder b = Table.builder().textColumn("cause").numberColumn("stat").numberColumn("df")
                .numberColumn("p");
        for (int c = 0; c < r.causeCount(); c++) {
            b.text(r.cause(c)).number(r.statistic(c)).number(r.degreesOfFreedom(c)).number(r.pValue(c));
        }
        return b.build();
    }
}
