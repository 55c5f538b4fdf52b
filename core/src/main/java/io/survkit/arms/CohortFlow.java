package io.survkit.arms;

import io.survkit.internal.Check;
import java.util.List;

/**
 * How the patients of one endpoint came to be analysed: the rows given, each reason a row was left
 * out with its count (every row counted once, under its first reason), and the rows analysed. A
 * paper's cohort (exclusion) table; nothing is dropped silently.
 *
 * <pre>{@code
 * CohortFlow f = result.cohortFlows().get(0);
 * f.rowsGiven();        // 228
 * f.exclusions();       // [Exclusion[reason=missing ph.ecog, rows=1]]
 * f.rowsAnalysed();     // 227
 * }</pre>
 *
 * @param endpoint the endpoint's name
 * @param rowsGiven rows of the endpoint's data as given to the comparison
 * @param exclusions the reasons rows were left out, in the order they were applied
 * @param rowsAnalysed rows in the two arms' analysis
 */
public record CohortFlow(String endpoint, int rowsGiven, List<Exclusion> exclusions, int rowsAnalysed) {
    /**
     * @param endpoint the endpoint's name
     * @param rowsGiven rows given
     * @param exclusions reasons and counts
     * @param rowsAnalysed rows analysed
     * @throws IllegalArgumentException when the counts do not add up
     */
    public CohortFlow {
        Check.notNull("endpoint", endpoint);
        exclusions = List.copyOf(exclusions);
        int left = 0;
        for (Exclusion x : exclusions) {
            left += x.rows();
        }
        if (rowsGiven - left != rowsAnalysed) {
            throw Check.fail("cohort of %s: %d rows given, %d left out, but %d analysed", endpoint, rowsGiven, left,
                    rowsAnalysed);
        }
    }

    /**
     * One reason rows were left out.
     *
     * @param reason why, e.g. {@code "missing ph.ecog"}
     * @param rows how many rows
     */
    public record Exclusion(String reason, int rows) {
    }

    /** @return the rows left out, all reasons together */
    public int rowsOmitted() {
        return rowsGiven - rowsAnalysed;
    }
}
