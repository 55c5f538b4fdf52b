# tt() time-transformed covariates and survSplit step functions (issue 13), for
# CoxTimeTransformTest. R 4.2.2, survival 3.5-3. Run from this folder: Rscript tt.R > tt.json
# (it also writes heart.csv, survival's heart data, beside it).
suppressPackageStartupMessages(library(survival))
library(jsonlite)
stopifnot(packageVersion("survival") == "3.5.3")
od <- "../../oracle/data"
lung <- read.csv(file.path(od, "lung.csv"), na.strings = "")
vet <- read.csv(file.path(od, "veteran.csv"), na.strings = "")
write.csv(heart, "heart.csv", row.names = FALSE)
hrt <- read.csv("heart.csv")
fitjson <- function(f) {
  s <- summary(f)
  list(coef = I(unname(coef(f))), names = I(names(coef(f))), var = I(as.vector(f$var)),
       loglik = f$loglik, score = unname(f$score), wald = unname(f$wald.test),
       rscore = f$rscore, n = f$n, nevent = f$nevent, iter = f$iter,
       concordance = unname(f$concordance["concordance"]), concordanceSe = unname(f$concordance["std"]),
       robustSe = if (is.null(f$naive.var)) NULL else I(unname(sqrt(diag(f$var)))))
}
one <- function(call, dataset, time, event, eventValue, formula, transform, start = NULL) {
  f <- eval(parse(text = call))
  c(list(rCall = call, dataset = dataset, time = time, start = start, event = event, eventValue = eventValue,
         formula = formula, transform = transform), fitjson(f))
}
cases <- list(
  one("coxph(Surv(time, status == 2) ~ tt(age) + sex, data = lung, tt = function(x, t, ...) x * log(t))",
      "lung", "time", "status", "2", "tt(age) + sex", "x * log(t)"),
  one("coxph(Surv(time, status == 1) ~ trt + prior + karno + tt(karno), data = vet, tt = function(x, t, ...) x * log(t + 20))",
      "veteran", "time", "status", "1", "trt + prior + karno + tt(karno)", "x * log(t + 20)"),
  one("coxph(Surv(time, status == 2) ~ tt(age) + sex + strata(ph.ecog), data = lung, tt = function(x, t, ...) x * t)",
      "lung", "time", "status", "2", "tt(age) + sex + strata(ph.ecog)", "x * t"),
  one("coxph(Surv(time, status == 2) ~ tt(age) + tt(ph.karno) + sex, data = lung)",
      "lung", "time", "status", "2", "tt(age) + tt(ph.karno) + sex", "obrien"),
  one("coxph(Surv(start, stop, event) ~ tt(age) + surgery + transplant, data = hrt, tt = function(x, t, ...) x * t)",
      "heart", "stop", "event", "1", "tt(age) + surgery + transplant", "x * t", start = "start"),
  one("coxph(Surv(time, status == 2) ~ tt(age) + sex + cluster(inst), data = lung, tt = function(x, t, ...) x * log(t))",
      "lung", "time", "status", "2", "tt(age) + sex + cluster(inst)", "x * log(t)"),
  one("coxph(Surv(time, status == 2) ~ tt(age) + sex, data = lung, ties = 'breslow', tt = function(x, t, ...) x * log(t))",
      "lung", "time", "status", "2", "tt(age) + sex", "x * log(t)")
)
# survSplit: step-function coefficients for karno on (0, 90], (90, 180], (180, Inf)
v2 <- survSplit(Surv(time, status) ~ ., data = vet, cut = c(90, 180), episode = "tgroup", start = "tstart")
v2$karno1 <- v2$karno * (v2$tgroup == 1); v2$karno2 <- v2$karno * (v2$tgroup == 2); v2$karno3 <- v2$karno * (v2$tgroup == 3)
fs <- coxph(Surv(tstart, time, status) ~ trt + prior + karno1 + karno2 + karno3, data = v2)
split <- c(list(names = I(names(coef(fs))), rCall = paste("v2 <- survSplit(Surv(time, status) ~ ., data = vet, cut = c(90, 180), episode = 'tgroup',",
                 "start = 'tstart'); karnoK <- karno * (tgroup == K); coxph(Surv(tstart, time, status) ~ trt + prior +",
                 "karno1 + karno2 + karno3, v2)"),
                rows = nrow(v2), tstart = I(v2$tstart), tstop = I(v2$time), status = I(v2$status),
                tgroup = I(v2$tgroup), id = I(as.integer(rownames(vet))[rep(seq_len(nrow(vet)),
                  times = as.vector(table(factor(cumsum(v2$tstart == 0), levels = seq_len(nrow(vet))))))])),
           fitjson(fs))
cat(toJSON(list(tt = cases, split = split), digits = I(17), na = "null", auto_unbox = TRUE, null = "null"))
