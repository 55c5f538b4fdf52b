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
    final int[] present;
    final List<String> labels;
    final int levelCount;
    final String groupName;
    final List<String> strataLabels;
    final int omitted;
    final List<String> warnings;

    private Source(LogRankKernel.Sorted sorted, CountTable table, int[] present, List<String> labels, int levelCount,
            String groupName, List<String> strataLabels, int omitted, List<String> warnings) {
        this.sorted = sorted;
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
            return of(CountTable.of(data));
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
                warnings);
    }

    static Source of(CountTable counts) {
        LogRankTest.checkGroups(counts.groupName().orElse(null));
        List<String> warnings = new ArrayList<>(counts.warnings());
        int[] present = LogRankTest.present(counts, warnings);
        List<String> labels = new ArrayList<>();
        List<String> groupLabels = counts.groupLabels();
        for (int code : present) {
            labels.add(groupLabels.get(code));
        }
        List<String> strata = counts.strataName().isPresent() ? counts.strataLabels() : null;
        return new Source(null, counts, present, labels, counts.groupLevels().size(), counts.groupName().orElse(null), strata,
                counts.omittedRows(), warnings);
    }

    /** Kernel sums over the given group codes. */
    LogRankKernel.Sums sums(LogRankTest test, int[] codes) {
        return sorted != null ? LogRankKernel.run(sorted, codes, test) : LogRankKernel.run(table, codes, test);
    }
}
