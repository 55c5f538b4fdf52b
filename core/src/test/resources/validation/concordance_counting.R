# Reference values for ConcordanceCountingTest: concordance on counting-process (start, stop] data,
# which the shared oracle does not cover. Run from this folder: Rscript concordance_counting.R
# (R 4.2.2, survival 3.5-3, jsonlite 1.8.4). Data: the shared oracle's cgd.csv, weights
# w = 1 + (id mod 3). timewt = "S" is not covered: survival 3.5-3 crashes (segfault in
# concordancefit's docount) on (start, stop] data with timewt = "S", so survkit rejects it.
suppressMessages({library(survival); library(jsonlite)})
d <- read.csv(file.path("..", "oracle", "data", "cgd.csv"), na.strings = "")
d$w <- 1 + d$id %% 3
one <- function(timewt, reverse, weighted) {
  fit <- if (weighted) concordance(Surv(tstart, tstop, status == 1) ~ age, data = d, timewt = timewt,
                                   reverse = reverse, weights = w)
         else concordance(Surv(tstart, tstop, status == 1) ~ age, data = d, timewt = timewt, reverse = reverse)
  list(timewt = timewt, reverse = reverse, weighted = weighted, n = fit$n, concordance = unname(fit$concordance),
       se = sqrt(unname(fit$var)), count = as.list(fit$count))
}
out <- list(case = "concordance_cgd_counting", rCall = paste(
  "concordance(Surv(tstart, tstop, status == 1) ~ age, data = d, timewt =, reverse =",
  "[, weights = w]), w = 1 + id %% 3"),
  results = list(one("n", FALSE, FALSE), one("n", TRUE, TRUE)))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "concordance_cgd_counting.json")
