# The whole job in R, as a user runs it: read the CSV with data.table::fread, Kaplan-Meier by arm
# (survfit), log-rank (survdiff). Writes the numbers benchmarks/whole-job.sh checks survkit against.
#   Rscript benchmarks/r/whole-job.R DATA.csv OUT.json
suppressPackageStartupMessages({library(data.table); library(survival); library(jsonlite)})
a <- commandArgs(TRUE)
d <- fread(a[1], select = c("time", "status", "arm"))
fit <- survfit(Surv(time, status) ~ arm, data = d)
lr <- survdiff(Surv(time, status) ~ arm, data = d)
tab <- summary(fit)$table
writeLines(toJSON(list(chisq = lr$chisq, observed = as.numeric(lr$obs), expected = as.numeric(lr$exp),
                       median = unname(tab[, "median"]), events = unname(tab[, "events"]),
                       nTimes = as.numeric(fit$strata)), digits = NA), a[2])
