package io.survkit.data;

import java.util.Arrays;

/**
 * File line of each 1-based data row. Without blank lines or quoted line breaks, row {@code r} is on
 * line {@code r + 1} (after the header); every blank line or line break inside a quoted field moves
 * the rows after it down. The offset {@code line - (row + 1)} never decreases, so only the rows where
 * it grows are stored: a file without such lines costs nothing, and a lookup is a binary search.
 */
final class LineMap {
    /** Rows as in R's {@code read.csv}: data row r on file line r + 1. */
    static final LineMap PLAIN = new LineMap(new int[0], new int[0], 0);

    /** Rows of a source without file lines (a query result): messages name the row only. */
    static final LineMap NONE = new LineMap(new int[0], new int[0], -1);

    private final int[] rows;
    private final int[] offsets;
    private final int count;

    private LineMap(int[] rows, int[] offsets, int count) {
        this.rows = rows;
        this.offsets = offsets;
        this.count = count;
    }

    /** True when rows have file lines. */
    boolean hasLines() {
        return count >= 0;
    }

    /**
     * Where a value came from, for messages: {@code column 'time', row 17 (file line 20)} with the
     * true file line, or {@code column 'time', row 17} for a source without lines.
     */
    String at(String column, int row) {
        return hasLines() ? io.survkit.internal.Check.at(column, row, line(row))
                : io.survkit.internal.Check.format("column '%s', row %d", column, row);
    }

    /** The file line (1-based) of data row {@code row} (1-based). */
    int line(int row) {
        if (count <= 0) {
            return row + 1;
        }
        int k = Arrays.binarySearch(rows, 0, count, row);
        if (k < 0) {
            k = -k - 2;
        }
        return row + 1 + (k < 0 ? 0 : offsets[k]);
    }

    /** Collects the rows whose offset grows, in increasing row order. */
    static final class Recorder {
        private int[] rows = new int[8];
        private int[] offsets = new int[8];
        private int count;

        /** Data row {@code row} starts on file line {@code line}. */
        void row(int row, long line) {
            int offset = (int) (line - row - 1);
            int last = count == 0 ? 0 : offsets[count - 1];
            if (offset != last) {
                if (count > 0 && rows[count - 1] == row) {
                    offsets[count - 1] = offset;
                    return;
                }
                if (count == rows.length) {
                    rows = Arrays.copyOf(rows, count * 2);
                    offsets = Arrays.copyOf(offsets, count * 2);
                }
                rows[count] = row;
                offsets[count++] = offset;
            }
        }

        LineMap map() {
            return count == 0 ? PLAIN : new LineMap(Arrays.copyOf(rows, count), Arrays.copyOf(offsets, count), count);
        }
    }
}
