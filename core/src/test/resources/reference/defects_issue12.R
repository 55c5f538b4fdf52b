# Reference values for the issue-12 defect tests (R 4.2, survival 3.x, cmprsk, jsonlite).
# Run from core/src/test/resources/reference:  Rscript defects_issue12.R  (writes defects_issue12.json)
library(survival)
library(jsonlite)
lung <- read.csv("../oracle/data/lung.csv")
out <- list()

# --- Kaplan-Meier with case weights: R's default (robust, infinitesimal jackknife) is scale-free.
# Weights: w = 0.5 + (row %% 7) / 4 (deterministic), and w * 1e-160.
lung$w <- 0.5 + (seq_len(nrow(lung)) %% 7) / 4
km <- function(wt, robust = NULL) {
  f <- survfit(Surv(time, status == 2) ~ 1, data = lung, weights = wt, robust = robust)
  s <- summary(f, times = c(100, 300, 500))
  list(time = s$time, nRisk = s$n.risk, surv = s$surv, stdErr = s$std.err, lower = s$lower, upper = s$upper)
}
out$km_weights = c(list(rCall = "summary(survfit(Surv(time, status == 2) ~ 1, lung, weights = w), times = c(100, 300, 500))"), km(lung$w))
out$km_weights_1e_160 = c(list(rCall = "... weights = w * 1e-160 ..."), km(lung$w * 1e-160))
# Greenwood (weights as frequencies, R's default for whole-number weights such as w * 1e300): its
# variance sum d / (n (n - d)) scales as 1 / c, so the standard error at w * 1e300 is this one / 1e150
# (R itself prints 0 there: n (n - d) overflows).
out$km_weights_greenwood = c(list(rCall = "summary(survfit(..., weights = w, robust = FALSE), times = c(100, 300, 500))"), km(lung$w, FALSE))

# --- Cox with an aliased (collinear) column: R gives coef NA, se(coef) 0 and a zero row/column of var.
lung$age2 <- 2 * lung$age
ca <- coxph(Surv(time, status == 2) ~ age + age2 + sex, lung)
car <- coxph(Surv(time, status == 2) ~ age + age2 + sex, lung, robust = TRUE)
out$cox_aliased = list(rCall = "coxph(Surv(time, status == 2) ~ age + age2 + sex, lung), age2 = 2 * age",
  coef = unname(ca$coef), se = unname(summary(ca)$coef[, "se(coef)"]), var = unname(ca$var),
  robustSe = unname(summary(car)$coef[, "robust se"]), naiveSe = unname(summary(car)$coef[, "se(coef)"]))

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "defects_issue12.json")
