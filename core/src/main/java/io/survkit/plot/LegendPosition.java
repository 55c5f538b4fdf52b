package io.survkit.plot;

/**
 * Where a figure's legend goes (survminer {@code legend = "right" | "top" | "bottom" | "none"}).
 *
 * <pre>{@code
 * String svg = KaplanMeierPlot.withDefaults().withLegend(LegendPosition.TOP).render(curves);
 * }</pre>
 */
public enum LegendPosition {
    /** Right of the plot area (the default). */
    RIGHT,
    /** One row above the plot area. */
    TOP,
    /** One row below the x-axis label (above the risk table). */
    BOTTOM,
    /** Inside the plot area, top right corner. */
    INSIDE,
    /** No legend (e.g. when the risk table's coloured labels name the curves). */
    NONE
}
