package io.survkit.table;

import io.survkit.internal.Check;
import io.survkit.internal.Escape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as one model, immutable: a title, then headings, paragraphs, bullet lists,
 * {@link Table}s and SVG figures, in order. The same document renders as plain text, as Markdown
 * (figures as links to SVG files written beside it, {@link #figures()}) and as a self-contained
 * HTML page (no scripts, no external resources; figures inline), so that the three never disagree.
 * Every piece of text is escaped for its format.
 *
 * <pre>{@code
 * Document d = Document.titled("Lung cancer: survival by sex")
 *         .heading("Overall survival")
 *         .table("Per arm", armTable)
 *         .figure("km-os", kmSvg, "Kaplan-Meier curves by arm")
 *         .paragraph(methods);
 * Files.writeString(dir.resolve("report.html"), d.toHtml());
 * Files.writeString(dir.resolve("report.md"), d.toMarkdown());   // links km-os.svg
 * }</pre>
 */
public final class Document {
    private static final String STYLE = "body{font-family:Helvetica,Arial,sans-serif;max-width:980px;margin:24px auto;"
            + "color:#111;line-height:1.45}table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #bbb;"
            + "padding:4px 8px;text-align:left;vertical-align:top}td.number{text-align:right}th{background:#f2f2f2}"
            + "caption{text-align:left;font-weight:bold;padding:4px 0}figure{margin:16px 0}"
            + "figcaption{font-size:90%;color:#444}.methods{font-size:92%;color:#333}";

    /** One part of the document. */
    private sealed interface Block permits Heading, Paragraph, Bullets, TableBlock, Figure {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Paragraph(String text, boolean methods) implements Block {
    }

    private record Bullets(List<String> items) implements Block {
    }

    private record TableBlock(String caption, Table table) implements Block {
    }

    private record Figure(String name, String svg, String caption) implements Block {
    }

    private final String title;
    private final List<Block> blocks;

    private Document(String title, List<Block> blocks) {
        this.title = title;
        this.blocks = List.copyOf(blocks);
    }

    /**
     * @param title the document's title (the page title and first heading)
     * @return an empty document
     */
    public static Document titled(String title) {
        return new Document(Check.notNull("title", title), List.of());
    }

    private Document with(Block b) {
        List<Block> l = new ArrayList<>(blocks);
        l.add(b);
        return new Document(title, l);
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /**
     * @param text a section heading (level 2)
     * @return the document with it
     */
    public Document heading(String text) {
        return with(new Heading(2, Check.notNull("heading", text)));
    }

    /**
     * @param text a subsection heading (level 3)
     * @return the document with it
     */
    public Document subheading(String text) {
        return with(new Heading(3, Check.notNull("heading", text)));
    }

    /**
     * @param text a paragraph of plain text
     * @return the document with it
     */
    public Document paragraph(String text) {
        return with(new Paragraph(Check.notNull("paragraph", text), false));
    }

    /**
     * @param text a methods statement (a paragraph styled smaller in HTML)
     * @return the document with it
     */
    public Document methods(String text) {
        return with(new Paragraph(Check.notNull("methods", text), true));
    }

    /**
     * @param items a bullet list of plain text (nothing is added when empty)
     * @return the document with it
     */
    public Document bullets(List<String> items) {
        Check.notNull("items", items);
        return items.isEmpty() ? this : with(new Bullets(List.copyOf(items)));
    }

    /**
     * @param caption the table's caption, or null for none
     * @param table the table
     * @return the document with it
     */
    public Document table(String caption, Table table) {
        return with(new TableBlock(caption, Check.notNull("table", table)));
    }

    /**
     * @param name the figure's file name without extension ({@code name.svg} beside the Markdown);
     *     letters, digits, '-' and '_' only
     * @param svg an SVG document made by survkit
     * @param caption the caption
     * @return the document with it
     * @throws IllegalArgumentException when {@code svg} is not an SVG document or the name is not a plain file name
     */
    public Document figure(String name, String svg, String caption) {
        Check.notNull("figure name", name);
        Check.notNull("svg", svg);
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw Check.fail("figure name '%s' must be letters, digits, '-' or '_'", name);
        }
        int start = svg.indexOf("<svg");
        if (start < 0 || !svg.stripTrailing().endsWith("</svg>")) {
            throw Check.fail("figure '%s' is not an SVG document", name);
        }
        for (Block b : blocks) {
            if (b instanceof Figure f && f.name().equals(name)) {
                throw Check.fail("figure name '%s' is used twice", name);
            }
        }
        return with(new Figure(name, svg, Check.notNull("caption", caption)));
    }

    /**
     * Appends {@code section}: its title as a heading, its headings one level deeper.
     *
     * @param section another document
     * @return the document with it
     */
    public Document section(Document section) {
        Check.notNull("section", section);
        List<Block> l = new ArrayList<>(blocks);
        l.add(new Heading(2, section.title));
        for (Block b : section.blocks) {
            l.add(b instanceof Heading h ? new Heading(Math.min(h.level() + 1, 6), h.text()) : b);
        }
        Document d = new Document(title, l);
        d.figures();   // checks that figure names stay unique
        return d;
    }

    /** @return the figures by name, in order: the SVG files the Markdown links to */
    public Map<String, String> figures() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Block b : blocks) {
            if (b instanceof Figure f && m.put(f.name(), f.svg()) != null) {
                throw Check.fail("figure name '%s' is used twice", f.name());
            }
        }
        return m;
    }

    /** @return the tables, in order, with their captions (null when none) */
    public List<Map.Entry<String, Table>> tables() {
        List<Map.Entry<String, Table>> t = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof TableBlock tb) {
                t.add(new java.util.AbstractMap.SimpleImmutableEntry<>(tb.caption(), tb.table()));
            }
        }
        return t;
    }

    /** @return the document as plain text: underlined headings, aligned tables, figures by their caption */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(Escape.terminal(title)).append('\n').append("=".repeat(title.length())).append("\n\n");
        for (Block x : blocks) {
            if (x instanceof Heading h) {
                b.append(Escape.terminal(h.text())).append('\n')
                        .append((h.level() == 2 ? "-" : "~").repeat(h.text().length())).append("\n\n");
            } else if (x instanceof Paragraph p) {
                b.append(Escape.terminal(p.text())).append("\n\n");
            } else if (x instanceof Bullets l) {
                for (String s : l.items()) {
                    b.append("  - ").append(Escape.terminal(s)).append('\n');
                }
                b.append('\n');
            } else if (x instanceof TableBlock t) {
                if (t.caption() != null) {
                    b.append(Escape.terminal(t.caption())).append('\n');
                }
                b.append(t.table().toText()).append('\n');
            } else if (x instanceof Figure f) {
                b.append("[figure ").append(f.name()).append(".svg: ").append(Escape.terminal(f.caption()))
                        .append("]\n\n");
            }
        }
        return b.toString();
    }

    /** @return the document as GitHub-flavoured Markdown; figures link to {@code name.svg} */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(Escape.markdown(title)).append("\n\n");
        for (Block x : blocks) {
            if (x instanceof Heading h) {
                b.append("#".repeat(h.level())).append(' ').append(Escape.markdown(h.text())).append("\n\n");
            } else if (x instanceof Paragraph p) {
                b.append(Escape.markdown(p.text())).append("\n\n");
            } else if (x instanceof Bullets l) {
                for (String s : l.items()) {
                    b.append("- ").append(Escape.markdown(s)).append('\n');
                }
                b.append('\n');
            } else if (x instanceof TableBlock t) {
                if (t.caption() != null) {
                    b.append("**").append(Escape.markdown(t.caption())).append("**\n\n");
                }
                b.append(t.table().toMarkdown()).append('\n');
            } else if (x instanceof Figure f) {
                b.append("![").append(Escape.markdown(f.caption())).append("](").append(f.name()).append(".svg)\n\n");
            }
        }
        return b.toString();
    }

    /** @return the document as one self-contained HTML page */
    public String toHtml() {
        StringBuilder b = new StringBuilder(1 << 14);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                        + "'unsafe-inline'; img-src data:\">")
                .append("<title>").append(Escape.html(title)).append("</title><style>").append(STYLE)
                .append("</style></head>\n<body>\n<h1>").append(Escape.html(title)).append("</h1>\n");
        for (Block x : blocks) {
            if (x instanceof Heading h) {
                b.append("<h").append(h.level()).append('>').append(Escape.html(h.text())).append("</h")
                        .append(h.level()).append(">\n");
            } else if (x instanceof Paragraph p) {
                b.append(p.methods() ? "<p class=\"methods\">" : "<p>").append(Escape.html(p.text())).append("</p>\n");
            } else if (x instanceof Bullets l) {
                b.append("<ul>");
                for (String s : l.items()) {
                    b.append("<li>").append(Escape.html(s)).append("</li>");
                }
                b.append("</ul>\n");
            } else if (x instanceof TableBlock t) {
                String html = t.table().toHtml();
                if (t.caption() != null) {
                    html = html.replaceFirst("<table>", "<table><caption>"
                            + java.util.regex.Matcher.quoteReplacement(Escape.html(t.caption())) + "</caption>");
                }
                b.append(html);
            } else if (x instanceof Figure f) {
                b.append("<figure id=\"").append(f.name()).append("\">").append(f.svg().substring(f.svg().indexOf("<svg")))
                        .append("<figcaption>").append(Escape.html(f.caption())).append("</figcaption></figure>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    /** @return {@link #toText()} */
    @Override
    public String toString() {
        return toText();
    }
}
