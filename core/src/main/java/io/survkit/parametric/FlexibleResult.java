package io.survkit.parametric;

import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.Probabilities;
import io.survkit.internal.RFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link FlexibleDistribution} model: coefficients on eta (log rate for Gompertz and
 * Weibull PH, so {@link #hazardRatios()} apply; the location mu for the generalized gamma), the
 * ancillary parameters (Gompertz shape; Weibull log shape; generalized gamma log sigma and Q),
 * their variance (inverse information), log-likelihood, AIC, BIC and predictions. Immutable.
 *
 * <pre>{@code
 * FlexibleResult fit = FlexibleRegression.withDefaults().fit(data);
 * double shape = fit.ancillary()[0];
 * CurvePoint s = fit.predict(Map.of("age", 60)).survival(3650);
 * }</pre>
 */
public final class FlexibleResult implements io.survkit.table.Exportable {
    private final FlexibleDistribution distribution;
    private final double confLevel;
    private final List<String> terms;
    private final double[] theta;
    private final double[] var;
    private final int nvar;
    private final int np;
    private final double loglik;
    private final int iterations;
    private final boolean converged;
    private final int n;
    private final int events;
    private final int omitted;
    private final List<ModelFrame.TermSpan> spans;

    FlexibleResult(FlexibleDistribution distribution, double confLevel, AftDesign d, double[] theta, double[] var,
            double loglik, int iterations, boolean converged) {
        this.distribution = distribution;
        this.confLevel = confLevel;
        this.terms = d.columnNames;
        this.theta = theta;
        this.var = var;
        this.nvar = d.nvar;
        this.np = theta.length;
        this.loglik = loglik;
        this.iterations = iterations;
        this.converged = converged;
        this.n = d.n;
        this.events = d.events;
        this.omitted = d.omitted;
        this.spans = d.spans;
    }

    /** {@return the distribution} */
    public FlexibleDistribution distribution() {
        return distribution;
    }

    /** {@return coefficient names, {@code (Intercept)} first} */
    public List<String> terms() {
        return terms;
    }

    /** {@return coefficients on eta} */
    public double[] coefficients() {
        return java.util.Arrays.copyOf(theta, nvar);
    }

    /** {@return standard errors of the coefficients} */
    public double[] standardErrors() {
        double[] r = new double[nvar];
        for (int j = 0; j < nvar; j++) {
            r[j] = Math.sqrt(var[j * np + j]);
        }
        return r;
    }

    /**
     * Names of the ancillary parameters, e.g. {@code shape} or {@code log(sigma)}, {@code Q}.
     *
     * @return the list
     */
    public List<String> ancillaryNames() {
        return List.of(distribution.ancillaryNames);
    }

    /** {@return ancillary parameter estimates} */
    public double[] ancillary() {
        return java.util.Arrays.copyOfRange(theta, nvar, np);
    }

    /** {@return standard errors of the ancillary parameters} */
    public double[] ancillaryStandardErrors() {
        double[] r = new double[np - nvar];
        for (int j = nvar; j < np; j++) {
            r[j - nvar] = Math.sqrt(var[j * np + j]);
        }
        return r;
    }

    /**
     * Hazard ratios exp(b) of the covariates (Gompertz and Weibull PH; the intercept's entry is
     * the baseline rate).
     *
     * @return hazard ratios exp(b) of the covariates (Gompertz and Weibull PH; the intercept's entry is the baseline rate)
     * @throws IllegalStateException for the generalized gamma (an accelerated failure time model)
     */
    public double[] hazardRatios() {
        if (distribution == FlexibleDistribution.GENERALIZED_GAMMA) {
            throw new IllegalStateException("the generalized gamma is an accelerated failure time model; exp(b) are"
                    + " time ratios, not hazard ratios");
        }
        double[] r = new double[nvar];
        for (int j = 0; j < nvar; j++) {
            r[j] = Math.exp(theta[j]);
        }
        return r;
    }

    /** {@return Two-sided normal p-values of b / SE} */
    public double[] pValues() {
        double[] se = standardErrors();
        double[] p = new double[nvar];
        for (int j = 0; j < nvar; j++) {
            p[j] = Probabilities.twoSidedNormal(theta[j] / se[j]);
        }
        return p;
    }

    /** {@return variance of (b, ancillary)} */
    public double[][] varianceMatrix() {
        double[][] m = new double[np][np];
        for (int i = 0; i < np; i++) {
            System.arraycopy(var, i * np, m[i], 0, np);
        }
        return m;
    }

    /** {@return number of estimated parameters} */
    public int parameterCount() {
        return np;
    }

    /** {@return weighted log-likelihood of T} */
    public double logLikelihood() {
        return loglik;
    }

    /** {@return {@code -2 loglik + 2 k}} */
    public double aic() {
        return -2 * loglik + 2 * np;
    }

    /** {@return {@code -2 loglik + k log(n)}} */
    public double bic() {
        return -2 * loglik + np * Math.log(n);
    }

    /** {@return rows used} */
    public int size() {
        return n;
    }

    /** {@return event rows} */
    public int events() {
        return events;
    }

    /** {@return rows left out for missing values} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return Newton-Raphson iterations} */
    public int iterations() {
        return iterations;
    }

    /** {@return true when the iteration converged} */
    public boolean converged() {
        return converged;
    }

    /**
     * Predictions for a subject with covariate {@code values} (every covariate of the model).
     *
     * @param values the values
     * @return predictions for a subject with covariate {@code values} (every covariate of the model)
     */
    public FlexiblePrediction predict(Map<String, ?> values) {
        double[] x = Covariates.row(spans, nvar, values);
        return new FlexiblePrediction(distribution, x, theta, var, confLevel);
    }

    /** Tidy rows: term (coefficients, then the ancillary parameters), estimate, se, p (coefficients only). */
    @Override
    public io.survkit.table.Table table() {
        io.survkit.table.Table.Builder b = io.survkit.table.Table.builder().textColumn("term").numberColumn("estimate")
                .numberColumn("se").numberColumn("p");
        double[] p = pValues();
        List<String> names = new ArrayList<>(terms);
        names.addAll(ancillaryNames());
        for (int j = 0; j < np; j++) {
            b.text(names.get(j)).number(theta[j]).number(Math.sqrt(var[j * np + j])).number(j < nvar ? p[j] : Double.NaN);
        }
        return b.build();
    }

    /** Streams the fit as JSON: the survreg-like fields plus {@code ancillary}. */
    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out).beginObject();
        w.name("nOmitted").value(omitted).name("n").value(n).name("events").value(events);
        w.name("iterations").value(iterations).name("converged").value(converged);
        w.name("dist").value(distribution.optionName());
        w.name("terms").array(terms).name("coef").array(coefficients()).name("se").array(standardErrors());
        w.name("p").array(pValues());
        w.name("ancillaryNames").array(ancillaryNames()).name("ancillary").array(ancillary());
        w.name("ancillarySe").array(ancillaryStandardErrors());
        w.name("var").beginArray();
        for (double[] row : varianceMatrix()) {
            w.array(row);
        }
        w.endArray();
        w.name("loglik").value(loglik).name("aic").value(aic()).name("bic").value(bic());
        w.endObject();
    }

    @Override
    public String toString() {
        List<String> rows = new ArrayList<>(terms);
        rows.addAll(ancillaryNames());
        double[] se = new double[np];
        for (int j = 0; j < np; j++) {
            se[j] = Math.sqrt(var[j * np + j]);
        }
        String[] v = RFormat.format(theta, 4);
        String[] s = RFormat.format(se, 4);
        int rw = 0;
        for (String r : rows) {
            rw = Math.max(rw, r.length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(Check.format("%s model (flexsurv parametrisation), n= %d, events= %d%n%n", distribution.optionName(),
                n, events));
        sb.append(RFormat.padRight("", rw)).append(' ').append(RFormat.pad("est", 12)).append(' ')
                .append(RFormat.pad("se", 12)).append('\n');
        for (int j = 0; j < np; j++) {
            sb.append(RFormat.padRight(rows.get(j), rw)).append(' ').append(RFormat.pad(v[j], 12)).append(' ')
                    .append(RFormat.pad(s[j], 12)).append('\n');
        }
        sb.append(Check.format("%nLoglik= %s   AIC= %s   BIC= %s%n", RFormat.signif(loglik, 7), RFormat.signif(aic(), 7),
                RFormat.signif(bic(), 7)));
        if (!converged) {
            sb.append("Warning: the Newton-Raphson did not converge; check the model or raise withMaxIterations\n");
        }
        return sb.toString();
    }
}
