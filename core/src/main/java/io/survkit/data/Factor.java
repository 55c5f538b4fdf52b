package io.survkit.data;

import io.survkit.internal.Check;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A categorical column: a code per row (0-based index into {@link #levels()}) and the level labels
 * in analysis order. The first level is the reference level, as in R's {@code factor()}.
 *
 * <pre>{@code
 * Factor arm = ModelFrame.of(data, "arm").groups().orElseThrow(); // levels [control, treated]
 * String label = arm.level(arm.code(0)); // level of the first row
 * }</pre>
 */
public final class Factor {
    private final String name;
    private final List<String> levels;
    private final int[] codes;
    /** R's label of each level where it is not {@code <name>=<level>} (strata, several variables), or null. */
    private final List<String> labels;

    Factor(String name, List<String> levels, int[] codes) {
        this(name, levels, codes, null);
    }

    Factor(String name, List<String> levels, int[] codes, List<String> labels) {
        this.name = Objects.requireNonNull(name);
        this.levels = List.copyOf(levels);
        this.codes = codes;
        this.labels = labels == null ? null : List.copyOf(labels);
    }

    /**
     * A factor from per-row codes (0-based indices into {@code levels}, the first level the
     * reference). Levels must be distinct and non-null; every code must index a level.
     *
     * <pre>{@code
     * Factor arm = Factor.of("arm", List.of("control", "treated"), new int[] {0, 1, 1, 0});
     * }</pre>
     *
     * @param name the name
     * @param levels the levels
     * @param codes the codes
     * @return A factor from per-row codes (0-based indices into {@code levels}, the first level the reference)
     */
    public static Factor of(String name, List<String> levels, int[] codes) {
        Check.notNull("factor name", name);
        Check.notNull("factor levels", levels);
        Check.notNull("factor codes", codes);
        if (levels.isEmpty()) {
            throw Check.fail("factor '%s' needs at least one level", name);
        }
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (String l : levels) {
            if (l == null || !distinct.add(l)) {
                throw Check.fail("factor '%s': levels must be distinct and non-null, got %s", name, levels);
            }
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < 0 || codes[i] >= levels.size()) {
                throw Check.fail("factor '%s', row %d: code %d is not a level index 0..%d", name, i + 1, codes[i],
                        levels.size() - 1);
            }
        }
        return new Factor(name, levels, codes.clone());
    }

    /**
     * R's default level order of these labels: ascending, in numeric order when every label is a
     * number, else in byte (code point) order.
     *
     * @param labels the labels (duplicates allowed)
     * @return the distinct labels in R's order
     */
    public static List<String> defaultLevels(String... labels) {
        return List.copyOf(Levels.sorted(labels));
    }

    /**
     * R's {@code relevel(x, ref)}: the same factor with {@code reference} as the first level.
     *
     * @param reference a level (numbers compared by value)
     * @return the relevelled factor
     */
    public Factor relevel(String reference) {
        return Levels.relevel(this, name, Check.notNull("reference level", reference));
    }

    /**
     * The same factor under another column name.
     *
     * @param newName the new name
     * @return the same factor under another column name
     */
    public Factor rename(String newName) {
        return new Factor(Check.notNull("factor name", newName), levels, codes, labels);
    }

    /** {@return column name} */
    public String name() {
        return name;
    }

    /** {@return level labels in analysis order; the first is the reference} */
    public List<String> levels() {
        return levels;
    }

    /** {@return number of levels} */
    public int levelCount() {
        return levels.size();
    }

    /**
     * Label of level {@code code}.
     *
     * @param code the 0-based level index
     * @return the label of level {@code code}
     */
    public String level(int code) {
        return levels.get(code);
    }

    /**
     * Code (0-based level index) of row {@code i}.
     *
     * @param i the 0-based index
     * @return code (0-based level index) of row {@code i}
     */
    public int code(int i) {
        return codes[i];
    }

    /** {@return copy of the per-row codes} */
    public int[] codes() {
        return codes.clone();
    }

    /** {@return number of rows} */
    public int size() {
        return codes.length;
    }

    /**
     * R's label of level {@code code}: {@code "<name>=<level>"} as {@code survfit} names a curve
     * ({@code "sex=1"}), or the label R's {@code strata()} gives (e.g. {@code "adeno"},
     * {@code "a=1, b=2"}) for factors a {@link ModelFrame} builds from strata terms or several columns.
     *
     * @param code the 0-based level index
     * @return R's label of level {@code code}: {@code "<name>=<level>"} as {@code survfit} names a curve ({@code "sex=1"}), or the label R's {@code strata()} gives (e.g
     */
    public String label(int code) {
        return labels != null ? labels.get(code) : name + "=" + levels.get(code);
    }

    /** {@return R's labels of all levels, in level order (see {@link #label(int)})} */
    public List<String> labels() {
        if (labels != null) {
            return labels;
        }
        List<String> l = new java.util.ArrayList<>(levels.size());
        for (int c = 0; c < levels.size(); c++) {
            l.add(label(c));
        }
        return List.copyOf(l);
    }

    /**
     * Index of {@code level}, or -1.
     *
     * @param level the confidence level, in (0, 1)
     * @return index of {@code level}, or -1
     */
    public int indexOf(String level) {
        return levels.indexOf(level);
    }

    Factor select(int[] keep) {
        int[] c = new int[keep.length];
        for (int i = 0; i < keep.length; i++) {
            c[i] = codes[keep[i]];
        }
        return new Factor(name, levels, c, labels);
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
