# The command line contract: options before or after the command, usage
# errors exit 2 with a one-line hint, bad input exits 4.
. "$ROOT/tests/e2e/lib.sh"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
printf 'rules_dir = "rules"\ndatabase = "t.db"\njurisdictions = { "good" }\n' > "$WORK/cfg.lua"
C="--config $WORK/cfg.lua"

run 0 --version
assert_contains "$WORK/out" "dondoc "
run 0 --help
assert_contains "$WORK/out" "usage: dondoc"
run 2 $C --frobnicate check
assert_eq 1 "$(wc -l < "$WORK/err")" "usage error is one line"
assert_contains "$WORK/err" "unknown option '--frobnicate'"
assert_contains "$WORK/err" "dondoc --help"
run 2 $C dance
assert_contains "$WORK/err" "unknown command 'dance'"
run 2 $C
run 2 $C --now 2023-02-29 check
assert_contains "$WORK/err" "2023-02-29"
run 2 $C check --now

# global options after the command name give the same answer as before it
run 0 $C --now 2024-12-06 --json check
cp "$WORK/out" "$WORK/before.json"
run 0 check --json --now=2024-12-06 $C
cmp -s "$WORK/out" "$WORK/before.json" || fail "options after the command changed the output"

# submit: bad input names the problem and exits 4, nothing is written
run 4 $C --now 2024-12-06 submit ghost annual 2024
assert_contains "$WORK/err" "unknown agency 'ghost'"
run 4 $C --now 2024-12-06 submit a nosuch 2024
assert_contains "$WORK/err" "unknown obligation 'nosuch'"
run 4 $C --now 2024-12-06 submit a annual 2024-Q7
assert_contains "$WORK/err" "'2024-Q7' is not a period"
run 4 $C --now 2024-12-06 submit a annual 2024 --on 2024-02-30
assert_contains "$WORK/err" "2024-02-30"
run 0 $C --now 2024-12-06 --json check
cmp -s "$WORK/out" "$WORK/before.json" || fail "a refused submit changed the findings"

# a good submit removes the finding; a second one is reported, not doubled
run 0 $C --now 2024-12-06 submit a annual 2024
assert_contains "$WORK/out" "recorded"
run 0 $C --now 2024-12-07 submit a annual 2024
assert_contains "$WORK/out" "already recorded"
run 0 $C --now 2024-12-06 --json check
assert_eq 0 "$(json_query 'len([f for f in F if f.get("obligation") == "annual" and f["agency"] == "a" and f["period"] == "2024"])')" "finding after submit"
run 0 $C --now 2024-12-06 --json check --all
assert_eq late "$(json_query '[f["kind"] for f in F if f.get("obligation") == "annual" and f["agency"] == "a" and f["period"] == "2024"][0]')" "received a day after the deadline"
run 0 $C --now 2024-12-06 submit b annual 2024 --on 2024-12-05
run 0 $C --now 2024-12-06 --json check --all
assert_eq on_time "$(json_query '[f["kind"] for f in F if f.get("obligation") == "annual" and f["agency"] == "b" and f["period"] == "2024"][0]')" "received on the deadline"

# observe: a decimal point or comma, a finite number, a period of the
# indicator's cadence; refused values write nothing (exit 4)
for bad in "1.234,5" nan inf -1e309 1e309 1e16 0x10 "" "4 5"; do
  run 4 $C observe lead 2024 "$bad"
done
run 4 $C observe lead 2024 -- -inf
run 4 $C observe lead 2024-Q1 45.5
run 0 $C observe lead 2024 "45,5"
assert_contains "$WORK/out" "2024 = 45,5"
run 4 $C observe ghost 2024 1
run 0 $C observe lead 2023 45.5

# a database that is not one: exit 5 naming the file
echo "not a database" > "$WORK/bad.db"
run 5 $C --db "$WORK/bad.db" --now 2024-12-06 check
assert_contains "$WORK/err" "bad.db"
# a broken config: exit 3 naming file and line
printf 'rules_dir = "rules"\njurisdictions = {\n' > "$WORK/broken.lua"
run 3 --config "$WORK/broken.lua" check
assert_contains "$WORK/err" "broken.lua:"
# sandbox limits out of range are refused, not shifted or cast into nonsense
for bad in "memory_limit_mb = -1" "memory_limit_mb = 1e300" "instruction_limit = 0" \
           "time_limit_ms = 2.5" "time_limit_ms = 'x'"; do
  printf 'rules_dir = "rules"\ndatabase = "t.db"\njurisdictions = { "good" }\n%s\n' "$bad" > "$WORK/lim.lua"
  run 3 --config "$WORK/lim.lua" rules check
  assert_contains "$WORK/err" "must be a whole number from"
done
printf 'rules_dir = "rules"\ndatabase = "t.db"\njurisdictions = { "good" }\nmemory_limit_mb = 128\ntime_limit_ms = 10000\n' > "$WORK/lim.lua"
run 0 --config "$WORK/lim.lua" rules check

# a database whose folder does not exist: the folder named, nothing made
run 5 $C --db "$WORK/no-such-folder/t.db" check
assert_contains "$WORK/err" "the folder $WORK/no-such-folder does not exist"
[ ! -e "$WORK/no-such-folder" ] || fail "the missing folder was made"

# paths from a config in a folder: "conf/../rules" is shown as "rules"; a
# symbolic link is not stepped out of (its ".." is elsewhere)
mkdir -p "$WORK/pz/conf" "$WORK/pz/real/conf" && ln -s real/conf "$WORK/pz/lnk"
printf 'rules_dir = "../rules"\ndatabase = "../t.db"\njurisdictions = { "nope" }\n' > "$WORK/pz/conf/c.lua"
cp "$WORK/pz/conf/c.lua" "$WORK/pz/lnk/c.lua"
run 3 --config "$WORK/pz/conf/c.lua" rules check
assert_contains "$WORK/err" "$WORK/pz/rules/nope/jurisdiction.lua: error: no rules"
run 3 --config "$WORK/pz/lnk/c.lua" rules check
assert_contains "$WORK/err" "$WORK/pz/lnk/../rules/nope/jurisdiction.lua: error: no rules"
