package io.survkit.cli;

import io.survkit.render.FigureFormat;
import io.survkit.render.FigureRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes figures requested on the command line. */
final class Plots {
    private Plots() {
    }

    /** Writes {@code svg} to {@code file} (the {@code --svg} option). */
    static void writeSvg(String svg, String file) {
        try {
            Files.writeString(Path.of(file), svg, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --svg " + file + ": " + e.getMessage(), e);
        }
    }

    /** The figure's SVG as PNG at {@code dpi} or as vector PDF ({@code option} names the flag in errors). */
    static void writeFigure(String svg, FigureFormat format, String file, double dpi, String option) {
        try {
            FigureRenderer.withDefaults().withDpi(dpi).write(svg, format, Path.of(file));
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot write " + option + " " + file + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /**
     * Writes an SVG figure to {@code file} in the format its extension names (.svg, .png at {@code dpi},
     * .pdf); {@code option} names the flag in errors.
     */
    static void writeByExtension(String svg, String file, double dpi, String option) {
        switch (format(file, option)) {
            case SVG -> writeSvg(svg, file);
            case PNG -> writeFigure(svg, FigureFormat.PNG, file, dpi, option);
            default -> writeFigure(svg, FigureFormat.PDF, file, dpi, option);
        }
    }

    /** @throws UsageException when the file's extension is not .svg, .png or .pdf */
    static FigureFormat format(String file, String option) {
        try {
            return FigureFormat.fromFileName(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + file + ": expected a file name ending in .svg, .png or .pdf");
        }
    }

    /** Writes an SVG figure to each file asked for: SVG, PNG at {@code dpi}, PDF (null = not asked). */
    static void writeFigures(String svg, String svgFile, String png, String pdf, double dpi) {
        if (svgFile != null) {
            writeSvg(svg, svgFile);
        }
        if (png != null) {
            writeFigure(svg, FigureFormat.PNG, png, dpi, "--png");
        }
        if (pdf != null) {
            writeFigure(svg, FigureFormat.PDF, pdf, dpi, "--pdf");
        }
    }

}
