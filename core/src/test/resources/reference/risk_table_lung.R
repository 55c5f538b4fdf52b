# Number at risk of the Kaplan-Meier risk table (issue 11: replaces a test that compared
# KaplanMeierResult.riskTable with the curve's own numberAtRiskAt). Run from the repository root:
#   Rscript core/src/test/resources/reference/risk_table_lung.R
# R 4.2.2, survival 3.5-3: summary(survfit(...), times =, extend = TRUE)$n.risk, per stratum
# (extend = TRUE gives 0 at risk beyond the last follow-up, as a risk table prints).
suppressPackageStartupMessages({library(survival); library(jsonlite)})
lung <- read.csv("core/src/test/resources/oracle/data/lung.csv")
fit <- survfit(Surv(time, status == 2) ~ sex, data = lung)
times <- c(0, 365, 2000)
s <- summary(fit, times = times, extend = TRUE)
out <- list(call = "summary(survfit(Surv(time, status == 2) ~ sex, data = lung), times = c(0, 365, 2000), extend = TRUE)",
            times = times,
            strata = levels(s$strata),
            nRisk = lapply(levels(s$strata), function(k) s$n.risk[s$strata == k]),
            nEvent = lapply(levels(s$strata), function(k) s$n.event[s$strata == k]),
            nCensor = lapply(levels(s$strata), function(k) s$n.censor[s$strata == k]))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "core/src/test/resources/reference/risk_table_lung.json")
