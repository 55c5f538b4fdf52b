# R's survreg on the data of SurvregBenchmark (written by: java -cp benchmarks/target/benchmarks.jar
# io.survkit.bench.SurvregBenchmark /tmp/survreg1e6.csv). Usage: Rscript survreg-vs-r.R /tmp/survreg1e6.csv
library(survival)
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
fit <- survreg(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5, data = d, dist = "weibull")  # warm-up
times <- replicate(3, system.time(survreg(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5, data = d,
                                          dist = "weibull"))[["elapsed"]])
print(coef(fit), digits = 15); print(fit$scale, digits = 15); print(fit$iter)
cat("elapsed seconds:", times, " median:", median(times), "\n")
