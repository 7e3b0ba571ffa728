# make install puts a working dondoc, the rules, the templates and a config
# in place; the installed binary finds them through that config alone.
. "$ROOT/tests/e2e/lib.sh"
make -s -C "$ROOT" install PREFIX="$WORK/p" SYSCONFDIR="$WORK/etc" DESTDIR= >"$WORK/make.log" 2>&1 ||
  { cat "$WORK/make.log"; fail "make install"; }
[ -x "$WORK/p/bin/dondoc" ] || fail "no binary"
[ -f "$WORK/p/share/dondoc/rules/bac-ninh/jurisdiction.lua" ] || fail "no rules"
[ -f "$WORK/p/share/dondoc/templates/chat.lua" ] || fail "no templates"
cd /
"$WORK/p/bin/dondoc" --config "$WORK/etc/dondoc/dondoc.lua" rules check > "$WORK/out" 2>&1 || { cat "$WORK/out"; fail "rules check"; }
assert_contains "$WORK/out" "bac-ninh: ok"
"$WORK/p/bin/dondoc" --config "$WORK/etc/dondoc/dondoc.lua" --db "$WORK/x.db" --now 2024-12-06 --json check > "$WORK/out" ||
  fail "installed check"
[ "$(json_query 'len([f for f in F if f["kind"] == "overdue"])')" -gt 10 ] || fail "installed check found nothing"
# a second install keeps the deployed config
echo "-- edited" >> "$WORK/etc/dondoc/dondoc.lua"
make -s -C "$ROOT" install PREFIX="$WORK/p" SYSCONFDIR="$WORK/etc" DESTDIR= >/dev/null 2>&1 || fail "reinstall"
assert_contains "$WORK/etc/dondoc/dondoc.lua" "-- edited"
