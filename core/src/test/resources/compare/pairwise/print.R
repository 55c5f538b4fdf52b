library(survival)
d <- data.frame(t = c(5,8,12,3,9,15,22,7,11,18,25,30,2,4,6,14,16,21),
                e = c(1,1,0,1,1,1,0,1,0,1,1,0,1,1,1,0,1,1), g = rep(c("a","b","c"), each = 6))
lv <- c("a","b","c"); k <- 3
# survkit labels groups as survdiff names strata ("g=a"); survminer would print the bare levels
p <- matrix(NA_real_, k - 1, k - 1, dimnames = list(paste0("g=", lv[-1]), paste0("g=", lv[-k])))
for (i in 2:k) for (j in 1:(i - 1)) {
  s <- survdiff(Surv(t, e) ~ g, data = d[d$g %in% lv[c(i, j)], ])
  p[i - 1, j] <- pchisq(s$chisq, 1, lower.tail = FALSE)
}
lower <- !is.na(p)
p[lower] <- p.adjust(p[lower], "BH")
x <- list(method = "Log-Rank test", data.name = "d", p.value = p, p.adjust.method = "BH")
class(x) <- "pairwise.htest"
print(x)
print(p, digits=17)
