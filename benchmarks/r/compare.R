# Times R survival on the data sets written by io.survkit.bench.CompareData, with the data already
# loaded (median of 5 runs of each call), and writes the numbers survkit must reproduce.
# Usage: Rscript compare.R DIR OUT.tsv
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
out <- args[2]
reps <- 5
time_it <- function(expr_fun) {
  t <- numeric(reps)
  for (i in seq_len(reps)) {
    gc(FALSE)
    t[i] <- system.time(res <- expr_fun())[["elapsed"]]
  }
  list(seconds = median(t), value = res)
}
rows <- list()
add <- function(task, n, seconds, what, values) {
  rows[[length(rows) + 1]] <<- data.frame(task = task, n = n, seconds = seconds, what = what,
                                           values = paste(sprintf("%.17g", values), collapse = ";"))
}
for (f in sort(list.files(dir, pattern = "^km_[0-9]+\\.csv$", full.names = TRUE))) {
  d <- read.csv(f, colClasses = c("numeric", "integer", "character"))
  n <- nrow(d)
  km <- time_it(function() survfit(Surv(time, status) ~ arm, data = d))
  s <- summary(km$value, times = c(100, 365, 730), extend = TRUE)
  add("km", n, km$seconds, "surv@100,365,730 (A then B)", s$surv)
  lr <- time_it(function() survdiff(Surv(time, status) ~ arm, data = d))
  add("logrank", n, lr$seconds, "chisq", lr$value$chisq)
  rm(d, km, lr); invisible(gc(FALSE))
}
for (f in sort(list.files(dir, pattern = "^cox_[0-9]+\\.csv$", full.names = TRUE))) {
  d <- read.csv(f)
  n <- nrow(d)
  fm <- Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10
  cx <- time_it(function() coxph(fm, data = d, ties = "efron"))
  add("cox", n, cx$seconds, "coef x1..x10", coef(cx$value))
  rm(d, cx); invisible(gc(FALSE))
}
write.table(do.call(rbind, rows), out, sep = "\t", row.names = FALSE, quote = FALSE)
