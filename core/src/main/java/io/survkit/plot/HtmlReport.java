package io.survkit.plot;

import io.survkit.internal.Check;
import io.survkit.table.Document;
import io.survkit.table.Table;
import java.util.List;

/**
 * A self-contained HTML document (no scripts, no external resources): headings, paragraphs,
 * tables and inline SVG figures. A shorthand over {@link Document} (the one report model, which also
 * renders Markdown and text): every piece of text is escaped; figures must be SVG documents
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
    private final Document document;
    private final int figures;

    private HtmlReport(Document document, int figures) {
        this.document = document;
        this.figures = figures;
    }

    /**
     * @param title the page title and first heading
     * @return a new report
     */
    public static HtmlReport titled(String title) {
        return new HtmlReport(Document.titled(Check.notNull("title", title)), 0);
    }

    /**
     * @param text a section heading
     * @return the report with it
     */
    public HtmlReport heading(String text) {
        return new HtmlReport(document.heading(text), figures);
    }

    /**
     * @param text a paragraph of plain text
     * @return the report with it
     */
    public HtmlReport paragraph(String text) {
        return new HtmlReport(document.paragraph(text), figures);
    }

    /**
     * @param text a paragraph styled as a methods statement
     * @return the report with it
     */
    public HtmlReport methods(String text) {
        return new HtmlReport(document.methods(text), figures);
    }

    /**
     * @param header the header cells
     * @param rows rows of cells, all plain text, each as long as the header
     * @return the report with the table
     */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        Table.Builder b = Table.builder();
        for (String h : header) {
            b.textColumn(h);
        }
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw Check.fail("table row %s has %d cells; the header has %d", row, row.size(), header.size());
            }
            for (String c : row) {
                b.text(c);
            }
        }
        return new HtmlReport(document.table(null, b.build()), figures);
    }

    /**
     * @param svg an SVG document made by survkit
     * @param caption the caption
     * @return the report with the figure inline
     */
    public HtmlReport figure(String svg, String caption) {
        return new HtmlReport(document.figure("figure-" + (figures + 1), svg, caption), figures + 1);
    }

    /** @return the report as its {@link Document} (for Markdown or text) */
    public Document document() {
        return document;
    }

    /** @return the HTML document */
    public String render() {
        return document.toHtml();
    }
}
