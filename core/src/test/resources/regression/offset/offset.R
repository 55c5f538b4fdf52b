# Null models (~ 1, ~ strata(), ~ offset()) and offset() terms for CoxOffsetReferenceTest (issue 13).
# R 4.2.2, survival 3.5-3. Run from this folder: Rscript offset.R > offset.json
# lung_offset.csv / veteran_offset.csv are the oracle data with an offset column added (written here).
suppressPackageStartupMessages(library(survival))
library(jsonlite)
od <- "../../oracle/data"
lung <- read.csv(file.path(od, "lung.csv"), na.strings = "")
lung$off <- 0.01 * lung$age
write.csv(lung, "lung_offset.csv", row.names = FALSE, na = "")
vet <- read.csv(file.path(od, "veteran.csv"), na.strings = "")
vet$off <- log(vet$diagtime + 1) / 4
write.csv(vet, "veteran_offset.csv", row.names = FALSE, na = "", quote = FALSE)
newLung <- data.frame(time = c(100, 300), status = c(2, 1), sex = c(1, 2), off = c(0.5, 0.8))

case <- function(call, file, formula, time, event, eventValue, ties = "efron", newdata = NULL) {
  f <- eval(parse(text = call))
  null <- is.null(f$coefficients)
  b <- basehaz(f, centered = FALSE)
  r <- list(rCall = call, file = file, formula = formula, time = time, event = event, eventValue = eventValue,
            ties = ties, n = f$n, loglik = I(f$loglik), linearPredictors = I(unname(f$linear.predictors)),
            concordance = I(unname(f$concordance[c("concordance", "std")])),
            martingale = I(unname(residuals(f, "martingale"))), deviance = I(unname(residuals(f, "deviance"))),
            baseline = list(time = b$time, cumhaz = b$hazard,
                            strata = if (is.null(b$strata)) NULL else I(as.character(b$strata))))
  if (!null) {
    p <- function(type) { x <- predict(f, type = type, se.fit = TRUE); list(fit = I(unname(x$fit)),
                           se.fit = I(unname(x$se.fit))) }
    r <- c(r, list(coef = I(unname(coef(f))), se = I(unname(sqrt(diag(f$var)))), score = f$score,
                   wald = unname(f$wald.test), score.resid = unname(residuals(f, "score")),
                   schoenfeld = unname(as.matrix(residuals(f, "schoenfeld"))),
                   dfbeta = unname(residuals(f, "dfbeta")),
                   predict = list(lp = p("lp"), risk = p("risk"), expected = p("expected"))))
    if (!is.null(newdata)) {
      q <- function(type) { x <- predict(f, newdata = newdata, type = type, se.fit = TRUE);
                            list(fit = I(unname(x$fit)), se.fit = I(unname(x$se.fit))) }
      r$newdata <- "newdata_lung_offset.csv"
      r$predictNew <- list(lp = q("lp"), risk = q("risk"))
    }
  }
  r
}
write.csv(newLung, "newdata_lung_offset.csv", row.names = FALSE)
out <- list(
  case("coxph(Surv(time, status == 2) ~ 1, data = lung)", "lung_offset.csv", "1", "time", "status", 2),
  case("coxph(Surv(time, status == 2) ~ strata(sex), data = lung)", "lung_offset.csv", "strata(sex)", "time",
       "status", 2),
  case("coxph(Surv(time, status == 2) ~ offset(off), data = lung)", "lung_offset.csv", "offset(off)", "time",
       "status", 2),
  case("coxph(Surv(time, status == 2) ~ sex + offset(off), data = lung)", "lung_offset.csv", "sex + offset(off)",
       "time", "status", 2, newdata = newLung),
  case("coxph(Surv(time, status) ~ karno + offset(off) + strata(celltype), data = vet, ties = 'breslow')",
       "veteran_offset.csv", "karno + offset(off) + strata(celltype)", "time", "status", 1, "breslow"),
  case("coxph(Surv(time, status) ~ 1, data = vet, ties = 'breslow')", "veteran_offset.csv", "1", "time", "status",
       1, "breslow"))
cat(toJSON(out, digits = I(17), na = "null", auto_unbox = TRUE, null = "null", matrix = "rowmajor"))
