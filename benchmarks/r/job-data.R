# The issue-14 file: time, status, arm and 3 numeric covariates, n rows, seeded, written by fwrite.
#   Rscript benchmarks/r/job-data.R N OUT.csv
library(data.table)
a <- commandArgs(TRUE); n <- as.integer(a[1])
set.seed(14)
arm <- sample(c("A", "B"), n, TRUE)
time <- round(rexp(n, ifelse(arm == "A", 1 / 20, 1 / 26)), 2)
cens <- round(runif(n, 0, 60), 2)
status <- as.integer(time <= cens)
time <- pmin(time, cens)
fwrite(data.table(time = time, status = status, arm = arm, age = round(rnorm(n, 62, 10)),
                  bmi = round(rnorm(n, 26, 4), 1), score = round(runif(n), 4)), a[2])
