package io.survkit.arms;

import io.survkit.table.Table;

/** The tidy table of an arm comparison (its JSON, text and Markdown are the result's own). */
final class Exports {
    private Exports() {
    }

    /**
     * One row per endpoint and arm: the arm's n, events, median (and CI) and restricted mean, beside
     * the endpoint's comparison (log-rank, crude and adjusted hazard ratios, RMST difference,
     * Schoenfeld test), repeated on both arms' rows so that each row stands alone.
     */
    static Table armComparisonTable(ArmComparisonResult r) {
        Table.Builder b = Table.builder().textColumn("endpoint").textColumn("arm");
        for (String c : new String[] {"n", "events", "median", "medianLower", "medianUpper", "rmean", "rmeanSe",
            "logRankChisq", "logRankP", "crudeHr", "crudeHrLower", "crudeHrUpper", "crudeP", "adjustedHr",
            "adjustedHrLower", "adjustedHrUpper", "adjustedP", "rmeanDifference", "rmeanDifferenceLower",
            "rmeanDifferenceUpper", "rmeanDifferenceP", "zphChisq", "zphP"}) {
            b.numberColumn(c);
        }
        for (EndpointComparison e : r.endpoints()) {
            for (ArmSummary a : new ArmSummary[] {e.control(), e.treatment()}) {
                b.text(e.name()).text(a.label()).number(a.size()).number(a.events()).number(a.median().orElse(Double.NaN))
                        .number(a.medianLower().orElse(Double.NaN)).number(a.medianUpper().orElse(Double.NaN)).number(a.restrictedMean().orElse(Double.NaN))
                        .number(a.restrictedMeanStandardError().orElse(Double.NaN)).number(e.logRankChiSquare().orElse(Double.NaN)).number(e.logRankPValue().orElse(Double.NaN))
                        .number(e.crudeHazardRatio().orElse(Double.NaN)).number(e.crudeHazardRatioLower().orElse(Double.NaN))
                        .number(e.crudeHazardRatioUpper().orElse(Double.NaN)).number(e.crudeHazardRatioPValue().orElse(Double.NaN))
                        .number(e.adjustedHazardRatio().orElse(Double.NaN)).number(e.adjustedHazardRatioLower().orElse(Double.NaN))
                        .number(e.adjustedHazardRatioUpper().orElse(Double.NaN)).number(e.adjustedHazardRatioPValue().orElse(Double.NaN))
                        .number(e.restrictedMeanDifference().orElse(Double.NaN)).number(e.restrictedMeanDifferenceLower().orElse(Double.NaN))
                        .number(e.restrictedMeanDifferenceUpper().orElse(Double.NaN)).number(e.restrictedMeanDifferencePValue().orElse(Double.NaN))
                        .number(e.proportionalHazardsChiSquare().orElse(Double.NaN)).number(e.proportionalHazardsPValue().orElse(Double.NaN));
            }
        }
        return b.build();
    }
}
