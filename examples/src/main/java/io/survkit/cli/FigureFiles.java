package io.survkit.cli;

import picocli.CommandLine.Option;

/**
 * Where a command writes its figure: {@code --svg}, {@code --png} (at {@code --dpi}) and
 * {@code --pdf}, any of them. A picocli mixin shared by the commands that draw.
 */
final class FigureFiles {
    @Option(names = "--svg", paramLabel = "FILE", description = "Also draw the figure as SVG.")
    String svg;

    @Option(names = "--png", paramLabel = "FILE", description = "Also draw the figure as a PNG image (see --dpi).")
    String png;

    @Option(names = "--pdf", paramLabel = "FILE", description = "Also draw the figure as a vector PDF page.")
    String pdf;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "300", converter = Converters.FiniteNumber.class,
            description = "Resolution of --png, 24 to 2400 dots per inch.")
    double dpi;

    /** @return whether any figure file is asked for */
    boolean any() {
        return svg != null || png != null || pdf != null;
    }

    /** @throws UsageException for a dpi outside 24..2400 */
    void check() {
        checkDpi(dpi);
    }

    /** @throws UsageException for a dpi outside 24..2400 */
    static void checkDpi(double dpi) {
        if (!(dpi >= 24 && dpi <= 2400)) {
            throw new UsageException("--dpi must be from 24 to 2400, got " + dpi);
        }
    }

    /** Writes {@code svg} to every file asked for. */
    void write(String figure) {
        Plots.writeFigures(figure, svg, png, pdf, dpi);
    }
}
