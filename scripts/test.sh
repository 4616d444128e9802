#!/usr/bin/env bash
# README command 2 (and what CI runs): install what is missing, including Chromium, fonts and
# poppler, then every test tier:
#   1. cargo test                          native unit tests and SSR render tests
#      cargo test --features schema --test schema_file   (when tests/schema_file.rs exists)
#      cargo test --features cli --test cli…   the command line (tests/cli*.rs) and src/site
#      cargo build --benches                   the measuring harnesses (benches/) still compile
#   2. trunk build --release --offline     the real build into dist/ (wasm-opt applied)
#      node bench/check-size.mjs           the gzip size ratchet (bench/size-budget.json)
#   3. node --test e2e/                    headless Chromium against dist/ served under a sub-path
# Every tier runs even when an earlier one failed (except e2e, which needs the build); the exit
# status is non-zero if anything failed. Logs go to target/test-logs/.
source "$(dirname "$0")/lib.sh"

setup --test

LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"
failed_tiers=()
summary=()
total_pass=0
total_fail=0
total_skip=0

# Adds up cargo's "test result: ok. N passed; M failed; K ignored" lines of a log.
count_cargo() {
  local log="$1" tier="$2" p f s
  read -r p f s < <(awk '/^test result:/ {
      for (i = 1; i <= NF; i++) {
        if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i
      }
    } END { print p+0, f+0, s+0 }' "$log")
  total_pass=$((total_pass + p)) total_fail=$((total_fail + f)) total_skip=$((total_skip + s))
  summary+=("$tier: $p passed, $f failed, $s ignored")
}

# run LOG TIER COMMAND…: runs a tier, keeps its output, remembers a failure.
run() {
  local log="$LOGS/$1.log" tier="$2"
  shift 2
  say "$tier: $*"
  if "$@" 2>&1 | tee "$log"; then
    return 0
  else
    failed_tiers+=("$tier")
    return 1
  fi
}

# 1. Native tests.
run cargo-test "cargo test" cargo test || true
count_cargo "$LOGS/cargo-test.log" "cargo test"
if [ -f tests/schema_file.rs ]; then
  run schema-test "schema test" cargo test --features schema --test schema_file || true
  count_cargo "$LOGS/schema-test.log" "schema test"
fi
# The command line (feature `cli`): its integration tests, and the unit tests of the site it
# builds (src/site), which only exist with the feature; `site::` keeps the other unit tests,
# already run above, from being counted twice.
run cli-test "cli test" cargo test --features cli --test cli --test cli_site --test cli_hostile || true
count_cargo "$LOGS/cli-test.log" "cli test"
run cli-unit "cli unit test" cargo test --features cli --lib site:: || true
count_cargo "$LOGS/cli-unit.log" "cli unit test"

# The benches are not run (they measure, they do not test) but must compile, so a changed prop
# or signature they use fails here and not on the next person who measures. After `cargo test`
# this only builds the harness itself, in the dev profile.
if run bench-build "bench build" cargo build --benches; then
  summary+=("bench build: ok")
else
  summary+=("bench build: FAILED")
fi

# 2. Release build. 3. End to end, only with a fresh build.
rm -rf dist
if run trunk-build "trunk build" build_release; then
  summary+=("trunk build: ok ($(grep -E '_bg.wasm:' "$LOGS/trunk-build.log" | sed -E 's/^ +//'))")
  # Size ratchet: the gzip size may not grow more than 5% over bench/size-budget.json.
  if run size-check "size check" node bench/check-size.mjs; then
    summary+=("size check: $(grep -E '^record' "$LOGS/size-check.log")")
  else
    summary+=("size check: FAILED (see bench/README.md to update the record deliberately)")
  fi
  # One browser at a time: 2 cores, and each file starts its own Chromium.
  run e2e "e2e" node --test --test-reporter=spec --test-concurrency=1 --test-timeout=600000 e2e/*.test.mjs || true
  p=$(grep -E '^ℹ pass [0-9]+' "$LOGS/e2e.log" | awk '{print $3}' | tail -n 1)
  f=$(grep -E '^ℹ fail [0-9]+' "$LOGS/e2e.log" | awk '{print $3}' | tail -n 1)
  s=$(grep -E '^ℹ skipped [0-9]+' "$LOGS/e2e.log" | awk '{print $3}' | tail -n 1)
  p=${p:-0} f=${f:-0} s=${s:-0}
  total_pass=$((total_pass + p)) total_fail=$((total_fail + f)) total_skip=$((total_skip + s))
  summary+=("e2e: $p passed, $f failed, $s skipped (screenshots in e2e/out/)")
else
  summary+=("trunk build: FAILED, e2e not run")
fi

say "Summary"
for line in "${summary[@]}"; do note "$line"; done
if [ "${#failed_tiers[@]}" -gt 0 ]; then
  note "failed: ${failed_tiers[*]}"
fi
echo "total: $total_pass passed, $total_fail failed, $total_skip skipped"
[ "${#failed_tiers[@]}" -eq 0 ] && [ "$total_fail" -eq 0 ]
