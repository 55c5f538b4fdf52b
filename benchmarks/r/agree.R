# Checks that survkit's km --test logrank JSON agrees with R's numbers (relative 1e-9).
#   Rscript benchmarks/r/agree.R SURVKIT.json R.json
suppressPackageStartupMessages(library(jsonlite))
a <- commandArgs(TRUE)
s <- fromJSON(a[1])$result
r <- fromJSON(a[2])
close <- function(x, y) all(abs(x - y) <= 1e-9 * pmax(1, abs(y)))
ok <- c(chisq = close(s$logrank$chisq, r$chisq), observed = close(s$logrank$observed, r$observed),
        expected = close(s$logrank$expected, r$expected), median = close(s$strata$median, r$median),
        events = close(s$strata$events, r$events), nTimes = close(sapply(s$strata$time, length), r$nTimes))
if (all(ok)) cat("agree\n") else { cat("DISAGREE:", names(ok)[!ok], "\n"); quit(status = 1) }
