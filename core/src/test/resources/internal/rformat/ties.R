# R's printed strings for RFormatTest: ties and near-ties at the digits where they round.
# Rscript ties.R > ties.json   (R 4.2.2)
library(jsonlite)
x <- c(0.125, 2.5, 0.15, 0.35, 0.45, 3.5, 0.0125, 2.675, 1.45, 0.25, 1.005, 0.5, 1.5, 12.5, 0.0625,
       -0.125, -2.5, 1e-5 * 1.25, 123456.5, 9.995, 0.995)
cases <- list()
for (v in x) for (d in 1:3) {
  cases[[length(cases) + 1]] <- list(value = v, digits = d,
    format = format(v, digits = d), sprintf_f = sprintf("%.*f", d, v), sprintf_e = sprintf("%.*e", d, v),
    round = round(v, d))
}
vectors <- list(c(0.125, 2.5, 10), c(0.15, 0.35, 1.45), c(0.0125, 1e-6), c(2.5, 3.5, NA))
vcases <- lapply(vectors, function(v) list(values = v, digits = 2, format = format(v, digits = 2, trim = TRUE)))
pv <- list(c(0.125, 0.05), c(0.0125), c(1e-20, 0.5), c(0.00125, 0.25))
pcases <- lapply(pv, function(p) list(values = p, digits = 1, format = format.pval(p, digits = 1)))
cat(toJSON(list(scalars = cases, vectors = vcases, pvalues = pcases), digits = NA, auto_unbox = TRUE,
  na = "null", pretty = TRUE))
