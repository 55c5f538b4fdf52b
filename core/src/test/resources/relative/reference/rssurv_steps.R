# R references for the step grid of survkit's DailyStepKernel: relsurv 2.2.9 rs.surv (Pohar-Perme,
# Ederer II) on rdata with fractional follow-up times and integration steps other than a day.
# Run from this folder: Rscript rssurv_steps.R   (writes rssurv_steps.json here)
suppressMessages(library(relsurv))
d <- read.csv("../../oracle/data/rdata.csv"); d$year <- as.Date(d$year)
d$ftime <- d$time - 0.25 * (seq_len(nrow(d)) %% 4)   # fractional: .0, .75, .5, .25 off
one <- function(method, precision, time) {
  f <- rs.surv(as.formula(paste0("Surv(", time, ", cens == 1) ~ 1 + ratetable(age = age * 365.241, sex = sex, year = year)")),
               data = d, ratetable = relsurv::slopop, method = method, precision = precision)
  list(method = method, precision = precision, time = time, curveTime = f$time, surv = f$surv, stdErr = f$std.err)
}
cases <- list(one("pohar-perme", 1, "ftime"), one("ederer2", 1, "ftime"), one("pohar-perme", 7, "time"),
              one("pohar-perme", 0.5, "ftime"), one("ederer2", 2.5, "ftime"))
writeLines(jsonlite::toJSON(list(rCall = "rs.surv(Surv(time or ftime, cens == 1) ~ 1 + ratetable(age = age * 365.241, sex = sex, year = year), data = d, ratetable = relsurv::slopop, method =, precision =); d$ftime <- d$time - 0.25 * (seq_len(nrow(d)) %% 4)",
  cases = cases), digits = I(17), auto_unbox = TRUE), "rssurv_steps.json")
