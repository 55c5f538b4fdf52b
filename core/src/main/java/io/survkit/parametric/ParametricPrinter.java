package io.survkit.parametric;

import io.survkit.internal.Probabilities;
import io.survkit.internal.RFormat;
import io.survkit.regression.ChiSquareTest;
import java.util.ArrayList;
import java.util.List;

/**
 * R's {@code print(summary(survreg(...)))} (digits 3) without the {@code Call:} block: the
 * coefficient table as {@code printCoefmat} lays it out, the scale(s), the distribution, the
 * log-likelihoods with the likelihood-ratio test, iterations and n.
 */
final class ParametricPrinter {
    private static final int DIGITS = 3;

    private ParametricPrinter() {
    }

    static String summary(ParametricResult fit) {
        StringBuilder sb = new StringBuilder();
        table(sb, fit);
        scales(sb, fit);
        sb.append('\n').append(fit.distribution().displayName()).append(" distribution\n");
        sb.append("Loglik(model)= ").append(RFormat.signif(RFormat.round(fit.logLikelihood(), 1), 7))
                .append("   Loglik(intercept only)= ").append(RFormat.signif(RFormat.round(fit.logLikelihoodNull(), 1), 7));
        ChiSquareTest lrt = fit.likelihoodRatioTest();
        if (lrt.degreesOfFreedom() > 0) {
            sb.append("\n\tChisq= ").append(RFormat.signif(RFormat.round(lrt.statistic(), 2), 7)).append(" on ")
                    .append(lrt.degreesOfFreedom()).append(" degrees of freedom, p= ")
                    .append(RFormat.signif(lrt.pValue(), 2)).append(" \n");
        } else {
            sb.append('\n');
        }
        if (fit.isRobust()) {
            sb.append("(Loglikelihood assumes independent observations)\n");
        }
        sb.append("Number of Newton-Raphson Iterations: ").append(fit.iterations()).append(" \n");
        if (fit.omittedRows() > 0) {
            sb.append("n=").append(fit.size()).append(" (").append(fit.omittedRows())
                    .append(fit.omittedRows() == 1 ? " observation" : " observations")
                    .append(" deleted due to missingness)\n");
        } else {
            sb.append("n= ").append(fit.size()).append(" \n");
        }
        sb.append('\n');
        for (String w : fit.warnings()) {
            sb.append("Warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

    /** The summary table: coefficients, then log(scale) rows; columns as printCoefmat formats them. */
    private static void table(StringBuilder sb, ParametricResult fit) {
        List<String> rows = new ArrayList<>(fit.terms());
        double[] logScale = fit.logScales();
        if (logScale.length == 1) {
            rows.add("Log(scale)");
        } else {
            rows.addAll(fit.scaleNames());
        }
        int m = rows.size();
        int nvar = fit.terms().size();
        double[] value = concat(fit.coefficients(), logScale);
        double[] naiveAll = diagonal(fit.modelVarianceMatrix(), m);
        double[] se = diagonal(fit.varianceMatrix(), m);
        double[] z = new double[m];
        double[] p = new double[m];
        for (int j = 0; j < m; j++) {
            z[j] = value[j] / se[j];
            p[j] = Probabilities.twoSidedNormal(z[j]);
        }
        List<double[]> cs = new ArrayList<>(List.of(value, se));
        List<String> header = new ArrayList<>(List.of("Value", fit.isRobust() ? "Std. Err" : "Std. Error"));
        if (fit.isRobust()) {
            cs.add(naiveAll);
            header.add("(Naive SE)");
        }
        String[][] csText = coefficientColumns(cs);
        double[] zr = new double[m];
        for (int j = 0; j < m; j++) {
            zr[j] = RFormat.round(z[j], 2);
        }
        String[] zText = RFormat.format(zr, DIGITS);
        String[] pText = RFormat.formatPValues(p, 2);
        header.add("z");
        header.add("p");
        List<String[]> columns = new ArrayList<>(List.of(csText));
        columns.add(zText);
        columns.add(pText);
        int rw = 0;
        for (String r : rows) {
            rw = Math.max(rw, r.length());
        }
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (String s : columns.get(c)) {
                width[c] = Math.max(width[c], s.length());
            }
        }
        sb.append(RFormat.padRight("", rw));
        for (int c = 0; c < width.length; c++) {
            sb.append(' ').append(RFormat.pad(header.get(c), width[c]));
        }
        sb.append('\n');
        for (int j = 0; j < m; j++) {
            sb.append(RFormat.padRight(rows.get(j), rw));
            for (int c = 0; c < width.length; c++) {
                sb.append(' ').append(RFormat.pad(columns.get(c)[j], width[c]));
            }
            sb.append('\n');
        }
        assert nvar <= m;
    }

    /**
     * printCoefmat's estimate and standard-error columns: rounded to {@code max(1, digits - digmin)}
     * decimals (digmin = 1 + floor(log10) of the smallest non-zero magnitude), then formatted
     * together with 3 significant digits.
     */
    private static String[][] coefficientColumns(List<double[]> cols) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] c : cols) {
            for (double v : c) {
                if (Double.isFinite(v) && v != 0) {
                    min = Math.min(min, Math.abs(v));
                }
            }
        }
        int digmin = Double.isFinite(min) ? 1 + (int) Math.floor(Math.log10(min)) : 1;
        int dec = Math.max(1, DIGITS - digmin);
        int m = cols.get(0).length;
        double[] all = new double[m * cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            for (int j = 0; j < m; j++) {
                all[c * m + j] = RFormat.round(cols.get(c)[j], dec);
            }
        }
        String[] f = RFormat.format(all, DIGITS);
        String[][] out = new String[cols.size()][m];
        for (int c = 0; c < cols.size(); c++) {
            System.arraycopy(f, c * m, out[c], 0, m);
        }
        return out;
    }

    private static void scales(StringBuilder sb, ParametricResult fit) {
        double[] s = fit.scales();
        if (fit.distribution().hasFixedScale()) {
            sb.append("\nScale fixed at ").append(RFormat.format(s, DIGITS)[0]).append(" \n");
        } else if (s.length == 1) {
            sb.append("\nScale= ").append(RFormat.format(s, DIGITS)[0]).append(" \n");
        } else {
            sb.append("\nScale:\n");
            String[] v = RFormat.format(s, DIGITS);
            StringBuilder names = new StringBuilder();
            StringBuilder values = new StringBuilder();
            int w = 0; // R prints a named vector in columns of one common width
            for (int j = 0; j < s.length; j++) {
                w = Math.max(w, Math.max(fit.scaleNames().get(j).length(), v[j].length()));
            }
            for (int j = 0; j < s.length; j++) {
                String name = fit.scaleNames().get(j);
                names.append(RFormat.pad(name, w)).append(' ');
                values.append(RFormat.pad(v[j], w)).append(' ');
            }
            sb.append(names).append('\n').append(values).append('\n');
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static double[] diagonal(double[][] v, int m) {
        double[] r = new double[m];
        for (int j = 0; j < m; j++) {
            r[j] = Math.sqrt(v[j][j]);
        }
        return r;
    }

}
