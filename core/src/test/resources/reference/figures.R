# References for the issue-15 figures (CoxForestPlotTest, SchoenfeldPlotTest, KaplanMeierScaleTest).
# R 4.2.2, survival 3.5-3. Run from this folder: Rscript figures.R > figures.json
suppressPackageStartupMessages(library(survival))
library(jsonlite)
lung <- read.csv("../oracle/data/lung.csv", na.strings = "")
# forest: survminer::ggforest(fit) draws exp(coef), exp(confint), the Wald p of each coefficient, N per
# level (table() of the model frame), and glance(): events, LR test p, AIC, concordance
fit <- coxph(Surv(time, status == 2) ~ age + sex + factor(ph.ecog), data = lung)
s <- summary(fit)
mf <- model.frame(fit)
forest <- list(rCall = "coxph(Surv(time, status == 2) ~ age + sex + factor(ph.ecog), data = lung)",
  formula = "age + sex + factor(ph.ecog)", coefficients = I(names(coef(fit))),
  hr = unname(exp(coef(fit))), lower = unname(s$conf.int[, 3]), upper = unname(s$conf.int[, 4]),
  se = unname(s$coefficients[, 3]), p = unname(s$coefficients[, 5]),
  n = nrow(mf), nEcog = as.list(table(mf[["factor(ph.ecog)"]])), events = fit$nevent,
  loglik = fit$loglik[2], loglikNull = fit$loglik[1], aic = AIC(fit),
  concordance = unname(fit$concordance["concordance"]),
  pLikelihoodRatio = unname(s$logtest["pvalue"]), pWald = unname(s$waldtest["pvalue"]),
  pScore = unname(s$sctest["pvalue"]))
# zph: cox.zph(fit) and the curve plot.cox.zph draws. survival 3.5-3's plot.cox.zph has no
# plot = FALSE, so its computation is repeated here line by line (defaults df = 4, nsmo = 40, no NA):
# the ns(df = 4, intercept = TRUE) lm smooth at pred.x and its band yhat +- 2 sqrt(var[i, i] * seval)
zphCurve <- function(x, i, df = 4, nsmo = 40) {
  xx <- x$x
  pred.x <- seq(from = min(xx), to = max(xx), length = nsmo)
  lmat <- splines::ns(c(pred.x, xx), df = df, intercept = TRUE)
  pmat <- lmat[1:nsmo, ]
  xmat <- lmat[-(1:nsmo), ]
  y <- x$y[, i]
  keep <- !is.na(y)
  y <- y[keep]
  qmat <- qr(xmat[keep, ])
  stopifnot(qmat$rank == df)
  yhat <- pmat %*% qr.coef(qmat, y)
  bk <- backsolve(qmat$qr[1:df, 1:df], diag(df))
  xtx <- bk %*% t(bk)
  seval <- ((pmat %*% xtx) * pmat) %*% rep(1, df)
  temp <- 2 * sqrt(x$var[i, i] * seval)
  list(x = pred.x, fit = drop(yhat), upper = drop(yhat + temp), lower = drop(yhat - temp))
}
zphCase <- function(call, formula) {
  f <- eval(parse(text = call))
  z <- cox.zph(f)
  curves <- lapply(seq_len(ncol(z$y)), function(i) {
    cu <- zphCurve(z, i)
    list(term = colnames(z$y)[i], x = cu$x, fit = cu$fit, upper = cu$upper, lower = cu$lower,
         y = unname(z$y[, i]))
  })
  list(rCall = call, formula = formula, transform = z$transform, x = z$x, time = z$time,
       var = unname(lapply(seq_len(ncol(z$var)), function(j) z$var[, j])),
       terms = I(rownames(z$table)[seq_len(ncol(z$y))]), p = unname(z$table[seq_len(ncol(z$y)), "p"]),
       curves = curves)
}
# strata where a covariate is constant: x2 is 0 throughout stratum "2+", so its residuals there are
# structural zeros (NA) and leave the smooth; the data are written beside: zph_strata.csv
st <- lung[!is.na(lung$ph.ecog), c("time", "status", "age", "sex", "ph.ecog")]
st$grp <- ifelse(st$ph.ecog >= 2, "2+", as.character(st$ph.ecog))
st$x2 <- ifelse(st$grp == "2+", 0, st$sex - 1)
write.csv(st[, c("time", "status", "age", "x2", "grp")], "zph_strata.csv", row.names = FALSE, quote = FALSE)
zph <- list(
  zphCase("coxph(Surv(time, status == 2) ~ age + x2 + strata(grp), data = st)", "age + x2 + strata(grp)"),
  zphCase("coxph(Surv(time, status == 2) ~ age + sex + factor(ph.ecog), data = lung)", "age + sex + factor(ph.ecog)"),
  zphCase("coxph(Surv(time, status == 2) ~ age + ph.karno, data = lung, ties = 'breslow')", "age + ph.karno"))
# KM scales: plot(fit, fun = "cumhaz") draws fit$cumhaz with plain limits cumhaz -+ z std.chaz (lower at 0);
# fun = "cloglog" draws log(-log(surv)) and the limits through the same function
km <- survfit(Surv(time, status == 2) ~ sex, data = lung)
z <- qnorm(0.975)
kmScales <- lapply(seq_along(km$strata), function(k) {
  i <- seq(if (k == 1) 1 else sum(km$strata[1:(k - 1)]) + 1, length.out = km$strata[k])
  list(strata = names(km$strata)[k], time = km$time[i], cumhaz = km$cumhaz[i],
       cumhazLower = pmax(km$cumhaz[i] - z * km$std.chaz[i], 0), cumhazUpper = km$cumhaz[i] + z * km$std.chaz[i],
       cloglog = log(-log(km$surv[i])), cloglogUpper = log(-log(km$lower[i])), cloglogLower = log(-log(km$upper[i])))
})
cat(toJSON(list(forest = forest, zph = zph,
  km = list(rCall = "survfit(Surv(time, status == 2) ~ sex, data = lung)", curves = kmScales)),
  digits = I(17), na = "null", auto_unbox = TRUE, null = "null"))
