# Times relsurv::rs.surv (Pohar-Perme, survexp.us, daily precision) on the CSV written by
#   java -cp benchmarks/target/benchmarks.jar io.survkit.bench.RelativeSurvivalData DIR N
# Usage: Rscript benchmarks/r/relsurv_timing.R DIR/relsurv_N.csv [METHOD]   (default pohar-perme)
suppressMessages(library(relsurv))
args <- commandArgs(trailingOnly = TRUE)
method <- if (length(args) > 1) args[2] else "pohar-perme"
d <- read.csv(args[1])
d$year <- as.Date(d$year)
t <- system.time(fit <- rs.surv(Surv(time, status == 1) ~ 1 + ratetable(age = age * 365.25, sex = sex, year = year),
                                data = d, ratetable = survexp.us, method = method))
cat(sprintf("n = %d, rs.surv %s elapsed %.1f s (user %.1f s)\n", nrow(d), method, t[["elapsed"]], t[["user.self"]]))
s <- summary(fit, times = c(365, 1096, 1826))
cat(sprintf("net survival at 1, 3, 5 years: %s\n", paste(format(s$surv, digits = 10), collapse = " ")))
