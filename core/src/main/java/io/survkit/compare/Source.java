package io.survkit.compare;

import io.survkit.data.CountTable;
import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Input of the tests prepared once: sorted subject rows or a count table, the groups with rows (in
 * level order) and their labels. Pairwise and trend tests run the kernel on it repeatedly.
 */
final class Source {
    final LogRankKernel.Sorted sorted;
    final CountTable table;
    /** The case-weighted rows behind {@link #table}, for the robust variance; else null. */
    final ModelFrame weighted;
    final int[] present;
    final List<String> labels;
    final int levelCount;
    final String groupName;
    final List<String> strataLabels;
    final int omitted;
    final List<String> warnings;

    private Source(LogRankKernel.Sorted sorted, CountTable table, int[] present, List<String> labels, int levelCount,
            String groupName, List<String> strataLabels, int omitted, List<String> warnings, ModelFrame weighted) {
        this.sorted = sorted;
        this.weighted = weighted;
        this.table = table;
        this.present = present;
        this.labels = labels;
        this.levelCount = levelCount;
        this.groupName = groupName;
        this.strataLabels = strataLabels;
        this.omitted = omitted;
        this.warnings = warnings;
    }

    static Source of(ModelFrame data) {
        if (data.hasStart() || data.hasWeights()) {
            if (data.hasStart() && data.hasWeights() && data.cluster().isEmpty()) {
                // R 3.5's coxph: "one of cluster or id is needed" for a robust variance on (start, stop] rows
                throw io.survkit.internal.Check.fail("case weights on (start, stop] rows need a cluster (the subject "
                        + "id, e.g. '%s + cluster(id)') for the robust variance of the weighted log-rank test, as R's "
                        + "coxph; for frequency weights test CountTable.of(frame)", data.groups().map(Factor::name)
                        .orElse("group"));
            }
            return of(CountTable.of(data), data.hasWeights() ? data : null);
        }
        Factor g = data.groups().orElse(null);
        LogRankTest.checkGroups(g == null ? null : g.name());
        LogRankKernel.Sorted src = new LogRankKernel.Sorted(data, g);
        List<String> warnings = new ArrayList<>(data.warnings());
        int[] present = LogRankTest.present(src, g, warnings);
        List<String> labels = new ArrayList<>();
        for (int code : present) {
            labels.add(g.label(code));
        }
        List<String> strata = data.strata().map(Factor::labels).orElse(null);
        return new Source(src, null, present, labels, g.levelCount(), g.name(), strata, data.omittedRows(),
                warnings, null);
    }

    static Source of(CountTable counts) {
        return of(counts, null);
    }

    private static Source of(CountTable counts, ModelFrame weighted) {
        LogRankTest.checkGroups(counts.groupName().orElse(null));
        List<String> warnings = new ArrayList<>(counts.warnings());
        int[] present = LogRankTest.present(counts, warnings);
        List<String> labels = new ArrayList<>();
        List<String> groupLabels = counts.groupLabels();
        for (int code : present) {
            labels.add(groupLabels.get(code));
        }
        List<String> strata = counts.strataName().isPresent() ? counts.strataLabels() : null;
        return new Source(null, counts, present, labels, counts.groupLevels().size(), counts.groupName().orElse(null),
                strata, counts.omittedRows(), warnings, weighted);
    }

    /** Kernel sums over the given group codes. */
    LogRankKernel.Sums sums(LogRankTest test, int[] codes) {
        if (sorted != null) {
            return LogRankKernel.run(sorted, codes, test);
        }
        LogRankKernel.Sums s = LogRankKernel.run(table, codes, test);
        if (weighted != null) {
            // case weights: the robust score variance, free of the weights' scale (RobustScore)
            RobustScore r = RobustScore.of(weighted, codes, test);
            s.robust = r;
            for (int q = 0; q < s.variance.length; q++) {
                s.variance[q] = r.variance[q] * r.scale * r.scale;
            }
        }
        return s;
    }
}
