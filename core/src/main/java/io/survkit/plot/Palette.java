package io.survkit.plot;

import java.util.List;

/**
 * Colour-blind-safe palettes. The default is Okabe and Ito (2008), "Color Universal Design",
 * extended to ten colours with black and grey.
 */
public enum Palette {
    /** Okabe-Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black, grey, dark blue. */
    OKABE_ITO(List.of("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
            "#999999", "#004D80"));

    private final List<String> colours;

    Palette(List<String> colours) {
        this.colours = colours;
    }

    /** Colour of series {@code i} (cycling). */
    public String colour(int i) {
        return colours.get(Math.floorMod(i, colours.size()));
    }
}
