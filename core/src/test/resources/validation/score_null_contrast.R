# Reference values for ScoreNullModelTest: the parts of riskRegression::Score that the shared
# score_* oracle files leave out, for the same two cases (same call as their rCall): the null
# model's standard error and limits (fit$Brier$score, "Null model" rows) and the model-minus-null
# contrast (fit$Brier$contrasts: delta.Brier, se, lower, upper, p), and print(fit). The event is
# coded 0/1 in a column first (Hist(time, event01)), which Score treats as Hist(time, status == v).
# Run from this folder: Rscript score_null_contrast.R (R 4.2.2, riskRegression 2022.11.28,
# prodlim 2019.11.13, jsonlite 1.8.4).
suppressMessages({library(survival); library(riskRegression); library(prodlim); library(jsonlite)})
one <- function(name, dataset, eventValue, cols, times) {
  d <- read.csv(file.path("..", "oracle", "data", paste0(dataset, ".csv")), na.strings = "")
  d$event01 <- as.integer(d$status == eventValue)
  x <- Score(list(model = as.matrix(d[, cols])), formula = Hist(time, event01) ~ 1, data = d,
             times = times, metrics = c("auc", "brier"), cens.model = "km", se.fit = TRUE, conf.int = 0.95)
  b <- as.data.frame(x$Brier$score); nul <- b[b$model == "Null model", ]
  cc <- as.data.frame(x$Brier$contrasts)
  out <- list(case = name, times = times,
              brierNullSe = nul$se, brierNullLower = nul$lower, brierNullUpper = nul$upper,
              deltaBrier = cc$delta.Brier, deltaBrierSe = cc$se, deltaBrierLower = cc$lower,
              deltaBrierUpper = cc$upper, deltaBrierP = cc$p,
              print = paste(capture.output(print(x)), collapse = "\n"))
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), paste0(name, ".json"))
}
one("score_lung_null_contrast", "score_lung", 2, c("risk180", "risk365"), c(180, 365))
one("score_veteran_null_contrast", "score_veteran", 1, c("risk30", "risk90", "risk180"), c(30, 90, 180))
