package io.survkit.relative;

/**
 * The unit of follow-up times given to and reported by {@link RelativeSurvival}. Rate tables hold
 * hazards per day; months and years are converted with the table's days per year (a month is a
 * twelfth of it).
 */
public enum TimeUnit {
    /** Days (R relsurv's scale). */
    DAYS,
    /** Months of daysPerYear / 12 days. */
    MONTHS,
    /** Years of daysPerYear days. */
    YEARS;

    /**
     * Days in one unit for a table with {@code daysPerYear}.
     *
     * @param daysPerYear the days per year
     * @return days in one unit for a table with {@code daysPerYear}
     */
    public double days(double daysPerYear) {
        switch (this) {
            case MONTHS:
                return daysPerYear / 12;
            case YEARS:
                return daysPerYear;
            default:
                return 1;
        }
    }
}
