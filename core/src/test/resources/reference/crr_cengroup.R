# cmprsk::crr with cengroup (a censoring distribution per group) and predict.crr, R 4.2.2, cmprsk 2.2-11.
# Run from core/src/test/resources/reference:  Rscript crr_cengroup.R  (writes crr_cengroup.json and
# crr_synth_x.csv, cr_synth with the covariates of crr_cr_synth.R as columns)
suppressPackageStartupMessages({ library(cmprsk); library(jsonlite) })
d <- read.csv("../oracle/data/cr_synth.csv")
d$x <- ((d$id * 37) %% 101) / 10
d$site <- c("s1", "s2")[d$id %% 2 + 1]
d$groupB <- as.numeric(d$group == "B")
write.csv(d, "crr_synth_x.csv", row.names = FALSE)
cov <- cbind(groupB = d$groupB, x = d$x)
newx <- rbind(c(0, 0), c(1, 2.5), c(0, 7))
one <- function(call, fit) {
  pr <- predict(fit, newx)
  list(rCall = call, coef = unname(fit$coef), var = unname(fit$var), loglik = fit$loglik,
       loglikNull = fit$loglik.null, converged = fit$converged, score = unname(fit$score),
       uftime = fit$uftime, bfitj = fit$bfitj, newx = newx, predict = unname(pr[, -1]))
}
f1 <- crr(d$time, d$status, cov, cengroup = d$site, failcode = 1, cencode = 0)
f2 <- crr(d$time, d$status, cov, cengroup = d$site, failcode = 2, cencode = 0, gtol = 1e-12, maxiter = 50)
f0 <- crr(d$time, d$status, cov, failcode = 1, cencode = 0)
out <- list(
  cengroup_cause1 = one("crr(time, status, cbind(groupB, x), cengroup = site, failcode = 1)", f1),
  cengroup_cause2_tight = one("crr(time, status, cbind(groupB, x), cengroup = site, failcode = 2, gtol = 1e-12, maxiter = 50)", f2),
  predict_cause1 = one("crr(time, status, cbind(groupB, x), failcode = 1)", f0))
writeLines(toJSON(out, digits = I(17), auto_unbox = TRUE, pretty = TRUE), "crr_cengroup.json")
print(f1$coef); print(f0$coef)
