#!/usr/bin/env bash
# Sets everything up and runs every test. Ends with one line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
./.ci/setup.sh
dotnet build Dashboard.sln --nologo -v quiet -c Release

results=$(mktemp -d)
status=0
dotnet test Dashboard.sln --no-build -c Release --nologo \
  --logger "trx" --results-directory "$results" >"$results/console.log" 2>&1 || status=$?
# Show each project's summary and every failure, not thousands of passing lines.
grep -E 'Failed |Skipped |Passed!|Failed!|error |Error Message|at .*:line' "$results/console.log" | head -400 || true

# Sum the counts from every project's TRX so the last line covers the whole solution.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); p=${p:-0}
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=${f:-0}
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); t=${t:-0}
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters"); e=${e:-0}
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + t - e))
done
rm -rf "$results"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
