# Reference values for survkit's FineGray and GrayTest (3 groups, strata), R 4.2.2, cmprsk 2.2-11.
# Run from core/src/test/resources/reference:  Rscript crr_cr_synth.R  (writes crr_cr_synth.json)
# Data: ../oracle/data/cr_synth.csv plus two deterministic columns built from the row id:
#   x      = ((id * 37) %% 101) / 10          (numeric covariate, 0 .. 10)
#   arm3   = c("a", "b", "c")[id %% 3 + 1]    (three groups for Gray's test)
#   site   = c("s1", "s2")[id %% 2 + 1]       (strata for Gray's test)
library(cmprsk)
library(jsonlite)
d <- read.csv("../oracle/data/cr_synth.csv")
d$x <- ((d$id * 37) %% 101) / 10
d$arm3 <- c("a", "b", "c")[d$id %% 3 + 1]
d$site <- c("s1", "s2")[d$id %% 2 + 1]
d$groupB <- as.numeric(d$group == "B")
cov <- cbind(groupB = d$groupB, x = d$x)
fit_crr <- function(fit) {
  s <- summary(fit)$coef
  list(coef = unname(fit$coef), se = unname(sqrt(diag(fit$var))), z = unname(s[, "z"]),
       p = unname(2 * pnorm(-abs(s[, "z"]))), loglik = fit$loglik, loglikNull = fit$loglik.null,
       converged = fit$converged, score = unname(fit$score), var = unname(fit$var))
}
f1 <- crr(d$time, d$status, cov, failcode = 1, cencode = 0)
f1t <- crr(d$time, d$status, cov, failcode = 1, cencode = 0, gtol = 1e-13, maxiter = 50)
f2 <- crr(d$time, d$status, cov, failcode = 2, cencode = 0)
g3 <- cuminc(d$time, d$status, d$arm3, cencode = 0)$Tests
g3s <- cuminc(d$time, d$status, d$arm3, strata = d$site, cencode = 0)$Tests
tests <- function(t) list(stat = unname(t[, "stat"]), p = unname(t[, "pv"]), df = unname(t[, "df"]))
out <- list(
  crr_cause1 = c(list(rCall = "crr(d$time, d$status, cbind(groupB, x), failcode = 1, cencode = 0)"), fit_crr(f1)),
  crr_cause1_tight = c(list(rCall = "crr(d$time, d$status, cbind(groupB, x), failcode = 1, cencode = 0, gtol = 1e-13, maxiter = 50)"), fit_crr(f1t)),
  crr_cause2 = c(list(rCall = "crr(d$time, d$status, cbind(groupB, x), failcode = 2, cencode = 0)"), fit_crr(f2)),
  gray_arm3 = c(list(rCall = "cuminc(d$time, d$status, d$arm3, cencode = 0)$Tests"), tests(g3)),
  gray_arm3_site = c(list(rCall = "cuminc(d$time, d$status, d$arm3, strata = d$site, cencode = 0)$Tests"), tests(g3s)))
writeLines(toJSON(out, digits = I(17), auto_unbox = TRUE, pretty = TRUE), "crr_cr_synth.json")
print(f1); print(f1t$coef - f1$coef); print(g3); print(g3s)
