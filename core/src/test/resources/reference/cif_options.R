# cmprsk options for `survkit cif` (issue 13): Gray's test with rho = 1 and timepoints() at chosen
# times. R 4.2.2, cmprsk 2.2-11. Run from this folder: Rscript cif_options.R > cif_options.json
suppressPackageStartupMessages(library(cmprsk))
library(jsonlite)
d <- read.csv("../oracle/data/cr_synth.csv", na.strings = "")
times <- c(0.5, 1, 2.5, 4, 100)
fit <- cuminc(ftime = d$time, fstatus = d$status, group = d$group, cencode = 0, rho = 1)
tp <- timepoints(fit, times)
tests <- fit$Tests
out <- list(
  rCall = "fit <- cuminc(ftime = d$time, fstatus = d$status, group = d$group, cencode = 0, rho = 1); timepoints(fit, times)",
  dataset = "cr_synth", rho = 1, times = times,
  grayTest = lapply(seq_len(nrow(tests)), function(i) list(cause = as.numeric(rownames(tests)[i]),
    stat = tests[i, "stat"], p = tests[i, "pv"], df = tests[i, "df"])),
  timepoints = list(curves = I(rownames(tp$est)),
    est = lapply(seq_len(nrow(tp$est)), function(i) as.numeric(tp$est[i, ])),
    var = lapply(seq_len(nrow(tp$var)), function(i) as.numeric(tp$var[i, ]))))
cat(toJSON(out, digits = I(17), na = "null", auto_unbox = TRUE))
