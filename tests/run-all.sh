#!/bin/sh
# Runs every fast test.  The last line is "N passed, N failed"; exit status 1 on any failure.
#
#  1. C unit tests: each $UNITDIR/test_* binary prints its own "N passed, N failed" line.
#  2. Golden scripts: tests/golden/**/<name>.ps1 with <name>.out and/or <name>.err, and an
#     optional <name>.status (default 0).  Each runs as `psmini -NoProfile -File <name>.ps1`
#     from its own folder with stdin from /dev/null.  stdout must equal <name>.out (empty when
#     there is no .out); stderr must equal <name>.err when that file exists.  A .ps1 without
#     .out and .err is not a test (scripts may dot-source helpers).  Exit status 77 = skip.
#  3. Command-line tests: tests/golden/**/<name>.sh with <name>.out, run as `sh <name>.sh`
#     from their own folder with $PSMINI set to the absolute path of psmini.  stdout must
#     equal <name>.out; stderr must equal <name>.err, or be empty when there is no .err; the
#     exit status must be <name>.status (default 0).  The script does its own redirections.
#
# In every compared output, the absolute path of the test's folder is replaced by "<dir>",
# so expected files do not depend on where the tree is checked out (pwsh prints full script
# paths, e.g. "ParserError: <dir>/x.ps1:3").
PSMINI=${PSMINI:-./psmini}
UNITDIR=${UNITDIR:-build/tests}
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
abs=$(cd "$(dirname "$PSMINI")" && pwd)/$(basename "$PSMINI")
# Unit tests that drive the real binary (job processes) find it here.
export PSMINI="$abs"

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
        echo "FAIL unit $(basename "$t") (exit $rc)"; head -40 "$tmp/unit.err"
    fi
done

# Replace the test folder's absolute path ($1) by <dir> in file $2 (in place).
normalize() {
    esc=$(printf '%s' "$1" | sed -e 's/[]\/$*.^[]/\\&/g')
    sed -e "s/$esc/<dir>/g" "$2" >"$2.n" && mv "$2.n" "$2"
}

# Compare the outputs in $tmp with the expected files of test $1 (path without extension).
# $2: "empty" when stderr must be empty without a .err file.  Prints a FAIL block if needed.
check() {
    base=$1 ok=1
    : >"$tmp/diff"
    if [ -f "$base.out" ]; then want="$base.out"; else want=/dev/null; fi
    if ! diff -u "$want" "$tmp/out" >>"$tmp/diff" 2>&1; then ok=0; fi
    if [ -f "$base.err" ]; then
        if ! diff -u "$base.err" "$tmp/err" >>"$tmp/diff" 2>&1; then ok=0; fi
    elif [ "$2" = empty ] && [ -s "$tmp/err" ]; then
        ok=0; { echo "unexpected stderr:"; cat "$tmp/err"; } >>"$tmp/diff"
    fi
    want_rc=0; [ -f "$base.status" ] && want_rc=$(cat "$base.status")
    if [ "$rc" != "$want_rc" ]; then ok=0; echo "exit status $rc, want $want_rc" >>"$tmp/diff"; fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1)); echo "FAIL $base"; head -40 "$tmp/diff"
    fi
}

# Golden scripts run from their own folder, so tests may use relative paths.
for ps in $(find tests/golden -name '*.ps1' | sort); do
    dir=$(dirname "$ps"); base=${ps%.ps1}; name=$(basename "$ps")
    [ -f "$base.out" ] || [ -f "$base.err" ] || continue
    (cd "$dir" && "$abs" -NoProfile -File "$name" >"$tmp/out" 2>"$tmp/err" </dev/null)
    rc=$?
    if [ "$rc" = 77 ]; then skip=$((skip + 1)); continue; fi
    absdir=$(cd "$dir" && pwd -P)
    normalize "$absdir" "$tmp/out"; normalize "$absdir" "$tmp/err"
    check "$base" any
done

# Command-line tests: shell scripts that run $PSMINI themselves.
for sh in $(find tests/golden -name '*.sh' | sort); do
    dir=$(dirname "$sh"); base=${sh%.sh}; name=$(basename "$sh")
    [ -f "$base.out" ] || continue
    (cd "$dir" && PSMINI="$abs" sh "$name" >"$tmp/out" 2>"$tmp/err" </dev/null)
    rc=$?
    if [ "$rc" = 77 ]; then skip=$((skip + 1)); continue; fi
    absdir=$(cd "$dir" && pwd -P)
    normalize "$absdir" "$tmp/out"; normalize "$absdir" "$tmp/err"
    check "$base" empty
done

# Spec tests (tests/spec/*.test.ps1, Oils format): run by run-spec.sh, whose closing line
# ("N passed, N failed", after an optional "(N skipped)") is folded into the totals here.
PSMINI="$abs" sh tests/run-spec.sh >"$tmp/spec" 2>&1
grep -v -E '^(\([0-9]+ skipped\)|[0-9]+ passed, [0-9]+ failed)$' "$tmp/spec"
line=$(tail -n 1 "$tmp/spec")
case "$line" in
*" passed, "*" failed")
    p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed}
    pass=$((pass + p)); fail=$((fail + f)) ;;
*) fail=$((fail + 1)); echo "FAIL spec runner: $line" ;;
esac
s=$(grep -E '^\([0-9]+ skipped\)$' "$tmp/spec" | tr -dc 0-9)
[ -n "$s" ] && skip=$((skip + s))

[ "$skip" != 0 ] && echo "($skip skipped)"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
