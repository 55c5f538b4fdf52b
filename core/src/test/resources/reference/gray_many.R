# Gray's test with many groups (issue 12: the O(groups^2) per time restructuring of cmprsk's crstm):
# R 4.2.2, cmprsk, jsonlite. Run from core/src/test/resources:
#   Rscript reference/gray_many.R
# writes reference/gray_many.csv (the data) and reference/gray_many.json (cuminc's $Tests).
library(cmprsk)
library(jsonlite)
set.seed(12)
n <- 900
d <- data.frame(time = round(rexp(n, 1 / 20)) + 1,              # whole days: many ties
                status = sample(0:2, n, replace = TRUE, prob = c(0.3, 0.4, 0.3)),
                group = sprintf("g%02d", sample(1:40, n, replace = TRUE)),
                site = sample(c("s1", "s2"), n, replace = TRUE))
write.csv(d, "reference/gray_many.csv", row.names = FALSE)
tests <- function(x) lapply(seq_len(nrow(x)), function(i)
  list(cause = rownames(x)[i], stat = x[i, "stat"], p = x[i, "pv"], df = x[i, "df"]))
cases <- list(
  list(case = "groups40", strata = FALSE, rho = 0, rCode = "cuminc(d$time, d$status, d$group)$Tests",
       grayTest = tests(cuminc(d$time, d$status, d$group)$Tests)),
  list(case = "groups40_rho1", strata = FALSE, rho = 1, rCode = "cuminc(d$time, d$status, d$group, rho = 1)$Tests",
       grayTest = tests(cuminc(d$time, d$status, d$group, rho = 1)$Tests)),
  list(case = "groups40_strata", strata = TRUE, rho = 0.5,
       rCode = "cuminc(d$time, d$status, d$group, strata = d$site, rho = 0.5)$Tests",
       grayTest = tests(cuminc(d$time, d$status, d$group, strata = d$site, rho = 0.5)$Tests)))
writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, pretty = TRUE), "reference/gray_many.json")
