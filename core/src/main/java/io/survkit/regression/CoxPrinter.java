package io.survkit.regression;

import io.survkit.internal.RFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link CoxResult} as R prints {@code summary(coxph(...))}: the coefficient table (with
 * a robust se column when robust), the hazard-ratio table, concordance and the three tests (and
 * R's note on clusters), then the fit's warnings. Numbers go through {@link RFormat}.
 */
final class CoxPrinter {
    private CoxPrinter() {
    }

    /** R's {@code print(summary(fit))}. */
    static String print(CoxResult fit) {
        StringBuilder sb = new StringBuilder();
        if (fit.coefficientCount() == 0) {
            // R print.coxph.null
            sb.append("Null model\n  log likelihood= ").append(RFormat.signif(fit.logLikelihood(), 7)).append(" \n");
            int omitted = fit.omittedRows();
            sb.append(omitted > 0 ? String.format(Locale.ROOT, "  n=%d (%d observation%s deleted due to missingness)%n",
                    fit.size(), omitted, omitted == 1 ? "" : "s") : "  n= " + fit.size() + " \n");
            warnings(sb, fit);
            return sb.toString();
        }
        sb.append(String.format(Locale.ROOT, "  n= %d, number of events= %d %n", fit.size(), fit.events()));
        int omitted = fit.omittedRows();
        if (omitted > 0) {
            sb.append(String.format(Locale.ROOT, "   (%d observation%s deleted due to missingness)%n", omitted,
                    omitted == 1 ? "" : "s"));
        }
        sb.append('\n');
        coefficients(sb, fit);
        hazardRatios(sb, fit);
        sb.append("Concordance= ").append(RFormat.signif(RFormat.round(fit.concordance(), 3), 7)).append("  (se = ")
                .append(RFormat.signif(RFormat.round(fit.concordanceStandardError(), 3), 7)).append(" )\n");
        sb.append(testLine("Likelihood ratio test= ", fit.likelihoodRatioTest()));
        sb.append(testLine("Wald test            = ", fit.waldTest()));
        sb.append(testLine("Score (logrank) test = ", fit.modelScoreTest()));
        if (fit.robustScoreTest().isPresent()) {
            ChiSquareTest robustScore = fit.robustScoreTest().get();
            sb.setLength(sb.length() - 1);
            sb.append(",   Robust = ").append(RFormat.signif(RFormat.round(robustScore.statistic(), 2), 7))
                    .append("  p=").append(RFormat.signif(robustScore.pValue(), 1)).append('\n');
        }
        if (fit.isRobust() && fit.clusterCount() > 0) {
            sb.append("\n  (Note: the likelihood ratio and score tests assume independence of\n"
                    + "     observations within a cluster, the Wald and robust score tests do not).\n");
        }
        warnings(sb, fit);
        return sb.toString();
    }

    private static void warnings(StringBuilder sb, CoxResult fit) {
        if (!fit.warnings().isEmpty()) {
            sb.append('\n');
            for (String wn : fit.warnings()) {
                sb.append("Warning: ").append(wn).append('\n');
            }
        }
    }

    /** The coef / exp(coef) / se(coef) / [robust se] / z / Pr(>|z|) table and the signif. codes. */
    private static void coefficients(StringBuilder sb, CoxResult fit) {
        int p = fit.coefficientCount();
        boolean robust = fit.isRobust();
        double[] coef = fit.coefficients();
        double[] se = fit.standardErrors();
        double[] rse = fit.robustStandardErrors().orElse(null);
        double[] hr = fit.hazardRatios();
        double[] z = fit.zStatistics();
        double[] pv = fit.pValues();
        int dec = RFormat.decimals(4, 8, coef, se, rse);
        int hdec = RFormat.decimals(4, 8, hr);
        int pdec = 0;
        for (double v : pv) {
            if (v >= 1e-4) {
                pdec = Math.max(pdec, RFormat.decimalsFor(v, 3));
            }
        }
        String[][] cells = new String[p + 1][];
        cells[0] = robust ? new String[] {"", "coef", "exp(coef)", "se(coef)", "robust se", "z", "Pr(>|z|)", ""}
                : new String[] {"", "coef", "exp(coef)", "se(coef)", "z", "Pr(>|z|)", ""};
        for (int j = 0; j < p; j++) {
            List<String> row = new ArrayList<>();
            row.add(fit.terms().get(j));
            row.add(RFormat.fixed(coef[j], dec));
            row.add(RFormat.fixed(hr[j], hdec));
            row.add(RFormat.fixed(se[j], dec));
            if (robust) {
                row.add(RFormat.fixed(rse[j], dec));
            }
            row.add(RFormat.fixed(z[j], 3));
            row.add(RFormat.pvalue(pv[j], pdec));
            row.add(RFormat.stars(pv[j]));
            cells[j + 1] = row.toArray(new String[0]);
        }
        sb.append(RFormat.coefficientTable(cells, true));
        sb.append("---\nSignif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n\n");
    }

    /** The exp(coef) / exp(-coef) / lower / upper table. */
    private static void hazardRatios(StringBuilder sb, CoxResult fit) {
        int p = fit.coefficientCount();
        double[] hr = fit.hazardRatios();
        double[] lo = fit.hazardRatioLower();
        double[] hi = fit.hazardRatioUpper();
        double[] inv = new double[p];
        for (int j = 0; j < p; j++) {
            inv[j] = 1 / hr[j];
        }
        int cdec = RFormat.decimals(4, 8, hr, inv, lo, hi);
        String lvl = RFormat.signif(fit.confidenceLevel(), 2).replaceFirst("^0", "");
        String[][] ci = new String[p + 1][];
        ci[0] = new String[] {"", "exp(coef)", "exp(-coef)", "lower " + lvl, "upper " + lvl};
        for (int j = 0; j < p; j++) {
            ci[j + 1] = new String[] {fit.terms().get(j), RFormat.fixed(hr[j], cdec), RFormat.fixed(inv[j], cdec),
                RFormat.fixed(lo[j], cdec), RFormat.fixed(hi[j], cdec)};
        }
        sb.append(RFormat.coefficientTable(ci, false));
        sb.append('\n');
    }

    private static String testLine(String label, ChiSquareTest t) {
        return label + RFormat.signif(RFormat.round(t.statistic(), 2), 7) + "  on " + t.degreesOfFreedom() + " df,   p="
                + RFormat.signif(t.pValue(), 1) + "\n";
    }
}
