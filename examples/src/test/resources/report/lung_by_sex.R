# Reference values of `survkit report` on examples/data/lung.csv by sex (issue 15), and of the RMST
# difference and ratio of ArmComparison (issue 11). Run from the repository root:
#   Rscript examples/src/test/resources/report/lung_by_sex.R
# R 4.2.2, survival 3.5-3, jsonlite. Writes lung_by_sex.json beside this script.
#
# The report command: --time time --event status --event-value 2 --group sex --covariates age,ph.ecog
#   --endpoint OS --time-unit days --times 180,365,730
# ArmComparison analyses the rows complete in every column it uses (time, status, sex, age, ph.ecog),
# so that every number is computed on the same patients: 228 rows read, 1 without ph.ecog, 227 analysed.
#
# RMST difference and ratio follow survRM2::rmst2's formulas (survRM2 is not installed here, so they
# are computed from print(fit, rmean = tau)'s rmean and se(rmean) of each arm):
#   difference = rmst_2 - rmst_1, se = sqrt(se_2^2 + se_1^2), Wald limits +- qnorm(0.975) se,
#   p = 2 (1 - pnorm(|difference| / se));
#   ratio = rmst_2 / rmst_1, se(log ratio) = sqrt((se_2 / rmst_2)^2 + (se_1 / rmst_1)^2),
#   limits exp(log ratio +- qnorm(0.975) se(log ratio)).
# tau = the shorter of the two arms' longest follow-up (survRM2's default).
suppressPackageStartupMessages({library(survival); library(jsonlite)})
lung <- read.csv("examples/data/lung.csv")
rows_read <- nrow(lung)
d <- lung[complete.cases(lung[, c("time", "status", "sex", "age", "ph.ecog")]), ]
d$sex <- factor(d$sex)
z <- qnorm(0.975)
times <- c(180, 365, 730)
fit <- survfit(Surv(time, status == 2) ~ sex, data = d)
tau <- min(tapply(d$time, d$sex, max))
tab <- summary(fit, rmean = tau)$table
s <- summary(fit, times = times)
arm <- function(k) {
  lev <- levels(d$sex)[k]
  i <- s$strata == paste0("sex=", lev)
  list(label = lev, n = unname(tab[k, "records"]), events = unname(tab[k, "events"]),
       median = unname(tab[k, "median"]), medianLower = unname(tab[k, "0.95LCL"]),
       medianUpper = unname(tab[k, "0.95UCL"]),
       landmarks = list(time = s$time[i], survival = s$surv[i], standardError = s$std.err[i],
                        lower = s$lower[i], upper = s$upper[i], atRisk = s$n.risk[i]),
       rmst = unname(tab[k, "rmean"]), rmstSe = unname(tab[k, "se(rmean)"]),
       longestFollowUp = max(d$time[d$sex == lev]))
}
a1 <- arm(1); a2 <- arm(2)
dif <- a2$rmst - a1$rmst; dse <- sqrt(a2$rmstSe^2 + a1$rmstSe^2)
ratio <- a2$rmst / a1$rmst; lse <- sqrt((a2$rmstSe / a2$rmst)^2 + (a1$rmstSe / a1$rmst)^2)
ldif <- a2$landmarks$survival - a1$landmarks$survival
lse2 <- sqrt(a2$landmarks$standardError^2 + a1$landmarks$standardError^2)
sd <- survdiff(Surv(time, status == 2) ~ sex, data = d)
crude <- coxph(Surv(time, status == 2) ~ sex, data = d)
adj <- coxph(Surv(time, status == 2) ~ sex + age + ph.ecog, data = d)
hr <- function(f) {
  cf <- summary(f)$coefficients
  list(estimate = exp(cf[1, "coef"]), lower = exp(cf[1, "coef"] - z * cf[1, "se(coef)"]),
       upper = exp(cf[1, "coef"] + z * cf[1, "se(coef)"]), p = cf[1, "Pr(>|z|)"])
}
zph <- cox.zph(crude)
out <- list(
  call = "survfit/survdiff/coxph/cox.zph on lung.csv complete in time, status, sex, age, ph.ecog",
  rowsRead = rows_read, missingPhEcog = sum(is.na(lung$ph.ecog)), rowsAnalysed = nrow(d),
  tau = tau, arms = list(a1, a2),
  medianDifference = a2$median - a1$median,
  landmarkDifference = list(difference = ldif, standardError = lse2, lower = ldif - z * lse2, upper = ldif + z * lse2),
  rmstDifference = list(estimate = dif, standardError = dse, lower = dif - z * dse, upper = dif + z * dse,
                        p = 2 * (1 - pnorm(abs(dif) / dse))),
  rmstRatio = list(estimate = ratio, logStandardError = lse, lower = exp(log(ratio) - z * lse),
                   upper = exp(log(ratio) + z * lse)),
  logRank = list(chiSquare = sd$chisq, df = length(sd$n) - 1, p = pchisq(sd$chisq, 1, lower.tail = FALSE)),
  hazardRatioCrude = hr(crude), hazardRatioAdjusted = hr(adj),
  proportionalHazards = list(chiSquare = unname(zph$table["sex", "chisq"]), p = unname(zph$table["sex", "p"])))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "examples/src/test/resources/report/lung_by_sex.json")
