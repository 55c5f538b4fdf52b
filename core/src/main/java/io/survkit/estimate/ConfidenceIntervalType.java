package io.survkit.estimate;

import io.survkit.internal.Check;
import java.util.Locale;

/**
 * Transformation under which a pointwise confidence interval for a survival probability S(t) is
 * built, as R {@code survfit(conf.type = ...)}. With z = qnorm((1 + level) / 2) and se the standard
 * error of -log S (R's {@code survfit_confint}, survival 3.5):
 * <ul>
 * <li>{@link #LOG} (R's default, {@code "log"}): S exp(-/+ z se), upper limit capped at 1; absent
 * where S = 0.</li>
 * <li>{@link #LOG_LOG} ({@code "log-log"}, Kalbfleisch and Prentice 1980):
 * exp(-exp(log(-log S) -/+ z se / log S)); absent where S is 0 or 1.</li>
 * <li>{@link #PLAIN} ({@code "plain"}): S -/+ z se S, clipped to [0, 1].</li>
 * <li>{@link #ARCSIN} ({@code "arcsin"}, Nair 1984): sin^2(asin(sqrt S) -/+ z se sqrt(S / (1 - S)) / 2),
 * the angle clipped to [0, pi/2]; absent where S = 0.</li>
 * <li>{@link #LOGIT} ({@code "logit"}): the logit of S -/+ z se / (1 - S), back-transformed:
 * 1 - 1 / (1 + exp(log(S / (1 - S)) -/+ z se / (1 - S))); absent where S is 0 (R: NA) or 1
 * (R: NaN).</li>
 * <li>{@link #NONE} ({@code "none"}): no limits (R's fit has no {@code lower}/{@code upper}).</li>
 * </ul>
 *
 * <pre>{@code
 * KaplanMeier km = KaplanMeier.withDefaults().withConfidenceIntervalType(ConfidenceIntervalType.LOG_LOG);
 * ConfidenceIntervalType t = ConfidenceIntervalType.fromRName("log-log"); // LOG_LOG
 * }</pre>
 */
public enum ConfidenceIntervalType {
    /** Log transform (R {@code "log"}, the default). */
    LOG("log"),
    /** Complementary log-log transform (R {@code "log-log"}). */
    LOG_LOG("log-log"),
    /** No transform (R {@code "plain"}). */
    PLAIN("plain"),
    /** Arcsine-square-root transform (R {@code "arcsin"}). */
    ARCSIN("arcsin"),
    /** Logit transform (R {@code "logit"}). */
    LOGIT("logit"),
    /** No confidence limits (R {@code "none"}). */
    NONE("none");

    private final String rName;

    ConfidenceIntervalType(String rName) {
        this.rName = rName;
    }

    /**
     * R's name of this type ({@code survfit(conf.type = )}): {@code log}, {@code log-log},
     * {@code plain}, {@code arcsin}, {@code logit}, {@code none}.
     *
     * @return R's name of this type ({@code survfit(conf.type = )}): {@code log}, {@code log-log}, {@code plain}, {@code arcsin}, {@code logit}, {@code none}
     */
    public String rName() {
        return rName;
    }

    /**
     * The type with R's name {@code name} (case-insensitive; {@code log_log} and {@code loglog} are
     * accepted for {@code log-log}).
     *
     * @param name the name
     * @return the type with R's name {@code name} (case-insensitive; {@code log_log} and {@code loglog} are accepted for {@code log-log})
     */
    public static ConfidenceIntervalType fromRName(String name) {
        Check.notNull("confidence interval type", name);
        String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("loglog")) {
            n = "log-log";
        }
        for (ConfidenceIntervalType t : values()) {
            if (t.rName.equals(n)) {
                return t;
            }
        }
        throw Check.fail("confidence interval type '%s' is unknown; expected one of log, log-log, plain, arcsin, logit, "
                + "none",
                name);
    }

    /**
     * True where R sets the limit to {@code NA} before computing it (log and arcsin: S = 0;
     * log-log: S = 0 or 1). Elsewhere an absent limit is R's {@code NaN}.
     */
    boolean isNotAvailable(double s) {
        return switch (this) {
            case LOG, ARCSIN, LOGIT -> s == 0;
            case LOG_LOG -> s == 0 || s == 1;
            case PLAIN -> false;
            case NONE -> true;
        };
    }

    /**
     * Lower (upper = false) or upper limit for S = {@code s} with standard error {@code se} on the
     * scale given by {@code logScale} (true: se of -log S; false: se of S itself, divided by S
     * first), exactly as R's {@code survfit_confint} with {@code conf.lower = "usual"}.
     * NaN where R gives NA or NaN.
     */
    double limit(double s, double se, boolean logScale, double z, boolean upper) {
        // R: scale <- ifelse(selow == 0, 1, selow / se) with selow = se (1, or NaN for an infinite se)
        double scale = se == 0 ? 1 : se / se;
        double lse = logScale ? se : (se == 0 ? 0 : se / s);
        switch (this) {
            case LOG: {
                double xx = s == 0 ? Double.NaN : s;
                double se2 = z * lse;
                return upper ? Math.min(Math.exp(Math.log(xx) + se2), 1) : Math.exp(Math.log(xx) - se2 * scale);
            }
            case LOG_LOG: {
                double xx = s == 0 || s == 1 ? Double.NaN : s;
                double se2 = z * lse / Math.log(xx);
                double ll = Math.log(-Math.log(xx));
                return upper ? Math.exp(-Math.exp(ll + se2)) : Math.exp(-Math.exp(ll - se2 * scale));
            }
            case PLAIN: {
                double se2 = lse * s * z;
                return upper ? Math.min(s + se2, 1) : Math.max(s - se2 * scale, 0);
            }
            case ARCSIN: {
                double xx = s == 0 ? Double.NaN : s;
                double se2 = 0.5 * z * lse * Math.sqrt(xx / (1 - xx));
                double a = Math.asin(Math.sqrt(xx));
                double v = upper ? Math.sin(Math.min(Math.PI / 2, a + se2)) : Math.sin(Math.max(0, a - se2 * scale));
                return v * v;
            }
            case LOGIT: {
                double xx = s == 0 ? Double.NaN : s;
                double se2 = z * lse * (1 + xx / (1 - xx));
                double logit = Math.log(s / (1 - s));
                return upper ? 1 - 1 / (1 + Math.exp(logit + se2)) : 1 - 1 / (1 + Math.exp(logit - se2 * scale));
            }
            case NONE:
                return Double.NaN;
            default:
                throw new AssertionError(this);
        }
    }
}
