# splines::ns bases for NaturalSplineTest (issue 13). R 4.2.2. Run from this folder:
#   Rscript natural_spline.R > natural_spline.json
suppressPackageStartupMessages(library(splines))
library(jsonlite)
d <- read.csv("../oracle/data/lung.csv", na.strings = "")
age <- d$age
newx <- c(30, 39, 39.5, 50, 62.5, 82, 82.5, 90, NA)
cases <- list()
for (df in 1:5) {
  b <- ns(age, df = df)
  p <- predict(b, newx)
  cases[[length(cases) + 1]] <- list(
    df = df, knots = I(as.numeric(attr(b, "knots"))), boundary = as.numeric(attr(b, "Boundary.knots")),
    basis = unname(lapply(seq_len(ncol(b)), function(j) as.numeric(b[, j]))),
    newx = newx, predicted = unname(lapply(seq_len(ncol(p)), function(j) as.numeric(p[, j]))))
}
# a variable with heavy ties (ECOG 0-3 as numbers) and one with negative values
w <- c(-3.5, -1, 0, 0, 0, 1, 1, 2, 2.25, 7)
b <- ns(w, df = 4)
cases[[length(cases) + 1]] <- list(df = 4, x = w, knots = I(as.numeric(attr(b, "knots"))),
  boundary = as.numeric(attr(b, "Boundary.knots")),
  basis = unname(lapply(seq_len(ncol(b)), function(j) as.numeric(b[, j]))), newx = c(-10, 10),
  predicted = unname(lapply(seq_len(ncol(b)), function(j) as.numeric(predict(b, c(-10, 10))[, j]))))
cat(toJSON(list(rCall = "splines::ns(x, df); predict(basis, newx)", cases = cases), digits = I(17), na = "null",
           auto_unbox = TRUE))
