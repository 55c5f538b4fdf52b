# Interval-censored survreg references for ParametricIntervalTest.
# Run from this folder: Rscript survreg_interval.R   (R 4.2.2, survival 3.5-3, jsonlite)
# Writes interval.csv (columns lower, upper, x, g: an empty field is an open end) and
# survreg_interval.json (one case per distribution, fields as the shared oracle's survreg cases).
library(survival)
library(jsonlite)
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(1616)
n <- 120
x <- round(rnorm(n, 50, 10), 1)
g <- sample(c("a", "b"), n, replace = TRUE)
t <- exp(1.5 + 0.02 * (x - 50) + 0.4 * (g == "b") + 0.5 * log(-log(runif(n))))
visit <- cumsum(rep(1, 8)) # visits at 1..8
lower <- upper <- rep(NA_real_, n)
for (i in seq_len(n)) {
  k <- sum(visit < t[i])
  if (i %% 10 == 0) { lower[i] <- upper[i] <- round(t[i], 3) }          # exact
  else if (k == 0) { upper[i] <- visit[1] }                             # left censored
  else if (k == length(visit)) { lower[i] <- visit[k] }                 # right censored
  else { lower[i] <- visit[k]; upper[i] <- visit[k + 1] }               # interval
}
d <- data.frame(lower = lower, upper = upper, x = x, g = g)
write.csv(d, "interval.csv", row.names = FALSE, na = "")
d <- read.csv("interval.csv", na.strings = "")
d$g <- factor(d$g, levels = c("a", "b"))
one <- function(dist) {
  fit <- survreg(Surv(lower, upper, type = "interval2") ~ x + g, data = d, dist = dist)
  s <- summary(fit)$table
  k <- length(coef(fit))
  nd <- data.frame(x = c(50, 60), g = factor(c("a", "b"), levels = c("a", "b")))
  q <- predict(fit, nd, type = "quantile", p = c(0.25, 0.5, 0.75), se.fit = TRUE)
  list(rCall = sprintf("survreg(Surv(lower, upper, type = 'interval2') ~ x + g, data = d, dist = '%s')", dist),
       dist = dist, n = length(fit$linear.predictors), iterations = fit$iter,
       statusCounts = as.list(table(factor(fit$y[, 3], levels = 0:3))),
       terms = names(coef(fit)), coef = unname(coef(fit)), se = unname(s[1:k, 2]),
       scale = unname(fit$scale), logScale = if (dist == "exponential") NULL else unname(s[-(1:k), 1]),
       logScaleSe = if (dist == "exponential") NULL else unname(s[-(1:k), 2]),
       var = unname(fit$var), loglik = fit$loglik[2], loglikNull = fit$loglik[1], aic = AIC(fit),
       quantile = list(p = c(0.25, 0.5, 0.75), time = unname(q$fit), se = unname(q$se.fit)))
}
res <- lapply(c("weibull", "exponential", "lognormal", "loglogistic", "gaussian", "logistic"), one)
writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null"), "survreg_interval.json")
