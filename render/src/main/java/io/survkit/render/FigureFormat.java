package io.survkit.render;

import java.util.Locale;

/**
 * A figure file format.
 *
 * <pre>{@code
 * FigureFormat f = FigureFormat.fromFileName("km.pdf");   // PDF
 * }</pre>
 */
public enum FigureFormat {
    /** Scalable vector graphics, as survkit draws them (for the web and for editing). */
    SVG,
    /** Portable network graphics at a chosen dpi (raster; journals ask 300-600 dpi). */
    PNG,
    /** Portable document format, vector (journals' preferred format for line art). */
    PDF;

    /**
     * The format named by a file's extension ({@code .svg}, {@code .png}, {@code .pdf}, any case).
     *
     * @param name the file name
     * @return the format
     * @throws IllegalArgumentException for another extension
     */
    public static FigureFormat fromFileName(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        for (FigureFormat f : values()) {
            if (n.endsWith("." + f.name().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("figure file '" + name + "' has no known extension; expected .svg, "
                + ".png or .pdf");
    }
}
