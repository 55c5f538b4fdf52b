/**
 * One table model for every result: {@link io.survkit.table.Table}, named columns of numbers or
 * text in tidy form (one row per observation, one column per variable), rendered as text, Markdown,
 * HTML, CSV and JSON. A result's {@code table()} returns one; its {@code toCsv()} is
 * {@code table().toCsv()}.
 *
 * <p>Why a public class in its own package (not in {@code internal}): users pass tables on to
 * their own code (a data frame, a spreadsheet, a report), so the type is part of the API; it
 * depends on nothing but {@code internal}, so every analysis package may return it without a
 * cycle. Numbers keep full precision in CSV and JSON (the shortest decimal that reads back to the
 * same double) and are rounded only in the text renderings.
 *
 * <pre>{@code
 * Table t = KaplanMeier.withDefaults().fit(data).table();
 * Files.writeString(Path.of("km.csv"), t.toCsv());
 * }</pre>
 */
package io.survkit.table;
