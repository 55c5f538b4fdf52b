# ties = "exact" on (start, stop] data (R's agexact.fit) and conditional logistic regression
# (clogit), issue 13, for CoxExactCountingTest and ConditionalLogisticTest.
# R 4.2.2, survival 3.5-3. Run from this folder: Rscript clogit.R > clogit.json
# (it also writes infert.csv, R's datasets::infert, and heart.csv, survival's heart, beside it).
suppressPackageStartupMessages(library(survival))
library(jsonlite)
stopifnot(packageVersion("survival") == "3.5.3")
od <- "../../oracle/data"
cgd <- read.csv(file.path(od, "cgd.csv"), na.strings = "")
write.csv(heart, "heart.csv", row.names = FALSE)
write.csv(infert, "infert.csv", row.names = FALSE)
hrt <- read.csv("heart.csv")
inf <- read.csv("infert.csv")
fitjson <- function(f) {
  list(names = I(names(coef(f))), coef = I(unname(coef(f))), var = I(as.vector(f$var)), loglik = f$loglik,
       score = unname(f$score), wald = unname(f$wald.test), n = f$n, nevent = f$nevent, iter = f$iter,
       concordance = unname(f$concordance["concordance"]), concordanceSe = unname(f$concordance["std"]))
}
one <- function(call, dataset, formula, extra = list()) {
  f <- eval(parse(text = call))
  c(list(rCall = call, dataset = dataset, formula = formula), extra, fitjson(f))
}
exact <- list(
  one("coxph(Surv(start, stop, event) ~ age + surgery + transplant, data = hrt, ties = 'exact')", "heart",
      "age + surgery + transplant", list(start = "start", time = "stop", event = "event", eventValue = "1")),
  one("coxph(Surv(tstart, tstop, status) ~ treat + age + strata(sex), data = cgd, ties = 'exact')", "cgd",
      "treat + age + strata(sex)", list(start = "tstart", time = "tstop", event = "status", eventValue = "1"))
)
clogit <- list(
  one("clogit(case ~ spontaneous + induced + strata(stratum), data = inf)", "infert",
      "spontaneous + induced + strata(stratum)", list(case = "case", method = "exact")),
  one("clogit(case ~ spontaneous + induced + strata(stratum), data = inf, method = 'approximate')", "infert",
      "spontaneous + induced + strata(stratum)", list(case = "case", method = "breslow")),
  one("clogit(case ~ spontaneous + induced + strata(stratum), data = inf, method = 'efron')", "infert",
      "spontaneous + induced + strata(stratum)", list(case = "case", method = "efron")),
  one("clogit(case ~ spontaneous + age + strata(education), data = inf)", "infert",
      "spontaneous + age + strata(education)", list(case = "case", method = "exact"))
)
cat(toJSON(list(exact = exact, clogit = clogit), digits = I(17), na = "null", auto_unbox = TRUE, null = "null"))
