package io.survkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue-15 figure flags: {@code km --fun}, {@code cox --forest} and {@code cox --zph-plot} write
 * SVG, PNG (width x dpi / 96 pixels, not blank) and PDF (one page, vector: no image XObject) by the
 * file's extension; bad values are one-line usage errors with exit code 2. The numbers the figures
 * draw are checked against R in core (CoxForestPlotTest, ScaledSchoenfeldPlotTest, KaplanMeierScaleTest).
 */
class FigureCommandsTest {
    private static final String LUNG = OracleJson.ROOT.resolve("data/lung.csv").toString();

    private static Object[] cox(String... extra) {
        String[] base = {"cox", "--data", LUNG, "--time", "time", "--event", "status", "--event-value", "2",
            "--formula", "age + sex + factor(ph.ecog)"};
        String[] argv = new String[base.length + extra.length];
        System.arraycopy(base, 0, argv, 0, base.length);
        System.arraycopy(extra, 0, argv, base.length, extra.length);
        return OracleJson.run(argv);
    }

    private static Object[] km(String... extra) {
        String[] base = {"km", "--data", LUNG, "--time", "time", "--event", "status", "--event-value", "2", "--group",
            "sex"};
        String[] argv = new String[base.length + extra.length];
        System.arraycopy(base, 0, argv, 0, base.length);
        System.arraycopy(extra, 0, argv, base.length, extra.length);
        return OracleJson.run(argv);
    }

    private static double svgWidth(String svg) {
        Matcher m = Pattern.compile("<svg[^>]* width=\"([0-9.]+)\"").matcher(svg);
        assertTrue(m.find());
        return Double.parseDouble(m.group(1));
    }

    static void assertPng(Path png, double svgWidth, double dpi) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Math.round(svgWidth * dpi / 96), img.getWidth(), 1, "width x dpi / 96");
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 10, "not blank: " + colours.size() + " colours");
    }

    static void assertVectorPdf(Path pdf) throws IOException {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"));
        Matcher pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(text);
        int n = 0;
        while (pages.find()) {
            n++;
        }
        assertEquals(1, n, "one page");
        assertTrue(!text.contains("/Subtype/Image") && !text.contains("/Subtype /Image"), "vector, no raster image");
        assertTrue(Files.size(pdf) > 3000, "the page has drawing content");
    }

    /** Writes the figure of {@code flag} as .svg, .png and .pdf; returns the SVG after checking the others. */
    private static String everyFormat(Path dir, String flag, double dpi) throws IOException {
        Path svg = dir.resolve("figure.svg");
        Path png = dir.resolve("figure.png");
        Path pdf = dir.resolve("figure.pdf");
        for (Path f : new Path[] {svg, png, pdf}) {
            Object[] r = cox(flag, f.toString(), "--dpi", Double.toString(dpi));
            assertEquals(0, r[0], (String) r[2]);
            assertTrue(!((String) r[1]).contains("GLOBAL"), flag + " alone does not print the PH test");
        }
        String s = Files.readString(svg);
        assertPng(png, svgWidth(s), dpi);
        assertVectorPdf(pdf);
        return s;
    }

    @Test
    void coxForestInEveryFormat(@TempDir Path dir) throws IOException {
        String s = everyFormat(dir, "--forest", 150);
        assertTrue(s.contains(">reference<") && s.contains(">ph.ecog<") && s.contains("# Events: 164"), s);
    }

    @Test
    void coxZphPlotInEveryFormat(@TempDir Path dir) throws IOException {
        String s = everyFormat(dir, "--zph-plot", 300);
        assertTrue(s.contains("age: Schoenfeld individual test p = 0.6862") && s.contains(">time<"), s);
    }

    @Test
    void kmFunScales(@TempDir Path dir) throws IOException {
        String[][] cases = {{"cumhaz", ">Cumulative hazard<"}, {"cloglog", ">log(-log(survival))<"},
            {"event", ">Cumulative incidence<"}, {"surv", ">Survival probability<"}};
        for (String[] c : cases) {
            Path svg = dir.resolve(c[0] + ".svg");
            Object[] r = km("--fun", c[0], "--svg", svg.toString());
            assertEquals(0, r[0], (String) r[2]);
            assertTrue(Files.readString(svg).contains(c[1]), c[0]);
        }
        Path pdf = dir.resolve("cumhaz.pdf");
        assertEquals(0, km("--fun", "cumhaz", "--pdf", pdf.toString())[0]);
        assertVectorPdf(pdf);
    }

    @Test
    void badFigureFlagsAreUsageErrors(@TempDir Path dir) {
        Object[] r = cox("--forest", dir.resolve("forest.jpg").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("--forest") && ((String) r[2]).contains(".svg, .png or .pdf"),
                (String) r[2]);
        r = cox("--zph-plot", dir.resolve("z.svg").toString(), "--dpi", "5");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("--dpi"), (String) r[2]);
        r = km("--fun", "log", "--svg", dir.resolve("k.svg").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("cloglog"), (String) r[2]);
        r = km("--fun", "cumhaz", "--percent", "--svg", dir.resolve("k.svg").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("--percent"), (String) r[2]);
    }
}
