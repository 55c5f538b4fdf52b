# References for ParametricReferenceTest that the shared oracle does not hold.
# Run from this folder: Rscript survreg_reference.R  (R 4.2.2, survival 3.5-3, jsonlite)
# Writes survreg_reference.json.
library(survival)
library(jsonlite)
oracle <- "../oracle/data"
lung <- read.csv(file.path(oracle, "lung.csv"), na.strings = "")
ovarian <- read.csv(file.path(oracle, "ovarian.csv"), na.strings = "")
veteran <- read.csv(file.path(oracle, "veteran.csv"), na.strings = "")
printed <- function(fit) {
  out <- capture.output(print(summary(fit)))
  # drop the Call: block (survkit does not print the call)
  start <- which(out == "Call:")
  header <- which(grepl("^ +Value ", out))[1]
  paste(c(out[-((start - 1):(header - 1))], ""), collapse = "\n")
}
res <- list()
# 1. robust variance with case weights as survival >= 3.8 computes it (dfbeta weighted by w)
f <- survreg(Surv(futime, fustat == 1) ~ age + rx, data = ovarian, weights = w, robust = TRUE,
             dist = "loglogistic")
res$weightedRobust <- list(
  rCall = "crossprod(residuals(survreg(Surv(futime, fustat == 1) ~ age + rx, data = ovarian, weights = w, robust = TRUE, dist = 'loglogistic'), 'dfbeta', weighted = TRUE))",
  var = unname(crossprod(residuals(f, "dfbeta", weighted = TRUE))))
# 2. printed summaries
veteran$celltype <- factor(veteran$celltype, levels = c("adeno", "large", "smallcell", "squamous"))
fits <- list(
  lung_weibull = survreg(Surv(time, status == 2) ~ age + sex, data = lung, dist = "weibull"),
  lung_strata = survreg(Surv(time, status == 2) ~ age + ph.ecog + strata(sex), data = lung, dist = "weibull"),
  lung_cluster = survreg(Surv(time, status == 2) ~ age + sex + cluster(inst), data = lung, robust = TRUE,
                         dist = "weibull"),
  ovarian_exponential = survreg(Surv(futime, fustat == 1) ~ age + rx, data = ovarian, weights = w,
                                dist = "exponential"),
  veteran_strata = survreg(Surv(time, status == 1) ~ trt + karno + strata(celltype), data = veteran,
                           dist = "loglogistic"))
res$printed <- lapply(fits, printed)
writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE), "survreg_reference.json")
