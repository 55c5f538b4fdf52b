package io.survkit.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A categorical column: a code per row (0-based index into {@link #levels()}) and the level labels
 * in analysis order. The first level is the reference level, as in R's {@code factor()}.
 *
 * <pre>{@code
 * Factor arm = data.group();            // e.g. levels [Chemotherapy alone, Surgery + chemotherapy]
 * String label = arm.level(arm.code(0)); // level of the first row
 * }</pre>
 */
public final class Factor {
    private final String name;
    private final List<String> levels;
    private final int[] codes;

    Factor(String name, List<String> levels, int[] codes) {
        this.name = Objects.requireNonNull(name);
        this.levels = List.copyOf(levels);
        this.codes = codes;
    }

    /** Column name. */
    public String name() {
        return name;
    }

    /** Level labels in analysis order; the first is the reference. */
    public List<String> levels() {
        return levels;
    }

    /** Number of levels. */
    public int levelCount() {
        return levels.size();
    }

    /** Label of level {@code code}. */
    public String level(int code) {
        return levels.get(code);
    }

    /** Code (0-based level index) of row {@code i}. */
    public int code(int i) {
        return codes[i];
    }

    /** Copy of the per-row codes. */
    public int[] codes() {
        return codes.clone();
    }

    /** Number of rows. */
    public int size() {
        return codes.length;
    }

    /** R's label of a level in a strata name: {@code "<name>=<level>"}. */
    public String label(int code) {
        return name + "=" + levels.get(code);
    }

    /** Index of {@code level}, or -1. */
    public int indexOf(String level) {
        return levels.indexOf(level);
    }

    Factor select(int[] keep) {
        int[] c = new int[keep.length];
        for (int i = 0; i < keep.length; i++) {
            c[i] = codes[keep[i]];
        }
        return new Factor(name, levels, c);
    }

    @Override
    public String toString() {
        return "Factor[" + name + ", levels=" + levels + ", n=" + codes.length + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Factor f && f.name.equals(name) && f.levels.equals(levels)
                && Arrays.equals(f.codes, codes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, levels, Arrays.hashCode(codes));
    }
}
