# Reference values for io.survkit.validation.Calibration (CalibrationReferenceTest).
# Run from this folder: Rscript calibration.R  (R 4.2.2, survival 3.5-3, jsonlite 1.8.4)
# Data: the shared oracle's score_lung.csv and score_veteran.csv (copied in ../oracle/data).
#
# Calibration of a predicted event risk r = 1 - S(t | x) at time t:
#  * groups: cut(r, unique(quantile(r, seq(0, 1, length.out = G + 1))), include.lowest = TRUE)
#    (quantile type 7, right-closed intervals, the first one closed on the left);
#  * per group: rows, events (all event rows of the group), mean predicted risk, and the observed
#    risk 1 - S_KM(t) from survfit(Surv(time, status) ~ group) with summary(fit, times = t,
#    extend = TRUE), its limits 1 - upper, 1 - lower (conf.type = "log", conf.int = 0.95);
#  * calibration slope: coxph(Surv(time, status) ~ log(-log(1 - r))) coefficient, se (Efron);
#    1 = well calibrated, < 1 = predictions too extreme (rms::validate's "Slope" for a Cox model);
#  * observed / expected: (1 - S_KM(t) of all rows) / mean(r).
suppressMessages({library(survival); library(jsonlite)})
one <- function(name, dataset, event, eventValue, riskCol, t, G) {
  d <- read.csv(file.path("..", "oracle", "data", paste0(dataset, ".csv")), na.strings = "")
  d$status01 <- as.integer(d[[event]] == eventValue)
  r <- d[[riskCol]]
  br <- unique(quantile(r, seq(0, 1, length.out = G + 1)))
  g <- cut(r, br, include.lowest = TRUE)
  fit <- survfit(Surv(time, status01) ~ g, data = d)
  s <- summary(fit, times = t, extend = TRUE)
  grp <- lapply(seq_along(levels(g)), function(k) {
    rows <- g == levels(g)[k]
    list(label = levels(g)[k], rows = sum(rows), events = sum(d$status01[rows]), meanRisk = mean(r[rows]),
         observed = 1 - s$surv[k], lower = 1 - s$upper[k], upper = 1 - s$lower[k])
  })
  d$cll <- log(-log(1 - r))
  cf <- coxph(Surv(time, status01) ~ cll, data = d)
  km <- summary(survfit(Surv(time, status01) ~ 1, data = d), times = t)
  out <- list(case = name, rCall = "see calibration.R", dataset = dataset, event = event,
              eventValue = eventValue, risk = riskCol, time = t, groups = G,
              breaks = unname(br),
              result = list(groups = grp, slope = unname(coef(cf)), slopeSe = unname(sqrt(vcov(cf))[1]),
                            observedExpected = (1 - km$surv) / mean(r)))
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), paste0(name, ".json"))
}
one("calibration_score_lung_365", "score_lung", "status", 2, "risk365", 365, 5)
one("calibration_score_veteran_90", "score_veteran", "status", 1, "risk90", 90, 4)
one("calibration_score_lung_180_deciles", "score_lung", "status", 2, "risk180", 180, 10)
