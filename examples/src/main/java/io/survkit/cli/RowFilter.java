package io.survkit.cli;

import io.survkit.data.SurvivalData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --where}: R's {@code subset = } for the command line. Conditions {@code COLUMN OP VALUE}
 * with OP one of {@code == != < <= > >=}, joined by {@code &} (all must hold). A numeric column
 * compares numbers; a text column compares text ({@code ==}/{@code !=}, or byte order for the
 * others); the value may be quoted. As R's {@code subset}, a row whose column is missing does not
 * satisfy the condition.
 */
final class RowFilter {
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*`?([^`<>=!&\\s]+|[^`]+)`?\\s*(==|!=|<=|>=|<|>)\\s*(\"[^\"]*\"|'[^']*'|[^&]+?)\\s*");

    private record Condition(String column, String op, String value) {
    }

    private final List<Condition> conditions;
    private final String text;

    private RowFilter(String text, List<Condition> conditions) {
        this.text = text;
        this.conditions = conditions;
    }

    /**
     * Parses {@code --where}.
     *
     * @throws UsageException for a condition that is not {@code COLUMN OP VALUE}
     */
    static RowFilter parse(String text) {
        List<Condition> l = new ArrayList<>();
        for (String part : text.split("&")) {
            Matcher m = CONDITION.matcher(part);
            if (!m.matches()) {
                throw new UsageException("--where '" + part.strip() + "': expected COLUMN OP VALUE with OP one of "
                        + "== != < <= > >=, conditions joined by &");
            }
            String v = m.group(3);
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                v = v.substring(1, v.length() - 1);
            }
            l.add(new Condition(m.group(1).strip(), m.group(2), v));
        }
        return new RowFilter(text, List.copyOf(l));
    }

    /**
     * The rows of {@code data} that satisfy every condition.
     *
     * @throws IllegalArgumentException for an unknown column or a number compared with a non-number
     */
    SurvivalData apply(SurvivalData data) {
        // R's three-valued logic: a row is dropped when a condition is FALSE, kept when all are TRUE,
        // and otherwise (a missing value makes a condition NA) it becomes a row of NA that na.omit
        // removes and counts (R's subset = inside model.frame)
        int rowsIn = data.rowCount();
        boolean[] keep = new boolean[rowsIn];
        boolean[] unknown = new boolean[rowsIn];
        java.util.Arrays.fill(keep, true);
        for (Condition c : conditions) {
            if (!data.hasColumn(c.column())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "--where: unknown column '%s'; the data have %s", c.column(), data.columnNames()));
            }
            if (data.isNumeric(c.column())) {
                double v;
                try {
                    v = Double.parseDouble(c.value().strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "--where: column '%s' holds numbers but '%s' is not a number", c.column(), c.value()));
                }
                double[] x = data.numbers(c.column());
                for (int i = 0; i < rowsIn; i++) {
                    if (Double.isNaN(x[i])) {
                        unknown[i] = true;
                    } else {
                        keep[i] &= holds(Double.compare(x[i], v), c.op());
                    }
                }
            } else {
                String[] x = data.labels(c.column());
                for (int i = 0; i < rowsIn; i++) {
                    if (x[i] == null) {
                        unknown[i] = true;
                    } else {
                        keep[i] &= holds(x[i].compareTo(c.value()), c.op());
                    }
                }
            }
        }
        int n = 0;
        int na = 0;
        for (int i = 0; i < rowsIn; i++) {
            n += keep[i] ? 1 : 0;
            na += keep[i] && unknown[i] ? 1 : 0;
        }
        if (n == na) {
            throw new IllegalArgumentException("--where '" + text + "' keeps none of the " + rowsIn + " rows");
        }
        int[] rows = new int[n];
        int[] missing = new int[na];
        int j = 0;
        int m = 0;
        for (int i = 0; i < rowsIn; i++) {
            if (keep[i]) {
                if (unknown[i]) {
                    missing[m++] = j;
                }
                rows[j++] = i;
            }
        }
        SurvivalData kept = n == rowsIn ? data : data.rows(rows);
        return na == 0 ? kept : kept.withRowsMissing(missing);
    }

    private static boolean holds(int cmp, String op) {
        return switch (op) {
            case "==" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }
}
