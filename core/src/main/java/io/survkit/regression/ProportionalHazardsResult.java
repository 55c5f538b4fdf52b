package io.survkit.regression;

import io.survkit.internal.Probabilities;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import io.survkit.internal.JsonWriter;
import java.util.List;
import java.util.Locale;

/**
 * The proportional-hazards test of a Cox model (R {@code cox.zph(fit)$table}): one chi-square
 * per model term (a factor is one term with as many degrees of freedom as it has coefficients)
 * and a global test. Immutable.
 *
 * <pre>{@code
 * ProportionalHazardsResult zph = ProportionalHazardsTest.withDefaults().test(fit);
 * zph.terms();          // [trt, karno, celltype]
 * zph.global().pValue();
 * }</pre>
 */
public final class ProportionalHazardsResult implements Exportable {
    private final List<String> terms;
    private final double[] chisq;
    private final int[] df;
    private final ChiSquareTest global;
    private final TimeTransform transform;
    private final int omitted;
    private final ScaledSchoenfeldResiduals residuals;

    ProportionalHazardsResult(List<String> terms, double[] chisq, int[] df, ChiSquareTest global,
            TimeTransform transform, int omitted, ScaledSchoenfeldResiduals residuals) {
        this.omitted = omitted;
        this.residuals = residuals;
        this.terms = List.copyOf(terms);
        this.chisq = chisq;
        this.df = df;
        this.global = global;
        this.transform = transform;
    }

    /** @return the rows the Cox fit left out (missing values), as its {@code omittedRows()} */
    public int omittedRows() {
        return omitted;
    }

    /**
     * @return the scaled Schoenfeld residuals against transformed time per term (R {@code zph$x},
     *         {@code $y}, {@code $var}), what {@code plot(cox.zph(fit))} draws
     */
    public ScaledSchoenfeldResiduals residuals() {
        return residuals;
    }

    /** {@return term names (rows of R's table, without {@code GLOBAL})} */
    public List<String> terms() {
        return terms;
    }

    /** {@return number of terms} */
    public int size() {
        return terms.size();
    }

    /**
     * Test of term i.
     *
     * @param i the 0-based index
     * @return test of term i
     */
    public ChiSquareTest test(int i) {
        return new ChiSquareTest(chisq[i], df[i]);
    }

    /** {@return Chi-square statistic per term} */
    public double[] chiSquares() {
        return chisq.clone();
    }

    /** {@return degrees of freedom per term} */
    public int[] degreesOfFreedom() {
        return df.clone();
    }

    /** {@return p-value per term} */
    public double[] pValues() {
        double[] p = new double[chisq.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Probabilities.chiSquareUpper(chisq[i], df[i]);
        }
        return p;
    }

    /** {@return the global test of all terms together (R's {@code GLOBAL} row)} */
    public ChiSquareTest global() {
        return global;
    }

    /** {@return the time transform used} */
    public TimeTransform transform() {
        return transform;
    }

    @Override
    public String toString() {
        int w = 6;
        for (String t : terms) {
            w = Math.max(w, t.length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %10s %4s %10s%n", "", "chisq", "df", "p"));
        double[] p = pValues();
        for (int i = 0; i < chisq.length; i++) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %10.4g %4d %10.4g%n", terms.get(i), chisq[i], df[i], p[i]));
        }
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %10.4g %4d %10.4g%n", "GLOBAL", global.statistic(),
                global.degreesOfFreedom(), global.pValue()));
        return sb.toString();
    }

    @Override
    public void writeJson(Appendable out) {
        Exports.zph(this, new JsonWriter(out));
    }

    @Override
    public Table table() {
        return Exports.zphTable(this);
    }

}
