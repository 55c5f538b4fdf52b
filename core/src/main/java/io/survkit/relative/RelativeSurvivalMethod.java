package io.survkit.relative;

import io.survkit.internal.Check;

/** The estimators of {@code relsurv::rs.surv(method = )}. */
public enum RelativeSurvivalMethod {
    /**
     * Pohar-Perme net survival (Pohar Perme, Stare and Estève, Biometrics 2012): each event and each
     * subject at risk weighted by 1/S_i, the subject's population survival; consistent for net
     * survival under informative censoring by age and period. Hazard per curve time
     * Σ_{events} S_i⁻¹ / Σ_{at risk} S_i⁻¹ − ∫ Σ S_i⁻¹ λ_i / Σ S_i⁻¹ (daily steps).
     */
    POHAR_PERME("pohar-perme"),
    /** Ederer II relative survival: hazard (d_j − Σ_{at risk} ∫ λ_i)/Y_j (daily steps). */
    EDERER_II("ederer2"),
    /** Hakulinen relative survival: observed Kaplan-Meier over an expected survival built on potential follow-up. */
    HAKULINEN("hakulinen"),
    /** Ederer I relative survival: observed Kaplan-Meier over the cohort's mean expected survival. */
    EDERER_I("ederer1");

    private final String rName;

    RelativeSurvivalMethod(String rName) {
        this.rName = rName;
    }

    /** {@return R's name ({@code rs.surv(method = )})} */
    public String rName() {
        return rName;
    }

    /**
     * The method with R name {@code name} ({@code pohar-perme}, {@code ederer2}, {@code hakulinen}, {@code ederer1}).
     *
     * @param name the name
     * @return the method with R name {@code name} ({@code pohar-perme}, {@code ederer2}, {@code hakulinen}, {@code ederer1})
     */
    public static RelativeSurvivalMethod fromRName(String name) {
        for (RelativeSurvivalMethod m : values()) {
            if (m.rName.equals(name)) {
                return m;
            }
        }
        throw Check.fail("unknown relative survival method '%s'; expected pohar-perme, ederer2, hakulinen or ederer1",
                name);
    }
}
