#!/bin/sh
# Runs the spec tests: tests/spec/<topic>.test.ps1 files in the Oils format.
#   #### case name        starts a case; the code follows
#   ## stdout: text       expected stdout is one line
#   ## STDOUT:            expected stdout is the lines up to "## END"
#   ## stderr: / ## STDERR: ... ## END   likewise for stderr (unchecked when absent)
#   ## status: N          expected exit status (default 0)
#   ## N-I psmini         a known gap: the case is skipped (and counted as skipped)
# Each case runs as its own script: psmini -NoProfile -File case.ps1, from tests/spec.
# Prints a FAIL block per failing case and ends with "N passed, N failed".
PSMINI=${PSMINI:-./psmini}
abs=$(cd "$(dirname "$PSMINI")" && pwd)/$(basename "$PSMINI")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0

for f in ${SPEC_FILES:-$(find tests/spec -name '*.test.ps1' | sort)}; do
    rm -rf "$tmp/cases"; mkdir -p "$tmp/cases"
    # Split the file: case N gets N.ps1, N.name, N.out, N.err (if given), N.status, N.skip.
    awk -v dir="$tmp/cases" '
        function flush() { if (n) { printf "%s", code > (dir "/" n ".ps1"); close(dir "/" n ".ps1") } }
        /^#### / { flush(); n++; code = ""; mode = "code"; print substr($0, 6) > (dir "/" n ".name");
                   close(dir "/" n ".name"); next }
        n == 0 { next }
        /^## stdout: / { print substr($0, 12) > (dir "/" n ".out"); close(dir "/" n ".out"); next }
        /^## stdout-json: ""$/ { printf "" > (dir "/" n ".out"); close(dir "/" n ".out"); next }
        /^## stderr: / { print substr($0, 12) > (dir "/" n ".err"); close(dir "/" n ".err"); next }
        /^## STDOUT:$/ { mode = "out"; printf "" > (dir "/" n ".out"); next }
        /^## STDERR:$/ { mode = "err"; printf "" > (dir "/" n ".err"); next }
        /^## END$/ { close(dir "/" n "." mode); mode = "skipall"; next }
        /^## status: / { print substr($0, 12) > (dir "/" n ".status"); close(dir "/" n ".status"); next }
        /^## N-I psmini/ { print "" > (dir "/" n ".skip"); close(dir "/" n ".skip"); next }
        mode == "out" || mode == "err" { print > (dir "/" n "." mode); next }
        mode == "code" { code = code $0 "\n" }
        END { flush() }
    ' "$f"
    i=1
    while [ -f "$tmp/cases/$i.ps1" ]; do
        c="$tmp/cases/$i"; name=$(cat "$c.name")
        if [ -f "$c.skip" ]; then skip=$((skip + 1)); i=$((i + 1)); continue; fi
        [ -f "$c.out" ] || : >"$c.out"
        (cd tests/spec && "$abs" -NoProfile -File "$c.ps1" >"$c.got" 2>"$c.goterr" </dev/null)
        rc=$?
        want_rc=0; [ -f "$c.status" ] && want_rc=$(cat "$c.status")
        ok=1
        diff -u "$c.out" "$c.got" >"$c.diff" 2>&1 || ok=0
        if [ -f "$c.err" ]; then diff -u "$c.err" "$c.goterr" >>"$c.diff" 2>&1 || ok=0; fi
        [ "$rc" = "$want_rc" ] || { ok=0; echo "exit status $rc, want $want_rc" >>"$c.diff"; }
        if [ $ok = 1 ]; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1)); echo "FAIL $f: $name"; head -30 "$c.diff"
        fi
        i=$((i + 1))
    done
done
[ "$skip" != 0 ] && echo "($skip skipped)"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
