package io.survkit.regression;

import io.survkit.internal.JsonWriter;
import io.survkit.table.Table;
import java.util.List;

/**
 * JSON and tidy tables of this package's results, with the field names of the R oracle
 * ({@code shared/oracle/README.md}, sections {@code cox}, {@code zph} and {@code glm}) and of the
 * R-derived Fine-Gray references ({@code reference/crr_cr_synth.json}), so that the library, the CLI
 * and R's reference files speak one vocabulary.
 */
final class Exports {
    private Exports() {
    }

    /** The oracle's cox {@code result} (plus {@code converged}). */
    static void cox(CoxResult fit, JsonWriter w) {
        w.beginObject().name("nOmitted").value(fit.omittedRows()).name("terms").array(fit.terms())
                .name("coef").array(fit.coefficients()).name("se").array(fit.standardErrors()).name("robustSe");
        if (fit.robustStandardErrors().isPresent()) {
            w.array(fit.robustStandardErrors().get());
        } else {
            w.nullValue();
        }
        w.name("hr").array(fit.hazardRatios()).name("hrLower").array(fit.hazardRatioLower())
                .name("hrUpper").array(fit.hazardRatioUpper()).name("z").array(fit.zStatistics())
                .name("p").array(fit.pValues()).name("loglikNull").value(fit.logLikelihoodNull())
                .name("loglik").value(fit.logLikelihood());
        test(w.name("lrt"), fit.likelihoodRatioTest());
        test(w.name("wald"), fit.waldTest());
        test(w.name("score"), fit.scoreTest());
        w.name("concordance").value(fit.concordance()).name("concordanceSe").value(fit.concordanceStandardError())
                .name("n").value(fit.size()).name("events").value(fit.events())
                .name("iterations").value(fit.iterations()).name("converged").value(fit.converged());
        BaselineHazard b = fit.prediction().baselineHazard();
        w.name("baseline").beginObject().column("time", b.size(), b::time)
                .column("cumhaz", b.size(), b::cumulativeHazard).name("strata");
        if (b.strata().isEmpty()) {
            w.nullValue();
        } else {
            w.array(b.strata().get());
        }
        w.endObject().nonEmpty("warnings", fit.warnings()).endObject();
    }

    /** One row per coefficient: term, coef, se, robustSe, hr, hrLower, hrUpper, z, p. */
    static Table coxTable(CoxResult fit) {
        double[] robust = fit.robustStandardErrors().orElse(null);
        return coefficients(fit.terms(), fit.coefficients(), fit.standardErrors(), robust, fit.hazardRatios(),
                fit.hazardRatioLower(), fit.hazardRatioUpper(), fit.zStatistics(), fit.pValues(), "hr");
    }

    /** The oracle's zph {@code result}: nOmitted, terms, chisq, df, p, global. */
    static void zph(ProportionalHazardsResult r, JsonWriter w) {
        w.beginObject().name("nOmitted").value(r.omittedRows()).name("terms").array(r.terms())
                .name("chisq").array(r.chiSquares()).name("df").array(r.degreesOfFreedom())
                .name("p").array(r.pValues());
        test(w.name("global"), r.global());
        w.endObject();
    }

    /** One row per term, then {@code GLOBAL}: term, chisq, df, p (R's {@code cox.zph} table). */
    static Table zphTable(ProportionalHazardsResult r) {
        Table.Builder b = Table.builder().textColumn("term").numberColumn("chisq").numberColumn("df")
                .numberColumn("p");
        for (int i = 0; i < r.size(); i++) {
            ChiSquareTest t = r.test(i);
            b.text(r.terms().get(i)).number(t.statistic()).number(t.degreesOfFreedom()).number(t.pValue());
        }
        ChiSquareTest g = r.global();
        return b.text("GLOBAL").number(g.statistic()).number(g.degreesOfFreedom()).number(g.pValue()).build();
    }

