# No leaks and no invalid accesses under valgrind, on a normal check, a
# submit, and a check where broken provinces fail (loop, memory bomb,
# syntax). Skipped for the sanitizer build, which valgrind cannot run.
. "$ROOT/tests/e2e/lib.sh"
case $DONDOC in */asan/*) echo "skipped under ASan"; exit 0 ;; esac
command -v valgrind >/dev/null || fail "valgrind is not installed"
cp -R "$ROOT/tests/fixtures/rules" "$WORK/rules"
printf 'rules_dir = "rules"\ndatabase = "t.db"\njurisdictions = { "good", "loop", "bomb", "syntax" }\n' > "$WORK/cfg.lua"
vg() {
  valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
    --error-exitcode=99 "$DONDOC" "$@" >"$WORK/out" 2>"$WORK/err"
  st=$?
  [ $st -ne 99 ] || { cat "$WORK/err"; fail "valgrind found errors in: dondoc $*"; }
}
vg --config "$WORK/cfg.lua" --now 2024-12-06 --json check
vg --config "$WORK/cfg.lua" --now 2024-12-06 submit a annual 2024
vg --config "$WORK/cfg.lua" --now 2024-12-06 check --all
cd "$ROOT" && vg --db "$WORK/e.db" --now 2024-12-06 check
# the daily job, its outbox commands and the chat template
cat > "$WORK/run.lua" <<CFG
rules_dir = "rules"
database = "r.db"
outbox_dir = "box"
templates_dir = "$ROOT/notifiers/templates"
mail = { from = "ban@remind.example" }
webhooks = { { name = "chat", template = "chat" } }
jurisdictions = { "remind" }
CFG
vg --config "$WORK/run.lua" --now 2024-11-28 run
vg --config "$WORK/run.lua" --now 2024-12-19 run --dry-run
vg --config "$WORK/run.lua" outbox list
vg --config "$WORK/run.lua" outbox history --format csv
vg --config "$WORK/run.lua" --now 2024-12-03 extend a annual 2024 --until 2024-12-20 --letter 1/X
