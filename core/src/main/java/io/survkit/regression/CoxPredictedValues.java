package io.survkit.regression;

import io.survkit.internal.JsonWriter;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Predictions of a Cox model for a set of rows, R {@code predict.coxph(fit, newdata, type, se.fit
 * = TRUE, reference)}: one value and its standard error per row, or, for
 * {@link CoxPredictionType#TERMS}, one per row and model term. Rows are the rows predicted for
 * (the fitted rows in data order, or the new rows without the omitted ones), see
 * {@link #sourceRows()}. Immutable; arrays returned are copies.
 *
 * <pre>{@code
 * CoxPredictedValues lp = fit.prediction().predict(newData, CoxPredictionType.LINEAR_PREDICTOR);
 * double[] fitted = lp.fit();               // R predict(fit, newdata)$fit
 * double[] se = lp.standardErrors();        // R $se.fit
 * }</pre>
 */
public final class CoxPredictedValues implements Exportable {
    private final CoxPredictionType type;
    private final CoxPredictionReference reference;
    private final List<String> terms;
    private final int rows;
    private final double[] fit;
    private final double[] se;
    private final int[] sourceRows;
    private final int omitted;
    private final double constant;
    private final boolean withSe;

    CoxPredictedValues(CoxPredictionType type, CoxPredictionReference reference, List<String> terms, int rows,
            double[] fit, double[] se, int[] sourceRows, int omitted, double constant) {
        this.type = type;
        this.reference = reference;
        this.terms = List.copyOf(terms);
        this.rows = rows;
        this.fit = fit;
        this.se = se;
        this.sourceRows = sourceRows;
        this.omitted = omitted;
        this.constant = constant;
        this.withSe = true;
    }

    private CoxPredictedValues(CoxPredictedValues v) {
        this.type = v.type;
        this.reference = v.reference;
        this.terms = v.terms;
        this.rows = v.rows;
        this.fit = v.fit;
        this.se = v.se;
        this.sourceRows = v.sourceRows;
        this.omitted = v.omitted;
        this.constant = v.constant;
        this.withSe = false;
    }

    /**
     * The same predictions without their standard errors (R {@code se.fit = FALSE}): the JSON and
     * the table leave {@code se.fit} out.
     *
     * @return the predictions alone
     */
    public CoxPredictedValues withoutStandardErrors() {
        return withSe ? new CoxPredictedValues(this) : this;
    }

    /** @return true unless made by {@link #withoutStandardErrors()} */
    public boolean hasStandardErrors() {
        return withSe;
    }

    /** @return the prediction type */
    public CoxPredictionType type() {
        return type;
    }

    /** @return the centring the linear predictor and terms used */
    public CoxPredictionReference reference() {
        return reference;
    }

    /** @return the number of rows predicted for */
    public int rowCount() {
        return rows;
    }

    /** @return rows of the new data left out because a column the model uses is missing there (0 for the fitted rows) */
    public int omittedRows() {
        return omitted;
    }

    /** @return the 1-based source row (file line order) of each predicted row */
    public int[] sourceRows() {
        return sourceRows.clone();
    }

    /** @return the model terms of a {@link CoxPredictionType#TERMS} prediction (R's column names), else empty */
    public List<String> terms() {
        return terms;
    }

    /** @return the number of values per row: the number of terms for TERMS, else 1 */
    public int columnCount() {
        return type == CoxPredictionType.TERMS ? terms.size() : 1;
    }

    /**
     * The predictions, one per row (R {@code $fit}); for TERMS use {@link #termFits()}.
     *
     * @return the predictions
     * @throws IllegalStateException for a TERMS prediction
     */
    public double[] fit() {
        requireSingle();
        return fit.clone();
    }

    /**
     * Standard errors of the predictions, one per row (R {@code $se.fit}).
     *
     * @return the standard errors
     * @throws IllegalStateException for a TERMS prediction, or without standard errors
     */
    public double[] standardErrors() {
        requireSingle();
        requireSe();
        return se.clone();
    }

    /** @return the terms' contributions, {@code rows x terms} (R's {@code $fit} matrix of type "terms") */
    public double[][] termFits() {
        return matrix(fit);
    }

    /** @return their standard errors, {@code rows x terms} */
    public double[][] termStandardErrors() {
        requireSe();
        return matrix(se);
    }

    /**
     * R's {@code attr(fit, "constant")} of a TERMS prediction: {@code sum(coef * means)}.
     *
     * @return the constant, or empty for the other types
     */
    public OptionalDouble constant() {
        return type == CoxPredictionType.TERMS ? OptionalDouble.of(constant) : OptionalDouble.empty();
    }

    private void requireSe() {
        if (!withSe) {
            throw new IllegalStateException("these predictions were made without standard errors");
        }
    }

    private void requireSingle() {
        if (type == CoxPredictionType.TERMS) {
            throw new IllegalStateException("a terms prediction has one column per term: use termFits()");
        }
    }

    private double[][] matrix(double[] v) {
        int c = type == CoxPredictionType.TERMS ? terms.size() : 1;
        double[][] m = new double[rows][c];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(v, i * c, m[i], 0, c);
        }
        return m;
    }

    /** JSON with R's names: {@code type}, {@code reference}, {@code n}, {@code nOmitted}, {@code fit}, {@code se.fit}. */
    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out);
        w.beginObject().name("type").value(type.rName()).name("reference").value(reference.name().toLowerCase(
                java.util.Locale.ROOT)).name("n").value(rows).name("nOmitted").value(omitted);
        if (type == CoxPredictionType.TERMS) {
            w.name("terms").array(terms).name("fit").matrix(termFits());
            if (withSe) {
                w.name("se.fit").matrix(termStandardErrors());
            }
            w.name("constant").value(constant);
        } else {
            w.name("fit").array(fit);
            if (withSe) {
                w.name("se.fit").array(se);
            }
        }
        w.endObject();
    }

    /** One row per predicted row: {@code row}, then {@code fit} and {@code se.fit} (per term for TERMS). */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().numberColumn("row");
        int c = type == CoxPredictionType.TERMS ? terms.size() : 1;
        for (int j = 0; j < c; j++) {
            b.numberColumn(c == 1 && type != CoxPredictionType.TERMS ? "fit" : "fit." + terms.get(j));
        }
        for (int j = 0; withSe && j < c; j++) {
            b.numberColumn(c == 1 && type != CoxPredictionType.TERMS ? "se.fit" : "se.fit." + terms.get(j));
        }
        for (int i = 0; i < rows; i++) {
            b.number(sourceRows[i]);
            for (int j = 0; j < c; j++) {
                b.number(fit[i * c + j]);
            }
            for (int j = 0; withSe && j < c; j++) {
                b.number(se[i * c + j]);
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return table().toString();
    }
}
