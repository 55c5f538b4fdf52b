package io.survkit.data;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Factor coding as R does it: levels in R's order (a declared order, else ascending: numeric order
 * when every value is a number, byte order otherwise), the reference level first, and the labels
 * of R's {@code strata()} for combinations of several columns.
 */
final class Levels {
    private Levels() {
    }

    /** Distinct labels: numeric order when all are numbers, else byte (code point) order. */
    static List<String> sorted(String[] labels) {
        TreeSet<String> distinct = new TreeSet<>(new HashSet<>(Arrays.asList(labels)));
        boolean numbers = true;
        for (String s : distinct) {
            if (Column.parse(s) == null) {
                numbers = false;
                break;
            }
        }
        List<String> lv = new ArrayList<>(distinct);
        if (numbers) {
            lv.sort(Comparator.comparingDouble(Column::parse));
        }
        return lv;
    }

    /**
     * The factor of column {@code c} over the rows {@code keep} (none missing).
     *
     * @param reference the reference level (moved first), or null
     * @param sourceRows 1-based source rows of the kept rows, for messages
     * @param lines their file lines, for messages
     */
    static Factor code(Column c, int[] keep, String reference, int[] sourceRows, LineMap lines) {
        Factor f = c.isNumeric() ? numeric(c, keep) : text(c, keep, sourceRows, lines);
        return reference == null ? f : relevel(f, c.name, reference);
    }

    private static Factor numeric(Column c, int[] keep) {
        int m = keep.length;
        // distinct values by an open-addressing table on the bits of the value (no boxing)
        int cap = Integer.highestOneBit(Math.max(16, m * 2 - 1)) << 1;
        long[] keys = new long[cap];
        int[] slot = new int[cap];
        Arrays.fill(slot, -1);
        double[] distinct = new double[Math.min(m, 1024)];
        int d = 0;
        int[] raw = new int[m];
        for (int k = 0; k < m; k++) {
            double v = c.numbers[keep[k]] + 0.0; // -0.0 and 0.0 are one level
            long bits = Double.doubleToLongBits(v);
            int h = (int) (bits ^ (bits >>> 32)) * 0x9E3779B9;
            int s = (h ^ (h >>> 16)) & (cap - 1);
            while (slot[s] >= 0 && keys[s] != bits) {
                s = (s + 1) & (cap - 1);
            }
            if (slot[s] < 0) {
                keys[s] = bits;
                slot[s] = d;
                if (d == distinct.length) {
                    distinct = Arrays.copyOf(distinct, d * 2);
                }
                distinct[d++] = v;
            }
            raw[k] = slot[s];
        }
        double[] sortedValues = Arrays.copyOf(distinct, d);
        Arrays.sort(sortedValues);
        int[] rank = new int[d];
        for (int j = 0; j < d; j++) {
            rank[j] = Arrays.binarySearch(sortedValues, distinct[j]);
        }
        List<String> levels = new ArrayList<>(d);
        for (double v : sortedValues) {
            levels.add(Column.formatNumber(v));
        }
        for (int k = 0; k < m; k++) {
            raw[k] = rank[raw[k]];
        }
        return new Factor(c.name, levels, raw);
    }

    private static Factor text(Column c, int[] keep, int[] sourceRows, LineMap lines) {
        String[] labels = c.labels(keep);
        List<String> lv = c.levels != null ? c.levels : sorted(labels);
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < lv.size(); j++) {
            index.put(lv.get(j), j);
        }
        int[] codes = new int[keep.length];
        for (int k = 0; k < keep.length; k++) {
            Integer j = index.get(labels[k]);
            if (j == null) {
                throw Check.fail("%s: value '%s' is not one of the levels %s", lines.at(c.name, sourceRows[k]),
                        labels[k], lv);
            }
            codes[k] = j;
        }
        return new Factor(c.name, lv, codes);
    }

    /** R {@code relevel(x, ref)}: the reference first, the others in their order. */
    static Factor relevel(Factor f, String column, String reference) {
        Double d = Column.parse(reference);
        String ref = d == null ? reference.strip() : Column.formatNumber(d);
        int r = f.indexOf(ref);
        if (r < 0) {
            throw Check.fail("column '%s': reference level '%s' does not occur; levels are %s", column, reference,
                    f.levels());
        }
        if (r == 0) {
            return f;
        }
        List<String> lv = new ArrayList<>(f.levels());
        lv.remove(r);
        lv.add(0, ref);
        int[] codes = f.codes();
        for (int i = 0; i < codes.length; i++) {
            codes[i] = codes[i] == r ? 0 : codes[i] < r ? codes[i] + 1 : codes[i];
        }
        return new Factor(f.name(), lv, codes);
    }

    /**
     * The combination of several factors as R's {@code strata()} builds it: the first factor
     * varies slowest, only combinations with rows are levels. Labels: with {@code shortLabel} the
     * levels joined by {@code ", "}; otherwise {@code name=level} joined by {@code ", "}, where
     * every factor after the first is padded to the width of its longest {@code name=level}
     * (R's {@code format()}).
     */
    static Factor combine(String name, List<Factor> parts, boolean shortLabel) {
        int n = parts.get(0).size();
        if (parts.size() == 1) {
            Factor f = parts.get(0);
            List<String> labels = new ArrayList<>();
            for (String l : f.levels()) {
                labels.add(shortLabel ? l : f.name() + "=" + l);
            }
            return new Factor(name, f.levels(), f.codes(), labels);
        }
        List<List<String>> words = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            Factor f = parts.get(p);
            List<String> w = new ArrayList<>();
            int width = 0;
            for (String l : f.levels()) {
                String s = shortLabel ? l : f.name() + "=" + l;
                w.add(s);
                width = Math.max(width, s.length());
            }
            if (!shortLabel && p > 0) {
                for (int j = 0; j < w.size(); j++) {
                    w.set(j, String.format(java.util.Locale.ROOT, "%-" + width + "s", w.get(j)));
                }
            }
            words.add(w);
        }
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            long k = 0;
            for (Factor f : parts) {
                k = k * f.levelCount() + f.code(i);
            }
            key[i] = k;
        }
        long[] distinct = Arrays.stream(key).distinct().sorted().toArray();
        List<String> labels = new ArrayList<>(distinct.length);
        List<String> levels = new ArrayList<>(distinct.length);
        for (long k : distinct) {
            String[] piece = new String[parts.size()];
            String[] raw = new String[parts.size()];
            long r = k;
            for (int p = parts.size() - 1; p >= 0; p--) {
                int c = (int) (r % parts.get(p).levelCount());
                r /= parts.get(p).levelCount();
                piece[p] = words.get(p).get(c);
                raw[p] = parts.get(p).level(c);
            }
            labels.add(String.join(", ", piece));
            levels.add(String.join(", ", raw));
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = Arrays.binarySearch(distinct, key[i]);
        }
        return new Factor(name, levels, codes, labels);
    }
}
