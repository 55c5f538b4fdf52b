package io.survkit.data;

import java.util.Objects;

/**
 * A named covariate column: numeric (one model column) or a factor (one dummy column per
 * non-reference level, named {@code <column><level>} as R names them).
 */
public final class Covariate {
    private final String name;
    private final double[] values;
    private final Factor factor;

    private Covariate(String name, double[] values, Factor factor) {
        this.name = Objects.requireNonNull(name);
        this.values = values;
        this.factor = factor;
    }

    static Covariate numeric(String name, double[] values) {
        return new Covariate(name, values, null);
    }

    static Covariate factor(Factor factor) {
        return new Covariate(factor.name(), null, factor);
    }

    /** Column name. */
    public String name() {
        return name;
    }

    /** True for a factor covariate. */
    public boolean isFactor() {
        return factor != null;
    }

    /** The factor (levels, reference first), or null for a numeric covariate. */
    public Factor factor() {
        return factor;
    }

    /** Copy of the numeric values; for a factor, its codes as doubles. */
    public double[] values() {
        if (factor != null) {
            double[] v = new double[factor.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = factor.code(i);
            }
            return v;
        }
        return values.clone();
    }

    /** Value of row {@code i} (the code for a factor). */
    public double value(int i) {
        return factor != null ? factor.code(i) : values[i];
    }

    /** Number of model-matrix columns: 1, or levels - 1 for a factor. */
    public int columnCount() {
        return factor != null ? factor.levelCount() - 1 : 1;
    }

    /** R's model-matrix column name of column {@code j}: the column, or {@code <column><level>}. */
    public String columnName(int j) {
        return factor != null ? name + factor.level(j + 1) : name;
    }

    /** Model-matrix entry of row {@code i}, column {@code j} (a 0/1 dummy for a factor). */
    public double column(int i, int j) {
        return factor != null ? (factor.code(i) == j + 1 ? 1.0 : 0.0) : values[i];
    }

    Covariate select(int[] keep) {
        if (factor != null) {
            return factor(factor.select(keep));
        }
        double[] v = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            v[i] = values[keep[i]];
        }
        return numeric(name, v);
    }

    @Override
    public String toString() {
        return isFactor() ? "Covariate[" + name + ", factor " + factor.levels() + "]"
                : "Covariate[" + name + ", numeric]";
    }
}
