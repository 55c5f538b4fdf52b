# cmprsk::crr with time-varying covariates (cov2, tf) and predict.crr with cov2, R 4.2.2, cmprsk 2.2-11.
# Data: crr_synth_x.csv (written by crr_cengroup.R). Run here:  Rscript crr_cov2.R  (writes crr_cov2.json)
suppressPackageStartupMessages({ library(cmprsk); library(jsonlite) })
d <- read.csv("crr_synth_x.csv")
cov1 <- cbind(groupB = d$groupB, x = d$x)
cov2 <- cbind(x = d$x)
n1 <- rbind(c(0, 0), c(1, 2.5), c(0, 7))
one <- function(call, fit, newx1, newx2) {
  pr <- predict(fit, newx1, newx2)
  list(rCall = call, coef = unname(fit$coef), var = unname(fit$var), loglik = fit$loglik,
       loglikNull = fit$loglik.null, converged = fit$converged, score = unname(fit$score),
       uftime = fit$uftime, bfitj = fit$bfitj, newx1 = newx1, newx2 = newx2, predict = unname(pr[, -1]))
}
f1 <- crr(d$time, d$status, cov1, cov2, tf = function(t) cbind(log = log(t)))
# (with tf = t the pseudo-likelihood is badly scaled: at gtol = 1e-12 crr's step halving fails in rounding
# noise before converging, so the case keeps crr's default tolerance, where it converges)
f2 <- crr(d$time, d$status, cov1, cov2, tf = function(t) cbind(t = t), cengroup = d$site, failcode = 2)
stopifnot(f1$converged, f2$converged)
out <- list(
  cov2_log = one("crr(time, status, cbind(groupB, x), cbind(x), tf = function(t) log(t))", f1, n1, cbind(c(0, 2.5, 7))),
  cov2_identity_cengroup = one("crr(time, status, cbind(groupB, x), cbind(x), tf = function(t) t, cengroup = site, failcode = 2)",
                               f2, n1, cbind(c(0, 2.5, 7))))
writeLines(toJSON(out, digits = I(17), auto_unbox = TRUE, pretty = TRUE), "crr_cov2.json")
print(f1$coef); print(f2$coef)
