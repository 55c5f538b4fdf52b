package io.survkit.regression;

/**
 * The function of time f(t) that multiplies a time-varying Fine-Gray covariate (cmprsk crr's
 * {@code tf}, evaluated at the distinct failure times of the cause): the covariate's effect is
 * {@code b x f(t)}.
 */
public enum FineGrayTimeFunction {
    /** f(t) = t ({@code tf = function(t) t}). */
    IDENTITY("t"),
    /** f(t) = log(t) ({@code tf = function(t) log(t)}). */
    LOG("log(t)");

    private final String label;

    FineGrayTimeFunction(String label) {
        this.label = label;
    }

    /** {@return the function as text, used in the coefficient name {@code x*log(t)}} */
    public String label() {
        return label;
    }

    /**
     * f(t).
     *
     * @param t the time
     * @return f(t)
     */
    public double apply(double t) {
        return this == IDENTITY ? t : Math.log(t);
    }
}
