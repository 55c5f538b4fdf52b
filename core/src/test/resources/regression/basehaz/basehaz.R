# basehaz(fit, centered = TRUE) for CoxCenteredBaselineTest (issue 13). R 4.2.2, survival 3.5-3.
# Run from this folder: Rscript basehaz.R > basehaz.json
suppressPackageStartupMessages(library(survival))
library(jsonlite)
od <- "../../oracle/data"
lung <- read.csv(file.path(od, "lung.csv"), na.strings = "")
vet <- read.csv(file.path(od, "veteran.csv"), na.strings = "")
aml <- read.csv(file.path(od, "aml.csv"), na.strings = "")
aml$x <- factor(aml$x, levels = c("Maintained", "Nonmaintained"))
one <- function(call, formula, data, eventValue, dataset, time = "time", event = "status") {
  f <- eval(parse(text = call))
  b <- basehaz(f, centered = TRUE)
  list(rCall = call, dataset = dataset, formula = formula, time = time, event = event, eventValue = eventValue,
       means = I(unname(f$means)), baseline = list(time = b$time, cumhaz = b$hazard,
       strata = if (is.null(b$strata)) NULL else I(as.character(b$strata))))
}
out <- list(
  one("coxph(Surv(time, status == 2) ~ age + sex, data = lung)", "age + sex", lung, 2, "lung"),
  one("coxph(Surv(time, status == 1) ~ x, data = aml)", "factor(x, ref = Maintained)", aml, 1, "aml"),
  one("coxph(Surv(time, status == 1) ~ trt + karno + strata(celltype), data = vet, ties = 'breslow')",
      "trt + karno + strata(celltype)", vet, 1, "veteran"))
cat(toJSON(out, digits = I(17), na = "null", auto_unbox = TRUE, null = "null"))
