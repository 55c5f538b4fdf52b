package io.survkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report and a Kaplan-Meier SVG in headless Chromium and checks the screenshot.
 * Skipped, with a message, where Chromium is not installed (.ci/run installs it).
 */
@Tag("browser")
class BrowserRenderTest {
    private static final int W = 1000;
    private static final int H = 800;

    static Path chromium() {
        for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    @Test
    void htmlReportRendersAsANonBlankImage(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("report.html");
        Files.writeString(page, HtmlReportTest.sampleReport(), StandardCharsets.UTF_8);
        assertRendered(screenshot(page, dir));
    }

    @Test
    void kaplanMeierSvgRendersAsANonBlankImage(@TempDir Path dir) throws Exception {
        KaplanMeierPlot.Curve a = new KaplanMeierPlot.Curve("Chemotherapy alone", new double[] {6, 20, 44, 80},
                new double[] {0.8, 0.6, 0.45, 0.3}, null, null, new double[] {380, 300, 180, 60},
                new double[] {2, 3, 1, 0});
        Path svg = dir.resolve("km.svg");
        Files.writeString(svg, KaplanMeierPlot.withDefaults().render(List.of(a)), StandardCharsets.UTF_8);
        assertRendered(screenshot(svg, dir));
    }

    @Test
    void calibrationSvgRendersAsANonBlankImage(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("calibration.svg");
        Files.writeString(svg, CalibrationPlot.withDefaults().withTitle("Calibration at 365 days")
                .render(CalibrationPlotTest.sample()), StandardCharsets.UTF_8);
        assertRendered(screenshot(svg, dir));
    }

    @Test
    void nomogramSvgRendersAsANonBlankImage(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("nomogram.svg");
        Files.writeString(svg, NomogramPlot.withDefaults().withTitle("Nomogram").render(NomogramPlotTest.sample()),
                StandardCharsets.UTF_8);
        assertRendered(screenshot(svg, dir));
    }

    @Test
    void parametricFitSvgsRenderAsNonBlankImages(@TempDir Path dir) throws Exception {
        String[] figures = ParametricFitPlotTest.figures();
        for (int i = 0; i < figures.length; i++) {
            Path svg = dir.resolve("parametric" + i + ".svg");
            Files.writeString(svg, figures[i], StandardCharsets.UTF_8);
            assertRendered(screenshot(svg, dir));
        }
    }

    /**
     * The figure with every issue-15 option (KaplanMeierPlotOptionsTest.everyOption) in Chromium:
     * not blank, and the user's colours (pure red and blue curves) are on screen.
     */
    @Test
    void figureOptionsRenderInTheBrowser(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("options.svg");
        Files.writeString(svg, KaplanMeierPlotOptionsTest.everyOption()
                .render(KaplanMeierPlots.curves(KaplanMeierPlotOptionsTest.lungBySex())), StandardCharsets.UTF_8);
        BufferedImage img = screenshot(svg, dir);
        assertRendered(img);
        int red = 0;
        int blue = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                red += rgb == 0xff0000 ? 1 : 0;
                blue += rgb == 0x0000ff ? 1 : 0;
            }
        }
        assertTrue(red > 100 && blue > 100, "the user's colours are drawn: red " + red + ", blue " + blue);
    }

    /** The cumulative incidence figure (CumulativeIncidencePlotsTest's fit) in Chromium: not blank. */
    @Test
    void cumulativeIncidenceFigureRendersInTheBrowser(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("cif.svg");
        Files.writeString(svg, CumulativeIncidencePlots.render(CumulativeIncidencePlotsTest.fit(), "Years", 0.95),
                StandardCharsets.UTF_8);
        assertRendered(screenshot(svg, dir));
    }

    /** The forest plot of a Cox fit (CoxForestPlotTest's lung model) in Chromium: not blank. */
    @Test
    void coxForestPlotRendersInTheBrowser(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("forest.svg");
        Files.writeString(svg, CoxForestPlotTest.figure(), StandardCharsets.UTF_8);
        assertRendered(screenshot(svg, dir));
    }

    /**
     * The scaled Schoenfeld figure (ScaledSchoenfeldPlotTest's lung model) in Chromium: not blank, and
     * the smooths are drawn in their blue (#0072B2).
     */
    @Test
    void scaledSchoenfeldPlotRendersInTheBrowser(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("zph.svg");
        Files.writeString(svg, ScaledSchoenfeldPlotTest.figure(), StandardCharsets.UTF_8);
        BufferedImage img = screenshot(svg, dir);
        assertRendered(img);
        assertTrue(count(img, 0x0072b2) > 200, "the smooth curves are on screen");
    }

    /** Kaplan-Meier on every other scale (cumulative hazard with bands, log-log, event) in Chromium. */
    @Test
    void kaplanMeierScalesRenderInTheBrowser(@TempDir Path dir) throws Exception {
        for (CurveScale scale : new CurveScale[] {CurveScale.CUMULATIVE_HAZARD, CurveScale.CLOGLOG,
            CurveScale.EVENT}) {
            Path svg = dir.resolve(scale + ".svg");
            Files.writeString(svg, KaplanMeierPlot.withDefaults().withScale(scale).withConfidenceBands(true)
                    .withColours(List.of("#ff0000", "#0000ff"))
                    .render(KaplanMeierPlots.curves(KaplanMeierScaleTest.fit(), scale)), StandardCharsets.UTF_8);
            BufferedImage img = screenshot(svg, dir);
            assertRendered(img);
            assertTrue(count(img, 0xff0000) > 100 && count(img, 0x0000ff) > 100, scale + ": both curves on screen");
        }
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    private static BufferedImage screenshot(Path page, Path dir) throws Exception {
        Path exe = chromium();
        assumeTrue(exe != null, "SKIPPED: Chromium is not installed (apt-get install chromium); "
                + "the browser rendering check did not run");
        Path png = dir.resolve("shot.png");
        Process p = new ProcessBuilder(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--hide-scrollbars", "--window-size=" + W + "," + H,
                "--screenshot=" + png, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 120 s");
        File f = png.toFile();
        assertTrue(f.exists(), "no screenshot; chromium log: " + Files.readString(dir.resolve("chromium.log")));
        return ImageIO.read(f);
    }

    private static void assertRendered(BufferedImage img) {
        assertEquals(W, img.getWidth());
        assertEquals(H, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        int dark = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    dark++;
                }
            }
        }
        assertTrue(colours.size() > 5, "image looks blank: " + colours.size() + " colours");
        assertTrue(dark > 200, "image has almost no drawn pixels: " + dark);
    }
}
