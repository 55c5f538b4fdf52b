package io.survkit.relative;

/**
 * How a subject's date of diagnosis enters a rate table's calendar-year cells.
 */
public enum CalendarRule {
    /**
     * The date itself: at follow-up time s the subject is in the year cell of date y0 + s
     * ({@code relsurv::slopop} and most national tables).
     */
    CALENDAR_YEAR,
    /**
     * R survival's rule for the US decennial tables ({@code survexp.us}, its {@code type} 4): the
     * entry date moves back to the last birthday on or before the same day of the calendar year, so
     * that the subject changes year cell on birthdays only. With b = y0 - a0 the birth date (days
     * since 1970-01-01) and J = January 1 of the year of b, the date used is y0 - (b - J).
     */
    US_BIRTHDAY
}
