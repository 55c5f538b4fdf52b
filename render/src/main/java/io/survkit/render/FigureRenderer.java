package io.survkit.render;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.apache.batik.util.XMLResourceDescriptor;
import org.w3c.dom.svg.SVGDocument;

/**
 * Turns an SVG figure of survkit (a Kaplan-Meier plot, a forest plot, ...) into the formats journals
 * accept: PNG at a chosen resolution and vector PDF. Immutable; {@link #withDefaults()} renders PNG
 * at 300 dpi.
 *
 * <p>Sizes: an SVG user unit is a CSS pixel, 1/96 inch. A PNG at d dpi is
 * {@code width * d / 96} pixels wide; a PDF page is {@code width * 72 / 96} points wide, so a
 * 720-pixel figure prints 7.5 inches wide in both. PDF text is drawn as glyph outlines, so the
 * figure looks the same without the fonts installed where it is opened.
 *
 * <pre>{@code
 * String svg = KaplanMeierPlots.of(fit).render();
 * FigureRenderer.withDefaults().withDpi(600).write(svg, FigureFormat.PNG, Path.of("km.png"));
 * FigureRenderer.withDefaults().write(svg, FigureFormat.PDF, Path.of("km.pdf"));
 * }</pre>
 */
public final class FigureRenderer {
    private static final FigureRenderer DEFAULTS = new FigureRenderer(300);
    private static final double CSS_DPI = 96;

    private final double dpi;

    private FigureRenderer(double dpi) {
        this.dpi = dpi;
    }

    /** {@return the shared default renderer: PNG at 300 dpi} */
    public static FigureRenderer withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same renderer with PNG resolution {@code dotsPerInch}.
     *
     * @param dotsPerInch between 24 and 2400
     * @return a new renderer (this one is unchanged)
     */
    public FigureRenderer withDpi(double dotsPerInch) {
        if (!(dotsPerInch >= 24 && dotsPerInch <= 2400)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "dpi must be a number from 24 to 2400, got %s", dotsPerInch));
        }
        return new FigureRenderer(dotsPerInch);
    }

    /** {@return the PNG resolution in dots per inch} */
    public double dpi() {
        return dpi;
    }

    /**
     * The figure {@code svg} in {@code format}.
     *
     * @param svg the SVG document
     * @param format the output format
     * @return the encoded figure
     * @throws IllegalArgumentException when the text is not an SVG document Batik can draw
     */
    public byte[] render(String svg, FigureFormat format) {
        if (svg == null || format == null) {
            throw new IllegalArgumentException("render needs an SVG text and a format");
        }
        return switch (format) {
            case SVG -> svg.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case PNG -> png(svg);
            case PDF -> pdf(svg);
        };
    }

    /**
     * Writes the figure {@code svg} in {@code format} to {@code file}.
     *
     * @param svg the SVG document
     * @param format the output format
     * @param file where the figure goes
     * @throws UncheckedIOException when the file cannot be written
     */
    public void write(String svg, FigureFormat format, Path file) {
        byte[] bytes = render(svg, format);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private byte[] png(String svg) {
        PNGTranscoder t = new PNGTranscoder();
        Drawing drawing = Drawing.of(svg);
        t.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) (drawing.width() * dpi / CSS_DPI));
        t.addTranscodingHint(PNGTranscoder.KEY_HEIGHT, (float) (drawing.height() * dpi / CSS_DPI));
        t.addTranscodingHint(PNGTranscoder.KEY_PIXEL_UNIT_TO_MILLIMETER, (float) (25.4 / dpi));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            t.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalArgumentException("the figure could not be drawn as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static byte[] pdf(String svg) {
        Drawing drawing = Drawing.of(svg);
        GraphicsNode node = drawing.node();
        float w = (float) (drawing.width() * 72 / CSS_DPI);
        float h = (float) (drawing.height() * 72 / CSS_DPI);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(new Rectangle(w, h), 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            PdfContentByte cb = writer.getDirectContent();
            Graphics2D g = cb.createGraphicsShapes(w, h);
            g.scale(72 / CSS_DPI, 72 / CSS_DPI);
            node.paint(g);
            g.dispose();
        } catch (DocumentException e) {
            throw new IllegalArgumentException("the figure could not be written as PDF: " + e.getMessage(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    /** An SVG document built into Batik's graphics tree, with its size in user units (CSS pixels). */
    private record Drawing(GraphicsNode node, double width, double height) {
        static Drawing of(String svg) {
            try {
                String parser = XMLResourceDescriptor.getXMLParserClassName();
                SVGDocument doc = (SVGDocument) new SAXSVGDocumentFactory(parser)
                        .createDocument("file:/figure.svg", new StringReader(svg));
                UserAgent agent = new UserAgentAdapter();
                BridgeContext ctx = new BridgeContext(agent, new DocumentLoader(agent));
                ctx.setDynamicState(BridgeContext.STATIC);
                GraphicsNode node = new GVTBuilder().build(ctx, doc);
                return new Drawing(node, ctx.getDocumentSize().getWidth(), ctx.getDocumentSize().getHeight());
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("the figure could not be read as SVG: " + e.getMessage(), e);
            }
        }
    }
}
