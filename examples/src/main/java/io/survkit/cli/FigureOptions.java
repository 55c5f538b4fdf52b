package io.survkit.cli;

import io.survkit.plot.KaplanMeierPlot;
import io.survkit.plot.LegendPosition;
import io.survkit.plot.Palette;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The figure options shared by the commands that draw curves ({@code --svg/--png/--pdf}), as
 * survminer's {@code ggsurvplot} arguments: a picocli mixin that turns them into a
 * {@link KaplanMeierPlot}.
 */
final class FigureOptions {
    /** The words of {@code --legend}. */
    static final class Positions extends Choices<LegendPosition> {
        Positions() {
            add("right", LegendPosition.RIGHT).add("top", LegendPosition.TOP).add("bottom", LegendPosition.BOTTOM)
                    .add("inside", LegendPosition.INSIDE).add("none", LegendPosition.NONE);
        }
    }

    @Option(names = "--title", paramLabel = "TEXT", description = "Figure title.")
    String title;

    @Option(names = "--xlab", paramLabel = "TEXT", description = "Time-axis label (default: the time column).")
    String xlab;

    @Option(names = "--ylab", paramLabel = "TEXT", description = "Survival-axis label.")
    String ylab;

    @Option(names = "--percent", description = "Survival axis in percent.")
    boolean percent;

    @Option(names = "--palette", paramLabel = "NAME|#HEX,...",
            description = "Curve colours: okabe-ito (colour-blind safe), grey (print), or #rrggbb colours separated "
                    + "by commas.")
    String palette;

    @Option(names = "--legend", paramLabel = "WHERE", defaultValue = "right", converter = Positions.class,
            completionCandidates = Positions.class, description = "Legend position: ${COMPLETION-CANDIDATES}.")
    LegendPosition legend;

    @Option(names = "--legend-labels", paramLabel = "A,B,...", split = ",",
            description = "Legend labels in the curves' order (default: each curve's level).")
    List<String> legendLabels;

    @Option(names = "--no-ci", description = "Do not draw the confidence bands.")
    boolean noCi;

    @Option(names = "--break-time-by", paramLabel = "STEP", converter = Converters.FiniteNumber.class,
            description = "Distance between time-axis ticks (e.g. 12 for years in months).")
    Double breakTimeBy;

    @Option(names = "--xmax", paramLabel = "T", converter = Converters.FiniteNumber.class,
            description = "Last time shown on the time axis.")
    Double xmax;

    @Option(names = "--line-width", paramLabel = "PX", defaultValue = "2", converter = Converters.FiniteNumber.class,
            description = "Width of the curves in pixels.")
    double lineWidth;

    @Option(names = "--font", paramLabel = "FAMILY", defaultValue = "Helvetica, Arial, sans-serif",
            description = "Font family (CSS font list).")
    String font;

    @Option(names = "--font-size", paramLabel = "PX", defaultValue = "12", converter = Converters.FiniteNumber.class,
            description = "Base font size in pixels.")
    double fontSize;

    @Option(names = "--cumulative-events", description = "Add the cumulative number of events under the risk table.")
    boolean cumulativeEvents;

    @Option(names = "--cumulative-censored",
            description = "Add the cumulative number censored under the risk table.")
    boolean cumulativeCensored;

    @Option(names = "--size", paramLabel = "WxH[mm|in]",
            description = "Figure size, e.g. 180x120mm or 7x5in (default 800x560 pixels).")
    String size;

    /** The plot these options describe; {@code timeLabel} is used when {@code --xlab} is not given. */
    KaplanMeierPlot plot(String timeLabel) {
        KaplanMeierPlot p = KaplanMeierPlot.withDefaults().withTimeLabel(xlab != null ? xlab : timeLabel)
                .withConfidenceBands(!noCi).withPercent(percent).withLegend(legend).withLineWidth(lineWidth)
                .withFont(font, fontSize).withCumulativeEvents(cumulativeEvents)
                .withCumulativeCensored(cumulativeCensored);
        if (title != null) {
            p = p.withTitle(title);
        }
        if (ylab != null) {
            p = p.withSurvivalLabel(ylab);
        }
        if (palette != null) {
            p = palette(p, palette);
        }
        if (legendLabels != null) {
            p = p.withLegendLabels(legendLabels);
        }
        if (breakTimeBy != null) {
            p = p.withTickInterval(breakTimeBy);
        }
        if (xmax != null) {
            p = p.withMaxTime(xmax);
        }
        if (size != null) {
            p = size(p, size);
        }
        return p;
    }

    private static KaplanMeierPlot palette(KaplanMeierPlot p, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "okabe-ito", "okabe_ito" -> p.withPalette(Palette.OKABE_ITO);
            case "grey", "gray", "greyscale", "grayscale" -> p.withPalette(Palette.GREY);
            default -> {
                if (!v.startsWith("#")) {
                    throw new UsageException("--palette '" + value + "': expected okabe-ito, grey or #rrggbb colours "
                            + "separated by commas");
                }
                yield p.withColours(Arrays.stream(value.split(",")).map(String::strip).toList());
            }
        };
    }

    private static KaplanMeierPlot size(KaplanMeierPlot p, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        String unit = v.endsWith("mm") ? "mm" : v.endsWith("in") ? "in" : v.endsWith("px") ? "px" : "";
        String[] wh = v.substring(0, v.length() - unit.length()).split("x");
        double w;
        double h;
        try {
            if (wh.length != 2) {
                throw new NumberFormatException();
            }
            w = Double.parseDouble(wh[0].strip());
            h = Double.parseDouble(wh[1].strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--size '" + value + "': expected WIDTHxHEIGHT with mm, in or px, e.g. 180x120mm");
        }
        return switch (unit) {
            case "mm" -> p.withSizeMillimetres(w, h);
            case "in" -> p.withSizeInches(w, h);
            default -> p.withSize(w, h);
        };
    }
}
