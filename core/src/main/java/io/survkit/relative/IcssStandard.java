package io.survkit.relative;

/**
 * The International Cancer Survival Standard weights (Corazziari, Quinn and Capocaccia, Eur J
 * Cancer 2004), used by CONCORD and EUROCARE to age-standardise net survival, for the age groups
 * 15-44, 45-54, 55-64, 65-74 and 75-99 years at diagnosis.
 */
public enum IcssStandard {
    /** ICSS 1: cancers whose incidence rises with age (most sites): 0.07, 0.12, 0.23, 0.29, 0.29. */
    ICSS_1(0.07, 0.12, 0.23, 0.29, 0.29),
    /** ICSS 2: cancers with broadly constant incidence by age (e.g. melanoma, cervix): 0.28, 0.17, 0.21, 0.20, 0.14. */
    ICSS_2(0.28, 0.17, 0.21, 0.20, 0.14),
    /** ICSS 3: cancers mainly of young adults (e.g. testis): 0.60, 0.10, 0.10, 0.10, 0.10. */
    ICSS_3(0.60, 0.10, 0.10, 0.10, 0.10);

    /** Upper ages (whole years) of the first four groups; the last is open. */
    private static final int[] UPPER = {44, 54, 64, 74};
    private static final String[] LABELS = {"15-44", "45-54", "55-64", "65-74", "75-99"};

    private final double[] weights;

    IcssStandard(double... weights) {
        this.weights = weights;
    }

    /**
     * The weight of age group {@code g} (0-4).
     *
     * @param g the 0-based group index
     * @return the weight of age group {@code g} (0-4)
     */
    public double weight(int g) {
        return weights[g];
    }

    /** {@return number of age groups (5)} */
    public static int groupCount() {
        return LABELS.length;
    }

    /**
     * Label of age group {@code g}, e.g. {@code 45-54}.
     *
     * @param g the 0-based group index
     * @return the label of age group {@code g}, e.g
     */
    public static String label(int g) {
        return LABELS[g];
    }

    /**
     * The age group of whole years {@code floor(ageYears)}: ages below 45 fall in the first group and
     * ages 75 and above in the last.
     *
     * @param ageYears the age years
     * @return the age group of whole years {@code floor(ageYears)}: ages below 45 fall in the first group and ages 75 and above in the last
     */
    public static int group(double ageYears) {
        double a = Math.floor(ageYears);
        int g = 0;
        while (g < UPPER.length && a > UPPER[g]) {
            g++;
        }
        return g;
    }
}
