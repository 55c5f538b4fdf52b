package io.survkit.plot;

import io.survkit.internal.Check;
import io.survkit.internal.Escape;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-contained HTML document (no scripts, no external resources): headings, paragraphs,
 * tables and inline SVG figures. Every piece of text is escaped; figures must be SVG documents
 * produced by survkit's plots. Immutable: each call returns a new report.
 *
 * <pre>{@code
 * String html = HtmlReport.titled("GIST liver metastases: surgery + chemotherapy vs chemotherapy alone")
 *         .heading("Overall survival")
 *         .figure(kmSvg, "Kaplan-Meier curves by arm")
 *         .table(List.of("Arm", "n", "Median"), rows)
 *         .paragraph(methods)
 *         .render();
 * }</pre>
 */
public final class HtmlReport {
    private static final String STYLE = "body{font-family:Helvetica,Arial,sans-serif;max-width:980px;margin:24px auto;"
            + "color:#111;line-height:1.45}table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #bbb;"
            + "padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}th{background:#f2f2f2}"
            + "figure{margin:16px 0}figcaption{font-size:90%;color:#444}.methods{font-size:92%;color:#333}";
    private final String title;
    private final List<String> parts;

    private HtmlReport(String title, List<String> parts) {
        this.title = title;
        this.parts = List.copyOf(parts);
    }

    /**
     * A new report with a title (shown as the page title and first heading).
     *
     * @param title the title
     * @return A new report with a title (shown as the page title and first heading)
     */
    public static HtmlReport titled(String title) {
        return new HtmlReport(Check.notNull("title", title), List.of());
    }

    private HtmlReport with(String html) {
        List<String> p = new ArrayList<>(parts);
        p.add(html);
        return new HtmlReport(title, p);
    }

    /**
     * A section heading.
     *
     * @param text the text
     * @return A section heading
     */
    public HtmlReport heading(String text) {
        return with("<h2>" + Escape.html(text) + "</h2>");
    }

    /**
     * A paragraph of plain text.
     *
     * @param text the text
     * @return A paragraph of plain text
     */
    public HtmlReport paragraph(String text) {
        return with("<p>" + Escape.html(text) + "</p>");
    }

    /**
     * A paragraph styled as a methods statement.
     *
     * @param text the text
     * @return A paragraph styled as a methods statement
     */
    public HtmlReport methods(String text) {
        return with("<p class=\"methods\">" + Escape.html(text) + "</p>");
    }

    /**
     * A table: header cells and rows of cells, all plain text.
     *
     * @param header the header
     * @param rows the rows
     * @return A table: header cells and rows of cells, all plain text
     */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table><thead><tr>");
        for (String h : header) {
            b.append("<th>").append(Escape.html(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw Check.fail("table row %s has %d cells; the header has %d", row, row.size(), header.size());
            }
            b.append("<tr>");
            for (String c : row) {
                b.append("<td>").append(Escape.html(c)).append("</td>");
            }
            b.append("</tr>");
        }
        return with(b.append("</tbody></table>").toString());
    }

    /**
     * An inline SVG figure (an SVG document made by survkit) with a caption.
     *
     * @param svg the svg
     * @param caption the caption
     * @return an inline SVG figure (an SVG document made by survkit) with a caption
     */
    public HtmlReport figure(String svg, String caption) {
        Check.notNull("svg", svg);
        int start = svg.indexOf("<svg");
        if (start < 0 || !svg.stripTrailing().endsWith("</svg>")) {
            throw Check.fail("figure '%s' is not an SVG document", caption);
        }
        return with("<figure>" + svg.substring(start) + "<figcaption>" + Escape.html(caption)
                + "</figcaption></figure>");
    }

    /** {@return the HTML document} */
    public String render() {
        StringBuilder b = new StringBuilder(1 << 14);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                        + "'unsafe-inline'; img-src data:\">")
                .append("<title>").append(Escape.html(title)).append("</title><style>").append(STYLE)
                .append("</style></head>\n<body>\n<h1>").append(Escape.html(title)).append("</h1>\n");
        for (String p : parts) {
            b.append(p).append('\n');
        }
        return b.append("</body></html>\n").toString();
    }
}
