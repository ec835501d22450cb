#!/bin/sh
# Runs every fast test: the C unit binaries in $UNITDIR, then the golden scripts under
# tests/golden (each <name>.ps1 beside <name>.out and optional <name>.err / <name>.status;
# exit 77 means skip).  The last line is "N passed, N failed"; exit status 1 on any failure.
PSMINI=${PSMINI:-./psmini}
UNITDIR=${UNITDIR:-build/tests}
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for t in "$UNITDIR"/test_*; do
    [ -x "$t" ] || continue
    "$t" >"$tmp/unit.out" 2>"$tmp/unit.err"
    rc=$?
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/unit.out" | tail -n 1)
    p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed}
    if [ -z "$line" ]; then p=0; f=1; fi
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    pass=$((pass + p)); fail=$((fail + f))
    if [ "$f" != 0 ]; then
        echo "FAIL unit $(basename "$t") (exit $rc)"; cat "$tmp/unit.err" | head -40
    fi
done

# Golden scripts run from their own folder, so tests may use relative paths.
for ps in $(find tests/golden -name '*.ps1' | sort); do
    dir=$(dirname "$ps"); base=${ps%.ps1}; name=$(basename "$ps")
    [ -f "$base.out" ] || continue
    abs=$(cd "$(dirname "$PSMINI")" && pwd)/$(basename "$PSMINI")
    (cd "$dir" && "$abs" -NoProfile -File "$name" >"$tmp/out" 2>"$tmp/err" </dev/null)
    rc=$?
    if [ "$rc" = 77 ]; then skip=$((skip + 1)); continue; fi
    want_rc=0; [ -f "$base.status" ] && want_rc=$(cat "$base.status")
    ok=1
    if ! diff -u "$base.out" "$tmp/out" >"$tmp/diff" 2>&1; then ok=0; fi
    if [ -f "$base.err" ] && ! diff -u "$base.err" "$tmp/err" >>"$tmp/diff" 2>&1; then ok=0; fi
    if [ "$rc" != "$want_rc" ]; then ok=0; echo "exit status $rc, want $want_rc" >>"$tmp/diff"; fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1)); echo "FAIL $ps"; head -40 "$tmp/diff"
    fi
done

[ "$skip" != 0 ] && echo "($skip skipped)"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
