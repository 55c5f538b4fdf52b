/**
 * survkit: survival analysis for the JVM with R {@code survival}'s answers. Every package is
 * exported except {@code io.survkit.internal} (shared numerics, printing and validation).
 *
 * <pre>{@code
 * SurvivalData lung = SurvivalData.csv(Path.of("lung.csv")).time("time").event("status", "2").read();
 * KaplanMeierResult km = KaplanMeier.withDefaults().fit(lung, "sex");
 * CoxResult cox = CoxRegression.withDefaults().fit(lung, "age + sex + strata(inst)");
 * }</pre>
 */
module io.survkit {
    requires commons.math3;
    requires org.apache.commons.csv;
    requires org.slf4j;

    exports io.survkit.arms;
    exports io.survkit.compare;
    exports io.survkit.data;
    exports io.survkit.estimate;
    exports io.survkit.plot;
    exports io.survkit.regression;
    exports io.survkit.seer;
    exports io.survkit.table;
    exports io.survkit.validation;
}
