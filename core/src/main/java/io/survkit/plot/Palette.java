package io.survkit.plot;

import java.util.List;

/**
 * Colour-blind-safe palettes. The default is Okabe and Ito (2008), "Color Universal Design",
 * extended to ten colours with black and grey; {@link #GREY} is for greyscale print.
 *
 * <pre>{@code
 * String svg = KaplanMeierPlot.withDefaults().withPalette(Palette.GREY).render(curves);
 * }</pre>
 */
public enum Palette {
    /** Okabe-Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black, grey, dark blue. */
    OKABE_ITO(List.of("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
            "#999999", "#004D80")),
    /** Greys for print: black, then lighter greys (distinct in greyscale; pair with line types if needed). */
    GREY(List.of("#000000", "#737373", "#a6a6a6", "#404040", "#cccccc", "#595959", "#8c8c8c", "#262626",
            "#bfbfbf", "#4d4d4d"));

    private final List<String> colours;

    Palette(List<String> colours) {
        this.colours = colours;
    }

    /**
     * Colour of series {@code i} (cycling).
     *
     * @param i the 0-based series index
     * @return colour of series {@code i} (cycling)
     */
    public String colour(int i) {
        return colours.get(Math.floorMod(i, colours.size()));
    }

    /** {@return the palette's colours in order ({@code #rrggbb})} */
    public List<String> colours() {
        return colours;
    }
}
