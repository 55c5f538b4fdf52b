package io.survkit.relative;

/** Which column of a Human Mortality Database 1x1 life table becomes the daily hazard. */
public enum HmdRate {
    /** The central death rate m(x) per year: hazard per day = m(x) / days per year. */
    MX,
    /**
     * The probability of death q(x) within the year of age: hazard per day = -log(1 - q(x)) / days
     * per year, with q(x) = 1 or missing replaced by 0.999 from that age on (as
     * {@code relsurv::transrate.hmd}).
     */
    QX
}
