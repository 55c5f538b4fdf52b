# Writes one Cox case in the layout of the oracle's cox cases (../oracle/README.md, section cox),
# plus params.formula (the model in survkit's formula syntax) where the covariates list cannot say it.
# Sourced by exact/generate.R and parity/generate.R; R 4.2.2, survival 3.5-3.
oracledata <- "../../oracle/data"
num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
arr <- function(x) if (length(x) == 0) "[]" else paste0("[", paste(num(as.numeric(x)), collapse = ", "), "]")
scalar <- function(x) if (is.null(x) || length(x) == 0 || !is.finite(x)) "null" else sprintf("%.17g", x)
str1 <- function(x) if (is.null(x)) "null" else paste0("\"", x, "\"")
strs <- function(x) paste0("[", paste(paste0("\"", x, "\""), collapse = ", "), "]")
chisq <- function(x, df) sprintf("{\"chisq\": %s, \"df\": %d, \"p\": %s}", scalar(x), df,
                                 scalar(pchisq(x, df, lower.tail = FALSE)))

one <- function(case, dataset, params, expr, setup = NULL) {
  d <- read.csv(file.path(oracledata, paste0(dataset, ".csv")), na.strings = "")
  if (!is.null(setup)) eval(parse(text = setup))
  fit <- eval(parse(text = expr))
  s <- summary(fit, conf.int = params$confLevel)
  df <- sum(!is.na(coef(fit)))
  bh <- basehaz(fit, centered = FALSE)
  cov <- paste(vapply(params$covariates, function(v)
    sprintf("{\"column\": \"%s\", \"type\": \"%s\", \"reference\": %s, \"levels\": %s}", v$column, v$type,
            str1(v$reference), if (is.null(v$levels)) "null" else strs(v$levels)), ""), collapse = ", ")
  pj <- sprintf(paste0("{\"time\": \"%s\", \"start\": null, \"event\": \"%s\", \"eventValue\": %s, ",
                       "\"covariates\": [%s], \"strata\": %s, \"weights\": null, \"cluster\": null, ",
                       "\"robust\": false, \"ties\": \"%s\", \"confLevel\": %s, \"naAction\": \"omit\", ",
                       "\"formula\": %s, \"eps\": %s, \"iterMax\": %s, \"init\": %s}"),
                params$time, params$event, params$eventValue, cov, str1(params$strata),
                if (is.null(params$ties)) "efron" else params$ties, params$confLevel, str1(params$formula),
                scalar(params$eps), scalar(params$iterMax), if (is.null(params$init)) "null" else arr(params$init))
  res <- paste0("{\"nOmitted\": ", length(fit$na.action), ", \"terms\": ", strs(names(coef(fit))),
    ", \"coef\": ", arr(coef(fit)), ", \"se\": ", arr(sqrt(diag(vcov(fit)))), ", \"robustSe\": null",
    ", \"hr\": ", arr(exp(coef(fit))), ", \"hrLower\": ", arr(s$conf.int[, 3]), ", \"hrUpper\": ", arr(s$conf.int[, 4]),
    ", \"z\": ", arr(s$coefficients[, "z"]), ", \"p\": ", arr(s$coefficients[, "Pr(>|z|)"]),
    ", \"loglikNull\": ", scalar(fit$loglik[1]), ", \"loglik\": ", scalar(fit$loglik[2]),
    ", \"lrt\": ", chisq(2 * diff(fit$loglik), df), ", \"wald\": ", chisq(fit$wald.test, df),
    ", \"score\": ", chisq(fit$score, df),
    ", \"concordance\": ", scalar(fit$concordance["concordance"]), ", \"concordanceSe\": ", scalar(fit$concordance["std"]),
    ", \"n\": ", fit$n, ", \"events\": ", fit$nevent, ", \"iterations\": ", fit$iter,
    ", \"baseline\": {\"strata\": ", if (is.null(bh$strata)) "null" else strs(as.character(bh$strata)),
    ", \"time\": ", arr(bh$time), ", \"cumhaz\": ", arr(bh$hazard), "}}")
  json <- paste0("{\"case\": ", str1(case), ", \"analysis\": \"cox\", \"dataset\": ", str1(dataset),
                 ", \"rCall\": ", str1(gsub("\"", "\\\\\"", paste(c(setup, expr), collapse = "; "))),
                 ", \"params\": ", pj, ", \"result\": ", res, "}\n")
  writeLines(json, paste0(case, ".json"), sep = "")
}
