# predict.coxph references for CoxPredictionReferenceTest (issues 11, 13). R 4.2.2, survival 3.5-3.
# Run from this folder: Rscript predict.R > predict.json
# Each case: the fit, then predict(fit, type = t, se.fit = TRUE) for the fitted rows and for the rows
# of newdata_<case>.csv, with R's default reference (type "terms": "sample", else "strata") and,
# for lp, reference = "sample" and "zero".
suppressPackageStartupMessages(library(survival))
library(jsonlite)
od <- "../../oracle/data"
lung <- read.csv(file.path(od, "lung.csv"), na.strings = "")
vet <- read.csv(file.path(od, "veteran.csv"), na.strings = "")
ovarian <- read.csv(file.path(od, "ovarian.csv"), na.strings = "")
vet$celltype <- relevel(factor(vet$celltype), "squamous")

newLung <- data.frame(time = c(100, 300, 500, 750, 5), status = c(2, 1, 2, 1, 2), age = c(50, 60, 70, 80, 45),
                      sex = c(1, 2, 1, 2, 2), ph.ecog = c(0, 1, 2, 3, 1), inst = c(1, 3, 11, 12, 1))
newVet <- data.frame(time = c(10, 50, 100, 200, 400, 1), status = c(1, 0, 1, 1, 0, 1), trt = c(1, 2, 1, 2, 1, 2),
                     karno = c(30, 60, 90, 70, 50, 80),
                     celltype = c("squamous", "smallcell", "adeno", "large", "adeno", "squamous"))
newOvarian <- data.frame(futime = c(100, 400, 800, 1200), fustat = c(1, 0, 1, 0), age = c(45, 55, 65, 75),
                         rx = c(1, 2, 1, 2), ecog.ps = c(1, 2, 2, 1))
write.csv(newLung, "newdata_lung.csv", row.names = FALSE)
write.csv(newVet, "newdata_veteran.csv", row.names = FALSE, quote = FALSE)
write.csv(newOvarian, "newdata_ovarian.csv", row.names = FALSE)
nd <- function(d) { d2 <- d; if (!is.null(d2$celltype)) d2$celltype <- factor(d2$celltype,
                   levels = levels(vet$celltype)); d2 }

one <- function(f, nd) {
  p <- function(type, ...) {
    r <- predict(f, newdata = nd, type = type, se.fit = TRUE, ...)
    if (is.matrix(r$fit)) list(terms = I(colnames(r$fit)), fit = unname(r$fit), se.fit = unname(r$se.fit),
                               constant = attr(r$fit, "constant"))
    else list(fit = I(unname(r$fit)), se.fit = I(unname(r$se.fit)))
  }
  out <- list(lp = p("lp"), risk = p("risk"), expected = p("expected"), terms = p("terms"),
              survival = p("survival"),
              lpSample = p("lp", reference = "sample"), lpZero = p("lp", reference = "zero"),
              termsStrata = p("terms", reference = "strata"), riskZero = p("risk", reference = "zero"))
  out
}
fitted <- function(f) {
  p <- function(type, ...) {
    r <- predict(f, type = type, se.fit = TRUE, ...)
    if (is.matrix(r$fit)) list(terms = I(colnames(r$fit)), fit = unname(r$fit), se.fit = unname(r$se.fit),
                               constant = attr(r$fit, "constant"))
    else list(fit = I(unname(r$fit)), se.fit = I(unname(r$se.fit)))
  }
  list(lp = p("lp"), risk = p("risk"), expected = p("expected"), terms = p("terms"), survival = p("survival"),
       lpSample = p("lp", reference = "sample"), lpZero = p("lp", reference = "zero"),
       termsStrata = p("terms", reference = "strata"), riskZero = p("risk", reference = "zero"))
}
case <- function(name, call, formula, data, newdata, newfile, time, event, eventValue, dataset, ties = "efron") {
  f <- eval(parse(text = call))
  list(name = name, rCall = call, dataset = dataset, formula = formula, time = time, event = event,
       eventValue = eventValue, ties = ties, newdata = newfile, coef = I(unname(coef(f))),
       fitted = fitted(f), new = one(f, nd(newdata)))
}
out <- list(
  case("lung", "coxph(Surv(time, status == 2) ~ age + sex + ph.ecog, data = lung)", "age + sex + ph.ecog",
       lung, newLung, "newdata_lung.csv", "time", "status", 2, "lung"),
  case("lungStrata", "coxph(Surv(time, status == 2) ~ age + ph.ecog + strata(sex), data = lung)",
       "age + ph.ecog + strata(sex)", lung, newLung, "newdata_lung.csv", "time", "status", 2, "lung"),
  case("veteranFactor", "coxph(Surv(time, status) ~ trt + karno + celltype, data = vet)",
       "trt + karno + factor(celltype, ref = squamous)", vet, newVet, "newdata_veteran.csv", "time", "status", 1,
       "veteran"),
  case("veteranStrata", "coxph(Surv(time, status) ~ trt + karno + strata(celltype), data = vet, ties = 'breslow')",
       "trt + karno + strata(celltype)", vet, newVet, "newdata_veteran.csv", "time", "status", 1, "veteran",
       "breslow"),
  case("ovarian", "coxph(Surv(futime, fustat) ~ age + rx + ecog.ps, data = ovarian)", "age + rx + ecog.ps",
       ovarian, newOvarian, "newdata_ovarian.csv", "futime", "fustat", 1, "ovarian"))
cat(toJSON(out, digits = I(17), na = "null", auto_unbox = TRUE, null = "null", matrix = "rowmajor"))
