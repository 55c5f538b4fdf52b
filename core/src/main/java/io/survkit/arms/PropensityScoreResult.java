package io.survkit.arms;

import io.survkit.internal.Check;
import io.survkit.regression.LogisticResult;
import java.util.Locale;

/**
 * Estimated propensity scores, one per row: the treatment indicator, the score e = P(treated | x)
 * and its logit log(e / (1 - e)) (the model's linear predictor). Made by {@link PropensityScore},
 * or from scores computed elsewhere with {@link #of(boolean[], double[])}.
 */
public final class PropensityScoreResult {
    private final boolean[] treated;
    private final double[] score;
    private final double[] logit;
    private final LogisticResult model;

    PropensityScoreResult(boolean[] treated, double[] score, double[] logit, LogisticResult model) {
        this.treated = treated;
        this.score = score;
        this.logit = logit;
        this.model = model;
    }

    /**
     * Scores from elsewhere: {@code score[i]} strictly between 0 and 1 for row i. The logit is
     * computed as log(e / (1 - e)); {@link #model()} is empty.
     *
     * @param treated the treated
     * @param score the score
     * @return scores from elsewhere: {@code score[i]} strictly between 0 and 1 for row i
     */
    public static PropensityScoreResult of(boolean[] treated, double[] score) {
        Check.notNull("treated", treated);
        Check.notNull("score", score);
        if (treated.length != score.length) {
            throw Check.fail("treated has %d entries but score has %d", treated.length, score.length);
        }
        double[] lg = new double[score.length];
        for (int i = 0; i < score.length; i++) {
            double e = score[i];
            if (!(e > 0 && e < 1)) {
                throw Check.fail("score, row %d: %s is not a probability strictly between 0 and 1", i + 1, e);
            }
            lg[i] = Math.log(e / (1 - e));
        }
        return new PropensityScoreResult(treated.clone(), score.clone(), lg, null);
    }

    /**
     * Number of rows.
     *
     * @return number of rows
     */
    public int size() {
        return treated.length;
    }

    /**
     * Whether row i is treated.
     *
     * @param i the i
     * @return whether row i is treated
     */
    public boolean treated(int i) {
        return treated[i];
    }

    /**
     * The treatment indicators.
     *
     * @return the treatment indicators
     */
    public boolean[] treated() {
        return treated.clone();
    }

    /**
     * Number of treated rows.
     *
     * @return number of treated rows
     */
    public int treatedCount() {
        int c = 0;
        for (boolean t : treated) {
            if (t) {
                c++;
            }
        }
        return c;
    }

    /**
     * Propensity score of row i.
     *
     * @param i the i
     * @return propensity score of row i
     */
    public double score(int i) {
        return score[i];
    }

    /**
     * The propensity scores.
     *
     * @return the propensity scores
     */
    public double[] scores() {
        return score.clone();
    }

    /**
     * Logit of the propensity score of row i.
     *
     * @param i the i
     * @return logit of the propensity score of row i
     */
    public double logit(int i) {
        return logit[i];
    }

    /**
     * Logits of the propensity scores.
     *
     * @return logits of the propensity scores
     */
    public double[] logits() {
        return logit.clone();
    }

    /** @return the fitted logistic model; empty for scores given with {@link #of} */
    public java.util.Optional<LogisticResult> model() {
        return java.util.Optional.ofNullable(model);
    }

    /**
     * Score range by arm (overlap), then the model summary.
     *
     * @return score range by arm (overlap), then the model summary
     */
    @Override
    public String toString() {
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = Double.NEGATIVE_INFINITY;
        double cMin = Double.POSITIVE_INFINITY;
        double cMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < score.length; i++) {
            if (treated[i]) {
                tMin = Math.min(tMin, score[i]);
                tMax = Math.max(tMax, score[i]);
            } else {
                cMin = Math.min(cMin, score[i]);
                cMax = Math.max(cMax, score[i]);
            }
        }
        int nt = treatedCount();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Propensity scores: n = %d (treated %d, control %d)%n", size(), nt,
                size() - nt));
        sb.append(String.format(Locale.ROOT, "  treated score range [%.4f, %.4f], control [%.4f, %.4f]%n", tMin,
                tMax, cMin, cMax));
        if (model != null) {
            sb.append('\n').append(model);
        }
        return sb.toString();
    }
}
