package io.survkit.data;

import java.util.List;
import java.util.Optional;

/**
 * One term of a model formula (see {@link Terms}): a column as it is, a numeric column, a factor,
 * strata, a cluster, or an interaction of columns and factors.
 */
public sealed interface Term permits Term.Variable, Term.Numeric, Term.Categorical, Term.Strata, Term.Cluster,
        Term.Interaction, Term.Spline, Term.Offset, Term.TimeTransformed, Term.PenalizedSpline, Term.Frailty {

    /** @return the term as R writes it in a formula, e.g. {@code factor(celltype, ref = squamous)} */
    String formula();

    /** @return the data columns the term reads */
    List<String> columns();

    /**
     * A column taken as it is, as R takes a bare name: numbers are one numeric model column, text
     * is a factor with R's default levels.
     *
     * @param column the column
     */
    record Variable(String column) implements Term {
        @Override
        public String formula() {
            return Terms.quote(column);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /**
     * A numeric column (one model column); a text column is an error.
     *
     * @param column the column
     */
    record Numeric(String column) implements Term {
        @Override
        public String formula() {
            return Terms.quote(column);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /**
     * R's {@code factor(column)}, or {@code relevel(factor(column), ref = reference)}: one dummy
     * per level other than the reference, named {@code <column><level>}.
     *
     * @param column the column
     * @param reference the reference level, or empty for the first level in R's order
     */
    record Categorical(String column, Optional<String> reference) implements Term {
        @Override
        public String formula() {
            return "factor(" + Terms.quote(column) + reference.map(r -> ", ref = " + r).orElse("") + ")";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /**
     * R's {@code ns(column, df = df)}: a natural cubic spline of a numeric column, {@code df} model
     * columns named {@code ns(column, df = df)1}, ... ({@link NaturalSpline}; knots from the rows
     * the analysis uses).
     *
     * @param column the numeric column
     * @param df degrees of freedom (model columns), at least 1
     */
    record Spline(String column, int df) implements Term {
        /**
         * @param column the column @param df at least 1
         *
         * @param df the df
         */
        public Spline {
            if (df < 1) {
                throw io.survkit.internal.Check.fail("ns(%s, df = %d): df must be at least 1", column, df);
            }
        }

        @Override
        public String formula() {
            return "ns(" + Terms.quote(column) + ", df = " + df + ")";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /**
     * R's {@code strata(a, b, ...)}: separate baselines (Cox), separate sums (log-rank).
     *
     * @param columns the strata columns
     */
    record Strata(List<String> columns) implements Term {
        /** @param columns the strata columns, at least one */
        public Strata {
            columns = List.copyOf(columns);
        }

        @Override
        public String formula() {
            StringBuilder sb = new StringBuilder("strata(");
            for (int i = 0; i < columns.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(Terms.quote(columns.get(i)));
            }
            return sb.append(')').toString();
        }
    }

    /**
     * R's {@code offset(column)}: the column enters the linear predictor with coefficient 1 (no
     * coefficient is estimated); several offsets add.
     *
     * @param column the offset column (numbers)
     */
    record Offset(String column) implements Term {
        @Override
        public String formula() {
            return "offset(" + Terms.quote(column) + ")";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /**
     * R's {@code cluster(column)}: the robust variance sums within clusters.
     *
     * @param column the cluster identifiers
     */
    record Cluster(String column) implements Term {
        @Override
        public String formula() {
            return "cluster(" + Terms.quote(column) + ")";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /**
     * R's {@code a:b}: the products of the parts' model columns (the first part's columns vary
     * fastest), named {@code <colA>:<colB>}.
     *
     * @param parts two or more variable, numeric or factor terms
     */
    record Interaction(List<Term> parts) implements Term {
        /** @param parts two or more variable, numeric or factor terms */
        public Interaction {
            parts = List.copyOf(parts);
        }

        @Override
        public String formula() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                sb.append(i > 0 ? ":" : "").append(parts.get(i).formula());
            }
            return sb.toString();
        }

        @Override
        public List<String> columns() {
            List<String> c = new java.util.ArrayList<>();
            for (Term t : parts) {
                c.addAll(t.columns());
            }
            return List.copyOf(c);
        }
    }

    /**
     * R's {@code tt(column)}: a covariate whose value changes with time through a function
     * {@code f(x, t)} chosen at fit time (R {@code coxph(tt = )}); one model column named
     * {@code tt(column)}. The Cox fit expands the data at each event time (R's {@code coxcount1}).
     *
     * @param column the numeric column x
     */
    record TimeTransformed(String column) implements Term {
        @Override
        public String formula() {
            return "tt(" + Terms.quote(column) + ")";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /**
     * R's {@code pspline(column, df = df)} in a Cox model: a penalized cubic B-spline (P-spline,
     * Eilers and Marx 1996) on {@code round(2.5 df)} equal intervals of the column's range, model
     * columns named {@code ps(column)3}, {@code ps(column)4}, ...; the penalty (second differences)
     * is tuned so that the term has {@code df} effective degrees of freedom.
     *
     * @param column the numeric column
     * @param df target degrees of freedom, above 1
     */
    record PenalizedSpline(String column, double df) implements Term {
        /** @param column the column @param df above 1 */
        public PenalizedSpline {
            if (!(df > 1) || Double.isInfinite(df)) {
                throw io.survkit.internal.Check.fail("pspline(%s, df = %s): df must be a finite number above 1 (R:"
                        + " \"Too few degrees of freedom\")", column, df);
            }
        }

        /** @return R's {@code nterm}: {@code round(2.5 df)} intervals */
        public int intervals() {
            return (int) Math.rint(2.5 * df);
        }

        @Override
        public String formula() {
            return "pspline(" + Terms.quote(column) + ", df = " + (df == Math.rint(df) ? Long.toString((long) df)
                    : Double.toString(df)) + ")";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }

    /**
     * R's {@code frailty(column)} (= {@code frailty.gamma}): a shared gamma frailty per level of the
     * column (a random effect on the log hazard of each cluster), fitted as R's penalized likelihood.
     *
     * @param column the cluster column
     */
    record Frailty(String column) implements Term {
        @Override
        public String formula() {
            return "frailty(" + Terms.quote(column) + ")";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }
    }
}
