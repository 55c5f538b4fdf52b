package io.survkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.plot.KaplanMeierPlots;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real figure (Kaplan-Meier of the lung data by sex with CI bands and risk table) rendered to PNG
 * and PDF: the PNG has the size the dpi asks for (width x dpi / 96) and is not blank (it holds the
 * curves' colours and white), the PDF is one page of the figure's size in points with content.
 */
class FigureRendererTest {
    static String figure() {
        Path lung = Path.of("..", "examples", "data", "lung.csv");
        SurvivalData d = SurvivalData.csv(lung).time("time").event("status", "2").read();
        KaplanMeierResult fit = KaplanMeier.withDefaults().fit(d, "sex");
        return KaplanMeierPlots.render(fit, "Days");
    }

    private static double[] svgSize(String svg) {
        java.util.regex.Matcher w = java.util.regex.Pattern.compile("<svg[^>]* width=\"([0-9.]+)\"").matcher(svg);
        java.util.regex.Matcher h = java.util.regex.Pattern.compile("<svg[^>]* height=\"([0-9.]+)\"").matcher(svg);
        assertTrue(w.find() && h.find(), "the svg root has a width and height");
        return new double[] {Double.parseDouble(w.group(1)), Double.parseDouble(h.group(1))};
    }

    @Test
    void pngHasTheRequestedResolutionAndIsNotBlank() throws IOException {
        String svg = figure();
        double[] size = svgSize(svg);
        byte[] png = FigureRenderer.withDefaults().withDpi(192).render(svg, FigureFormat.PNG);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Math.round(size[0] * 2), img.getWidth(), 1);
        assertEquals(Math.round(size[1] * 2), img.getHeight(), 1);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 10, "a drawn figure has many colours, got " + colours.size());
    }

    @Test
    void pdfIsOnePageOfTheFigureSize(@TempDir Path dir) throws IOException {
        String svg = figure();
        double[] size = svgSize(svg);
        Path out = dir.resolve("km.pdf");
        FigureRenderer.withDefaults().write(svg, FigureFormat.fromFileName(out.toString()), out);
        byte[] pdf = Files.readAllBytes(out);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"), "a PDF file");
        java.util.regex.Matcher pages = java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(text);
        int n = 0;
        while (pages.find()) {
            n++;
        }
        assertEquals(1, n, "one page");
        java.util.regex.Matcher box = java.util.regex.Pattern
                .compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]").matcher(text);
        assertTrue(box.find(), "a media box");
        assertEquals(size[0] * 0.75, Double.parseDouble(box.group(1)), 0.01, "page width in points");
        assertEquals(size[1] * 0.75, Double.parseDouble(box.group(2)), 0.01, "page height in points");
        assertTrue(pdf.length > 5000, "the page has drawing content, " + pdf.length + " bytes");
    }

    @Test
    void badInputIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FigureRenderer.withDefaults().render("not svg", FigureFormat.PDF));
        assertTrue(e.getMessage().contains("SVG"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FigureRenderer.withDefaults().withDpi(0));
        assertThrows(IllegalArgumentException.class, () -> FigureFormat.fromFileName("km.jpg"));
    }
}
