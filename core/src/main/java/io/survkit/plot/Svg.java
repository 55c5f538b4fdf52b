package io.survkit.plot;

import io.survkit.internal.Escape;

/** A small SVG writer: every text and attribute value goes through {@link Escape#xml}. */
final class Svg {
    private final StringBuilder b = new StringBuilder(1 << 16);

    static final String DEFAULT_FONT = "Helvetica, Arial, sans-serif";

    Svg(double width, double height, String title) {
        this(width, height, title, DEFAULT_FONT);
    }

    Svg(double width, double height, String title, String fontFamily) {
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width))
                .append(' ').append(num(height)).append("\" font-family=\"").append(Escape.xml(fontFamily))
                .append("\">\n");
        if (title != null && !title.isEmpty()) {
            b.append("<title>").append(Escape.xml(title)).append("</title>\n");
        }
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" fill=\"white\"/>\n");
    }

    /** Compact number: rounded to 2 decimals, no trailing zeros (no String.format: hot in big paths). */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        long c = Math.round(v * 100);
        boolean neg = c < 0;
        c = Math.abs(c);
        StringBuilder b = new StringBuilder(12);
        if (neg) {
            b.append('-');
        }
        b.append(c / 100);
        int frac = (int) (c % 100);
        if (frac != 0) {
            b.append('.').append((char) ('0' + frac / 10));
            if (frac % 10 != 0) {
                b.append((char) ('0' + frac % 10));
            }
        }
        return b.toString();
    }

    Svg open(String tag, String... attributes) {
        b.append('<').append(tag);
        attrs(attributes);
        b.append(">\n");
        return this;
    }

    Svg close(String tag) {
        b.append("</").append(tag).append(">\n");
        return this;
    }

    /** An empty element with attribute name/value pairs. */
    Svg element(String tag, String... attributes) {
        b.append('<').append(tag);
        attrs(attributes);
        b.append("/>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
        return element("line", "x1", num(x1), "y1", num(y1), "x2", num(x2), "y2", num(y2), "stroke", stroke,
                "stroke-width", num(width));
    }

    Svg text(double x, double y, String anchor, double size, String fill, String text, String... extra) {
        b.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(Escape.xml(anchor)).append("\" font-size=\"").append(num(size)).append("\" fill=\"")
                .append(Escape.xml(fill)).append('"');
        attrs(extra);
        b.append('>').append(Escape.xml(text)).append("</text>\n");
        return this;
    }

    /** Raw path data built by the caller from numbers only. */
    Svg path(CharSequence d, String stroke, double width, String fill, String... extra) {
        b.append("<path d=\"").append(d).append("\" stroke=\"").append(Escape.xml(stroke))
                .append("\" stroke-width=\"").append(num(width)).append("\" fill=\"").append(Escape.xml(fill))
                .append('"');
        attrs(extra);
        b.append("/>\n");
        return this;
    }

    private void attrs(String... attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            b.append(' ').append(attributes[i]).append("=\"").append(Escape.xml(attributes[i + 1])).append('"');
        }
    }

    String finish() {
        b.append("</svg>\n");
        return b.toString();
    }
}
