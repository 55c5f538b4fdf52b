# Cox models with one factor of many levels and few events each (monotone likelihood: some
# coefficients run to -Inf), issue 12: R reports "Ran out of iterations and did not converge", no
# aliased (NA) coefficient, and the last good point of its Newton-Raphson. R 4.2.2, survival 3.5-3.
# Run from core/src/test/resources:
#   Rscript reference/cox_monotone.R
# writes reference/cox_monotone_<case>.csv and reference/cox_monotone.json.
library(survival)
library(jsonlite)
cases <- list()
mk <- function(name, levels, per, seed, pev) {
  set.seed(seed)
  n <- levels * per
  d <- data.frame(time = sample(1:(n %/% 2), n, replace = TRUE), status = rbinom(n, 1, pev),
                  g = sprintf("L%04d", rep(1:levels, each = per)))
  write.csv(d, paste0("reference/cox_monotone_", name, ".csv"), row.names = FALSE)
  warn <- character(0)
  f <- withCallingHandlers(coxph(Surv(time, status) ~ factor(g), data = d),
     warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") })
  cases[[length(cases) + 1]] <<- list(case = name, rCode = "coxph(Surv(time, status) ~ factor(g), data = d)",
     loglik = f$loglik, iter = f$iter, coefficients = unname(coef(f)), warnings = warn)
}
mk("levels200x1", 200, 1, 1, 0.5)
mk("levels50x1", 50, 1, 2, 0.5)
mk("levels200x2", 200, 2, 4, 0.3)
mk("levels100x3", 100, 3, 5, 0.2)
writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, pretty = TRUE), "reference/cox_monotone.json")