    /**
     * Fine-Gray as the crr reference names it (coef, se, z, p, loglik, loglikNull, converged, score,
     * var), with the hazard ratios at {@code level}, the likelihood ratio test and the counts.
     */
    static void fineGray(FineGrayResult r, JsonWriter w, double level) {
        w.beginObject().name("nOmitted").value(r.omittedRows()).name("cause").numberOrText(r.cause())
                .name("terms").array(r.terms()).name("coef").array(r.coefficients())
                .name("se").array(r.standardErrors()).name("hr").array(r.hazardRatios())
                .name("hrLower").array(r.hazardRatioLower(level)).name("hrUpper").array(r.hazardRatioUpper(level))
                .name("z").array(r.zStatistics()).name("p").array(r.pValues())
                .name("loglikNull").value(r.logLikelihoodNull()).name("loglik").value(r.logLikelihood());
        test(w.name("lrt"), r.likelihoodRatioTest());
        w.name("score").array(r.score()).name("var").matrix(r.variance())
                .name("n").value(r.size()).name("events").value(r.events())
                .name("iterations").value(r.iterations()).name("converged").value(r.converged())
                .name("uftime").array(r.failureTimes()).name("bfitj").array(r.baselineJumps())
                .nonEmpty("warnings", r.warnings()).endObject();
    }

    /** One row per coefficient: term, coef, se, robustSe (empty), hr, hrLower, hrUpper, z, p. */
    static Table fineGrayTable(FineGrayResult r, double level) {
        return coefficients(r.terms(), r.coefficients(), r.standardErrors(), null, r.hazardRatios(),
                r.hazardRatioLower(level), r.hazardRatioUpper(level), r.zStatistics(), r.pValues(), "hr");
    }

    /** The oracle's glm {@code result}: n, nTreated, terms, coef, se, z, p, deviance, ..., rows, fitted. */
    static void logistic(LogisticResult r, JsonWriter w) {
        w.beginObject().name("nOmitted").value(r.omittedRows()).name("n").value(r.size())
                .name("nTreated").value(r.treatedCount()).name("terms").array(r.terms())
                .name("coef").array(r.coefficients()).name("se").array(r.standardErrors())
                .name("z").array(r.zStatistics()).name("p").array(r.pValues())
                .name("deviance").value(r.deviance()).name("nullDeviance").value(r.nullDeviance())
                .name("aic").value(r.aic()).name("iterations").value(r.iterations())
                .name("converged").value(r.converged());
        int[] rows = r.rows();
        w.name("rows").beginArray();
        for (int row : rows) {
            w.value(row);
        }
        w.endArray().column("fitted", rows.length, r::fitted).nonEmpty("warnings", r.warnings()).endObject();
    }

    /** One row per coefficient: term, coef, se, robustSe (empty), or, orLower, orUpper (empty), z, p. */
    static Table logisticTable(LogisticResult r) {
        int p = r.terms().size();
        double[] none = new double[p];
        java.util.Arrays.fill(none, Double.NaN);
        return coefficients(r.terms(), r.coefficients(), r.standardErrors(), null, r.oddsRatios(), none, none,
                r.zStatistics(), r.pValues(), "or");
    }

    private static Table coefficients(List<String> terms, double[] coef, double[] se, double[] robustSe,
            double[] ratio, double[] lower, double[] upper, double[] z, double[] p, String ratioName) {
        Table.Builder b = Table.builder().textColumn("term").numberColumn("coef").numberColumn("se")
                .numberColumn("robustSe").numberColumn(ratioName).numberColumn(ratioName + "Lower")
                .numberColumn(ratioName + "Upper").numberColumn("z").numberColumn("p");
        for (int i = 0; i < coef.length; i++) {
            b.text(terms.get(i)).number(coef[i]).number(se[i]).number(robustSe == null ? Double.NaN : robustSe[i])
                    .number(ratio[i]).number(lower[i]).number(upper[i]).number(z[i]).number(p[i]);
        }
        return b.build();
    }

    /** {@code {"chisq", "df", "p"}}. */
    private static void test(JsonWriter w, ChiSquareTest t) {
        w.beginObject().name("chisq").value(t.statistic()).name("df").value(t.degreesOfFreedom())
                .name("p").value(t.pValue()).endObject();
    }
}
