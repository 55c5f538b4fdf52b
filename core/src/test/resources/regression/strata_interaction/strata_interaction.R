# Strata-by-covariate interactions (x:strata(s), x*strata(s)) and factor interactions without their margin
# for CoxStrataInteractionTest (issue 13).
# R 4.2.2, survival 3.5-3. Run from this folder: Rscript strata_interaction.R > strata_interaction.json
# (R's basehaz/survfit refuse these models without newdata, so there is no baseline here.)
suppressPackageStartupMessages(library(survival))
library(jsonlite)
od <- "../../oracle/data"
lung <- read.csv(file.path(od, "lung.csv"), na.strings = "")
vet <- read.csv(file.path(od, "veteran.csv"), na.strings = "")
newLung <- read.csv("../predict/newdata_lung.csv")
case <- function(call, dataset, formula, time, event, eventValue, ties = "efron", newdata = NULL) {
  f <- eval(parse(text = call))
  pr <- function(type, ...) { x <- predict(f, type = type, se.fit = TRUE, ...)
                              list(fit = I(unname(x$fit)), se.fit = I(unname(x$se.fit))) }
  list(rCall = call, dataset = dataset, formula = formula, time = time, event = event, eventValue = eventValue,
       ties = ties, terms = I(names(coef(f))), coef = I(unname(coef(f))), se = I(unname(sqrt(diag(f$var)))),
       loglik = I(f$loglik), score = f$score, wald = unname(f$wald.test),
       concordance = I(unname(f$concordance[c("concordance", "std")])),
       linearPredictors = I(unname(f$linear.predictors)), martingale = I(unname(residuals(f))),
       predict = list(lp = pr("lp"), risk = pr("risk"), expected = pr("expected")),
       newdata = if (is.null(newdata)) NULL else "../predict/newdata_lung.csv",
       predictNew = if (is.null(newdata)) NULL else list(lp = pr("lp", newdata = newdata),
                                                          risk = pr("risk", newdata = newdata)))
}
out <- list(
  case("coxph(Surv(time, status == 2) ~ age:strata(sex) + strata(sex), data = lung)", "lung",
       "age:strata(sex) + strata(sex)", "time", "status", 2, newdata = newLung),
  case("coxph(Surv(time, status == 2) ~ age + age:strata(sex), data = lung)", "lung", "age + age:strata(sex)",
       "time", "status", 2),
  case("coxph(Surv(time, status == 2) ~ ph.ecog + age*strata(sex), data = lung)", "lung",
       "ph.ecog + age*strata(sex)", "time", "status", 2, newdata = newLung),
  case("coxph(Surv(time, status) ~ karno*strata(celltype), data = vet)", "veteran", "karno*strata(celltype)",
       "time", "status", 1),
  case("coxph(Surv(time, status) ~ trt:strata(celltype) + strata(celltype), data = vet, ties = 'breslow')",
       "veteran", "trt:strata(celltype) + strata(celltype)", "time", "status", 1, "breslow"),
  # a factor in an interaction without its margin: one column per level (R names them age:factor(sex)1,
  # survkit age:sex1 by its column + level rule)
  case("coxph(Surv(time, status == 2) ~ age:factor(sex), data = lung)", "lung", "age:factor(sex)", "time",
       "status", 2),
  case("coxph(Surv(time, status) ~ karno:celltype, data = vet)", "veteran", "karno:celltype", "time", "status", 1))
cat(toJSON(out, digits = I(17), na = "null", auto_unbox = TRUE, null = "null"))
