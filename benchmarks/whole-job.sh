#!/usr/bin/env bash
# The whole job as one process each, survkit beside R, on the issue-14 file (time, status, arm, 3
# covariates; n rows): read the CSV, Kaplan-Meier by arm, log-rank.
#   survkit: java -jar survkit.jar km ... --group arm --test logrank --json
#   R:       Rscript r/whole-job.R   (data.table::fread + survfit + survdiff)
# Runs alternate (survkit, R, survkit, R, ...) so that the machine's load falls on both alike; each
# run's wall-clock and CPU (user + system) seconds are printed, then the best of each and the ratio,
# and every run's numbers are checked against R's (chisq, observed, expected, medians, events,
# curve lengths; relative 1e-9). Needs Rscript with data.table, survival and jsonlite.
#   benchmarks/whole-job.sh [RUNS] [N ...]      (default: 3 runs; 1000000 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
sizes=${*:-"1000000 10000000"}
work=${SURVKIT_JOB_DIR:-benchmarks/target/whole-job}
mkdir -p "$work"
jar=${SURVKIT_JAR:-examples/target/survkit.jar}
[ -f "$jar" ] || mvn -B -q -pl examples -am package -DskipTests
# a short-lived process: C1 alone (no C2 compilations) and the serial collector cost the least CPU
java_opts=${SURVKIT_JAVA_OPTS:-"-Xmx4g -XX:+UseSerialGC -XX:TieredStopAtLevel=1"}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf '| rows | survkit wall s | survkit cpu s | R wall s | R cpu s | R / survkit (wall) | R / survkit (cpu) | agree |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for n in $sizes; do
  data="$work/job-$n.csv"
  [ -f "$data" ] || Rscript benchmarks/r/job-data.R "$n" "$data"
  best() { sort -g | head -1; }
  : > "$work/s-$n.t"; : > "$work/r-$n.t"
  agree=yes
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$work/t" java $java_opts -jar "$jar" km --data "$data" --time time \
      --event status --event-value 1 --group arm --test logrank --json --output "$work/s-$n.json"
    awk '{print $1, $2 + $3}' "$work/t" >> "$work/s-$n.t"
    /usr/bin/time -f "%e %U %S" -o "$work/t" Rscript benchmarks/r/whole-job.R "$data" "$work/r-$n.json"
    awk '{print $1, $2 + $3}' "$work/t" >> "$work/r-$n.t"
    Rscript benchmarks/r/agree.R "$work/s-$n.json" "$work/r-$n.json" >/dev/null || agree=NO
  done
  sw=$(cut -d' ' -f1 "$work/s-$n.t" | best); sc=$(cut -d' ' -f2 "$work/s-$n.t" | best)
  rw=$(cut -d' ' -f1 "$work/r-$n.t" | best); rc=$(cut -d' ' -f2 "$work/r-$n.t" | best)
  printf '| %s | %s | %s | %s | %s | %.2f | %.2f | %s |\n' "$n" "$sw" "$sc" "$rw" "$rc" \
    "$(echo "$rw / $sw" | bc -l)" "$(echo "$rc / $sc" | bc -l)" "$agree"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
