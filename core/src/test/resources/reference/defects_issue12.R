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

# --- Fine-Gray with competing events and censorings at time 0 (crr's censoring survival at time 0
# includes the time-0 censorings). Deterministic data: i = 1..80,
#   time = (i * 7) %% 23 (0 for i = 23, 46, 69: rows with status 0, 2, 1 there), plus rows 81..84 at time 0
#   status = c(0, 1, 2, 1)[(i %% 4) + 1]; x = ((i * 13) %% 17) / 4
library(cmprsk)
i <- 1:84
ftime <- ifelse(i <= 80, (i * 7) %% 23, 0)
fstatus <- c(0, 1, 2, 1)[(i %% 4) + 1]
fstatus[81:84] <- c(0, 2, 0, 1)
x <- ((i * 13) %% 17) / 4
fg <- crr(ftime, fstatus, cbind(x = x), failcode = 1, cencode = 0)
out$crr_time0 = list(rCall = "crr(ftime, fstatus, cbind(x = x), failcode = 1, cencode = 0) on the time-0 data above",
  timeZeroRows = sum(ftime == 0), timeZeroCensored = sum(ftime == 0 & fstatus == 0),
  timeZeroCompeting = sum(ftime == 0 & fstatus == 2),
  coef = unname(fg$coef), var = unname(fg$var), loglik = fg$loglik, converged = fg$converged)

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "defects_issue12.json")
