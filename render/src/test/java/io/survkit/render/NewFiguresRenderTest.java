package io.survkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.plot.CoxForestPlot;
import io.survkit.plot.CurveScale;
import io.survkit.plot.KaplanMeierPlot;
import io.survkit.plot.KaplanMeierPlots;
import io.survkit.plot.ScaledSchoenfeldPlot;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.ProportionalHazardsTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The issue-15 figures (the Cox forest plot, the scaled Schoenfeld residuals, Kaplan-Meier on the
 * cumulative-hazard and log-log scales; lung data) through the renderer: each PNG is the SVG's size
 * times dpi / 96 and not blank, and each PDF is one page of the figure's size in points, drawn as
 * vectors (no raster image inside).
 */
class NewFiguresRenderTest {
    static Map<String, String> figures() {
        SurvivalData lung = SurvivalData.csv(Path.of("..", "examples", "data", "lung.csv")).time("time")
                .event("status", "2").read();
        ModelFrame frame = ModelFrame.of(lung, "age + sex + factor(ph.ecog)");
        CoxResult fit = CoxRegression.withDefaults().fit(frame);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("forest", CoxForestPlot.withDefaults().render(fit, frame));
        m.put("zph", ScaledSchoenfeldPlot.withDefaults().render(ProportionalHazardsTest.withDefaults().test(fit)));
        for (CurveScale s : new CurveScale[] {CurveScale.CUMULATIVE_HAZARD, CurveScale.CLOGLOG}) {
            m.put(s.name(), KaplanMeierPlot.withDefaults().withScale(s).withConfidenceBands(true)
                    .render(KaplanMeierPlots.curves(KaplanMeier.withDefaults().fit(lung, "sex"), s)));
        }
        return m;
    }

    private static double attribute(String svg, String name) {
        Matcher m = Pattern.compile("<svg[^>]* " + name + "=\"([0-9.]+)\"").matcher(svg);
        assertTrue(m.find(), "the svg root has a " + name);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void pngAtTheDpiAndNotBlank() throws IOException {
        for (Map.Entry<String, String> f : figures().entrySet()) {
            byte[] png = FigureRenderer.withDefaults().withDpi(144).render(f.getValue(), FigureFormat.PNG);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(Math.round(attribute(f.getValue(), "width") * 1.5), img.getWidth(), 1, f.getKey());
            assertEquals(Math.round(attribute(f.getValue(), "height") * 1.5), img.getHeight(), 1, f.getKey());
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 3) {
                for (int x = 0; x < img.getWidth(); x += 3) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 10, f.getKey() + " is not blank: " + colours.size() + " colours");
        }
    }

    @Test
    void pdfIsOneVectorPageOfTheFigureSize() {
        for (Map.Entry<String, String> f : figures().entrySet()) {
            byte[] pdf = FigureRenderer.withDefaults().render(f.getValue(), FigureFormat.PDF);
            String text = new String(pdf, StandardCharsets.ISO_8859_1);
            Matcher pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(text);
            int n = 0;
            while (pages.find()) {
                n++;
            }
            assertEquals(1, n, f.getKey() + ": one page");
            Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]").matcher(text);
            assertTrue(box.find(), f.getKey() + ": a media box");
            assertEquals(attribute(f.getValue(), "width") * 0.75, Double.parseDouble(box.group(1)), 0.01, f.getKey());
            assertEquals(attribute(f.getValue(), "height") * 0.75, Double.parseDouble(box.group(2)), 0.01, f.getKey());
            assertTrue(!text.contains("/Subtype/Image") && !text.contains("/Subtype /Image"), f.getKey() + ": vector");
            assertTrue(pdf.length > 3000, f.getKey() + ": the page has drawing content");
        }
    }
}
