# Multi-state Aalen-Johansen references from R (survival 3.5-3): survfit(Surv(t1, t2, state) ~ g,
# id =, weights =, istate =) and summary(fit, times =). Every case reads back the CSV it wrote, as
# a user of the CSV would, so the reference and survkit see the same numbers.
# Run from this folder: Rscript generate.R
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
stopifnot(packageVersion("survival") == "3.5.3")

# --- data sets -------------------------------------------------------------------------------
# mgus2 illness-death as in the survival vignette "compete" (section 2.3)
ptemp <- with(mgus2, ifelse(ptime == futime & pstat == 1, ptime - .1, ptime))
d3 <- tmerge(mgus2[, c("id", "age", "sex")], mgus2, id = id, death = event(futime, death),
             pcm = event(ptemp, pstat))
d3$event <- as.character(factor(with(d3, ifelse(death == 1, 2, pcm)), 0:2, c("censor", "pcm", "death")))
d3$w <- 0.5 + 0.25 * (d3$id %% 4)
write.csv(d3[, c("id", "age", "sex", "tstart", "tstop", "event", "w")], "data/mgus2_ms.csv", row.names = FALSE)
# mgus2 competing risks (right-censored), vignette section 2.2
cr <- with(mgus2, data.frame(id = id, sex = sex, etime = ifelse(pstat == 0, futime, ptime),
                             event = ifelse(pstat == 0, ifelse(death == 1, "death", "censor"), "pcm")))
write.csv(cr, "data/mgus2_cr.csv", row.names = FALSE)
# delayed entry, ties, weights: competing risks with two causes coded 1, 2 (0 = censored)
set.seed(20261129)
n <- 120
entry <- round(runif(n, 0, 3), 1)
exit <- entry + round(rexp(n, 0.15), 1) + 0.1
cause <- sample(0:2, n, replace = TRUE, prob = c(.3, .4, .3))
synth <- data.frame(id = seq_len(n), g = sample(c("A", "B"), n, replace = TRUE), entry = entry, exit = exit,
                    cause = cause, w = 0.25 * sample(1:8, n, replace = TRUE))
write.csv(synth, "data/entry_cr.csv", row.names = FALSE)
# three states a <-> b -> c, subjects entering in a or b at a delayed time, several rows each, istate
rows <- list()
for (i in 1:80) {
  s <- sample(c("a", "b"), 1, prob = c(.7, .3)); t <- round(runif(1, 0, 2), 1); cens <- t + round(runif(1, 2, 12), 1)
  repeat {
    nxt <- t + round(rexp(1, 0.3), 1) + 0.1
    if (nxt >= cens) { rows[[length(rows) + 1]] <- data.frame(id = i, t1 = t, t2 = cens, state = "0",
                                                               istate = s); break }
    to <- if (s == "a") sample(c("b", "c"), 1, prob = c(.6, .4)) else sample(c("a", "c"), 1)
    rows[[length(rows) + 1]] <- data.frame(id = i, t1 = t, t2 = nxt, state = to, istate = s)
    if (to == "c") break
    s <- to; t <- nxt
  }
}
abc <- do.call(rbind, rows)
abc$grp <- ifelse(abc$id %% 3 == 0, "x", "y")
write.csv(abc, "data/abc.csv", row.names = FALSE)

# --- cases ---------------------------------------------------------------------------------
# print(fit) (print.survfitms, rmean = "common") without its "Call:" block (up to the first blank line)
printed <- function(f) {
  out <- capture.output(print(f))
  paste(out[-seq_len(which(out == "")[1])], collapse = "\n")
}
mat <- function(x) if (is.null(x)) NULL else unname(as.matrix(x))
case <- function(name, file, expr, times) {
  d <- read.csv(file.path("data", file))
  fit <- eval(parse(text = expr))
  nst <- length(fit$states)
  strata <- if (is.null(fit$strata)) list(name = "all", size = length(fit$time))
            else list(name = names(fit$strata), size = unname(fit$strata))
  s <- summary(fit, times = times)
  sstr <- if (is.null(s$strata)) rep("all", length(s$time)) else as.character(s$strata)
  list(name = name, file = file, call = expr, times = times, states = fit$states, n = fit$n,
       transitions = colnames(fit$cumhaz), strata = strata,
       time = fit$time, n.risk = mat(fit$n.risk), n.event = mat(fit$n.event), n.censor = fit$n.censor,
       pstate = mat(fit$pstate), std.err = mat(fit$std.err), lower = mat(fit$lower), upper = mat(fit$upper),
       cumhaz = mat(fit$cumhaz), printed = printed(fit),
       summary = list(strata = sstr, time = s$time, pstate = mat(s$pstate), std.err = mat(s$std.err),
                      lower = mat(s$lower), upper = mat(s$upper), n.risk = mat(s$n.risk),
                      n.event = mat(s$n.event), n.censor = s$n.censor, cumhaz = mat(s$cumhaz)))
}
cases <- list(
  case("mgus2_sex", "mgus2_ms.csv", "survfit(Surv(tstart, tstop, factor(event)) ~ sex, data = d, id = id)",
       c(0, 12, 60, 120, 240, 400)),
  case("mgus2_weighted", "mgus2_ms.csv",
       "survfit(Surv(tstart, tstop, factor(event)) ~ 1, data = d, id = id, weights = w)", c(30, 100, 200)),
  case("mgus2_cr", "mgus2_cr.csv", "survfit(Surv(etime, factor(event)) ~ sex, data = d)", c(50, 150, 300)),
  case("entry_cr", "entry_cr.csv",
       "survfit(Surv(entry, exit, factor(cause)) ~ g, data = d, id = id, weights = w)", c(1, 2.5, 5, 10, 20)),
  case("abc_istate", "abc.csv",
       "survfit(Surv(t1, t2, factor(state)) ~ grp, data = d, id = id, istate = istate)", c(0.5, 2, 4, 8)),
  case("abc_plain", "abc.csv",
       "survfit(Surv(t1, t2, factor(state)) ~ 1, data = d, id = id, istate = istate, conf.type = 'log')",
       c(3, 6)))
write_json(cases, "expected.json", digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE)
