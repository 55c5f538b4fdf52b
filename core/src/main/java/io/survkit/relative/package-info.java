/**
 * Relative and net survival for cancer registries: population rate tables ({@link
 * io.survkit.relative.RateTable}: the bundled US table, long CSV files, Human Mortality Database
 * life tables), expected survival ({@link io.survkit.relative.ExpectedSurvival}, R {@code survexp}),
 * net and relative survival ({@link io.survkit.relative.RelativeSurvival}: Pohar-Perme, Ederer II,
 * Hakulinen, Ederer I, R {@code relsurv::rs.surv}), the log-rank-type test of net survival ({@link
 * io.survkit.relative.NetSurvivalComparison}, {@code rs.diff}), ICSS age-standardisation ({@link
 * io.survkit.relative.AgeStandardisedNetSurvival}) and the actuarial life table with its relative
 * columns ({@link io.survkit.relative.LifeTable}, {@code KMsurv::lifetab}).
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("registry.csv")).time("time").event("status", "1")
 *         .group("stage").numeric("age").factor("sex").factor("year").read();
 * RelativeSurvivalResult net = RelativeSurvival.withDefaults().estimate(d, "age", "sex", "year");
 * System.out.println(net.curve(0).at(365, 1826));   // 1- and 5-year net survival of stage 1
 * }</pre>
 */
package io.survkit.relative;
