# Penalized Cox models (issue 13): pspline() and frailty() terms, for PenalizedCoxTest.
# R 4.2.2, survival 3.5-3. Run from this folder: Rscript penalized.R > penalized.json
# (it also writes kidney.csv and rats.csv, survival's data sets, beside it).
suppressPackageStartupMessages(library(survival))
library(jsonlite)
stopifnot(packageVersion("survival") == "3.5.3")
od <- "../../oracle/data"
lung <- read.csv(file.path(od, "lung.csv"), na.strings = "")
vet <- read.csv(file.path(od, "veteran.csv"), na.strings = "")
write.csv(kidney, "kidney.csv", row.names = FALSE)
write.csv(rats, "rats.csv", row.names = FALSE)
kid <- read.csv("kidney.csv")
rat <- read.csv("rats.csv")
# the rows of print.coxph.penal's table (its loop, without the printing)
ptable <- function(x) {
  coef <- x$coefficients; pterms <- x$pterms; nterms <- length(pterms); npenal <- sum(pterms > 0)
  print.map <- rep(0, nterms)
  temp <- unlist(lapply(x$printfun, is.null)); print.map[pterms > 0] <- (1:npenal) * (!temp)
  alist <- x$assign2; print1 <- NULL; pname1 <- NULL
  for (i in 1:nterms) {
    kk <- alist[[i]]
    if (print.map[i] > 0) {
      j <- print.map[i]
      if (pterms[i] == 2) temp <- (x$printfun[[j]])(x$frail, x$fvar, , x$df[i], x$history[[j]])
      else temp <- (x$printfun[[j]])(coef[kk], x$var[kk, kk], x$var2[kk, kk], x$df[i], x$history[[j]])
      print1 <- rbind(print1, temp$coef)
      if (is.matrix(temp$coef)) pname1 <- c(pname1, paste(names(pterms)[i], dimnames(temp$coef)[[1]], sep = ", "))
      else pname1 <- c(pname1, names(pterms)[i])
    } else {
      pname1 <- c(pname1, names(coef)[kk]); tempe <- (diag(x$var))[kk]; temp <- coef[kk]^2 / tempe
      print1 <- rbind(print1, cbind(coef[kk], sqrt(tempe), sqrt((diag(x$var2))[kk]), temp, 1,
                                    pchisq(temp, 1, lower.tail = FALSE)))
    }
  }
  lapply(seq_len(nrow(print1)), function(r) list(name = pname1[r], coef = print1[r, 1], se = print1[r, 2],
      se2 = print1[r, 3], chisq = print1[r, 4], df = print1[r, 5], p = print1[r, 6]))
}
# the theta R prints: a frailty's last fitted variance (history[nrow, 1]); a pspline's h$theta
theta <- function(h) if (is.null(h$c.loglik)) h$theta else h$history[nrow(h$history), 1]
# print(fit) (print.coxph.penal) without its "Call:" block (the lines up to the first blank one)
printed <- function(f) {
  out <- capture.output(print(f))
  paste(out[-seq_len(which(out == "")[1])], collapse = "\n")
}
one <- function(call, dataset, time, event, eventValue, formula, ties = "efron") {
  f <- eval(parse(text = call))
  logtest <- -2 * (f$loglik[1] - f$loglik[2]); df <- round(sum(f$df), 2)
  list(rCall = call, dataset = dataset, time = time, event = event, eventValue = eventValue, formula = formula,
       ties = ties, names = I(names(coef(f))), coef = I(unname(coef(f))), var = I(as.vector(f$var)),
       var2 = I(as.vector(f$var2)), df = I(f$df), loglik = f$loglik, iter = f$iter, penalty = f$penalty,
       theta = I(unname(sapply(f$history, theta))), wald = unname(f$wald.test),
       lrt = list(chisq = logtest, df = df, p = pchisq(logtest, df, lower.tail = FALSE)),
       frail = if (is.null(f$frail)) NULL else I(f$frail), fvar = if (is.null(f$fvar)) NULL else I(f$fvar),
       iLoglik = if (is.null(f$frail)) NULL else f$history[[1]]$c.loglik,
       table = ptable(f), n = f$n, nevent = f$nevent,
       concordance = unname(f$concordance["concordance"]), concordanceSe = unname(f$concordance["std"]),
       printed = printed(f))
}
cases <- list(
  one("coxph(Surv(time, status == 2) ~ pspline(age, df = 4) + sex, data = lung)",
      "lung", "time", "status", "2", "pspline(age, df = 4) + sex"),
  one("coxph(Surv(time, status == 2) ~ pspline(age, df = 3), data = lung)",
      "lung", "time", "status", "2", "pspline(age, df = 3)"),
  one("coxph(Surv(time, status == 1) ~ trt + pspline(karno, df = 2.5) + strata(celltype), data = vet, ties = 'breslow')",
      "veteran", "time", "status", "1", "trt + pspline(karno, df = 2.5) + strata(celltype)", "breslow"),
  one("coxph(Surv(time, status == 2) ~ pspline(age, df = 4) + pspline(ph.karno, df = 3) + sex, data = lung)",
      "lung", "time", "status", "2", "pspline(age, df = 4) + pspline(ph.karno, df = 3) + sex"),
  one("coxph(Surv(time, status) ~ age + sex + frailty(id), data = kid)",
      "kidney", "time", "status", "1", "age + sex + frailty(id)"),
  one("coxph(Surv(time, status) ~ rx + frailty(litter), data = rat)",
      "rats", "time", "status", "1", "rx + frailty(litter)"),
  one("coxph(Surv(time, status == 2) ~ age + sex + frailty(inst), data = lung)",
      "lung", "time", "status", "2", "age + sex + frailty(inst)")
)
cat(toJSON(cases, digits = I(17), na = "null", auto_unbox = TRUE, null = "null"))
