# docs/writing-rules.md, followed literally: its files are written into a
# fresh copy of rules/ and config/, its commands run with this dondoc, and
# every output, exit status and quote of a shipped rule file must be what
# the page shows (tests/e2e/doc_walkthrough.py has the conventions).
. "$ROOT/tests/e2e/lib.sh"
DOC="$ROOT/docs/writing-rules.md"
python3 "$ROOT/tests/e2e/doc_walkthrough.py" "$DOC" "$WORK/walk" "$DONDOC" "$ROOT" \
  >"$WORK/out" 2>&1 || { cat "$WORK/out"; fail "docs/writing-rules.md and dondoc disagree"; }
cat "$WORK/out"
# the walk-through really ran: every step of it (no block skipped by a
# misspelt info string)
set -- $(sed -n 's/.*: \([0-9]*\) files written, \([0-9]*\) edits, \([0-9]*\) commands, \([0-9]*\) quotes agree$/\1 \2 \3 \4/p' "$WORK/out")
[ $# -eq 4 ] && [ "$1" -ge 6 ] && [ "$2" -ge 4 ] && [ "$3" -ge 12 ] && [ "$4" -ge 13 ] ||
  fail "too few blocks taken from the page: $(cat "$WORK/out")"
[ -f "$WORK/walk/var/dondoc.db" ] || fail "the walk-through made no database"
# and the comparison bites: a page that promises another output, another
# exit status or a line a shipped file does not have is refused
mutate() {  # WHAT SED-EXPRESSION
  sed "$2" "$DOC" > "$WORK/bad.md"
  cmp -s "$DOC" "$WORK/bad.md" && fail "$1: the mutation changed nothing"
  rm -rf "$WORK/bad"
  if python3 "$ROOT/tests/e2e/doc_walkthrough.py" "$WORK/bad.md" "$WORK/bad" "$DONDOC" "$ROOT" \
       >"$WORK/bad.out" 2>&1; then
    cat "$WORK/bad.out"; fail "$1: a wrong page passed"
  fi
  assert_contains "$WORK/bad.out" "$WORK/bad.md:"
}
mutate "an output" 's/0 errors, 1 warning, listed above/0 errors, 2 warnings, listed above/'
mutate "an exit status" 's/rules check --strict rules\/quang-tri   # exit 3/rules check --strict rules\/quang-tri   # exit 0/'
mutate "a quote" 's/^  name         = "Tỉnh Bắc Ninh",$/  name         = "Tỉnh Bắc Giang",/'
mutate "a rule" 's/^    year = { due = "12-05" },$/    year = { due = "12-04" },/'
