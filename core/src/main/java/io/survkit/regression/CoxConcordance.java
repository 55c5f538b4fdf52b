package io.survkit.regression;

/**
 * Harrell's concordance of a Cox model's linear predictor as R {@code coxph} stores it in
 * {@code fit$concordance}: R's {@code concordancefit(y, lp, strata, weights, cluster, reverse =
 * TRUE, timewt = "n")}, so a larger linear predictor should go with a shorter survival. Pairs are
 * weighted by the case weights; comparable pairs tied on the predictor count one half.
 *
 * <pre>{@code
 * CoxConcordance c = fit.concordanceEstimate();
 * double harrellC = c.value();       // R fit$concordance["concordance"]
 * double se = c.standardError();     // R fit$concordance["std"]
 * }</pre>
 *
 * @param value the concordance {@code (concordant + tiedRisk / 2) / (concordant + discordant + tiedRisk)}
 * @param standardError its standard error (R's {@code std}; clustered with a cluster column)
 * @param concordant weighted count of concordant pairs (the event row has the larger risk score)
 * @param discordant weighted count of discordant pairs
 * @param tiedRisk weighted count of comparable pairs tied on the risk score
 */
public record CoxConcordance(double value, double standardError, double concordant, double discordant,
        double tiedRisk) {
}
