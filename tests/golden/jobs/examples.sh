# The about_Job_Details.md tour (examples/jobs, see examples/README.md) as a golden test.
# Each examples/jobs/<name>.ps1 runs from the top of the tree, as the README says to run it;
# its stdout must equal <name>.out and its stderr <name>.err (empty when there is no .err),
# after masking what changes from run to run (dates as <date>, GUIDs as <guid>).  The .out
# files hold what pwsh prints.  Examples where psmini still differs are listed in GAPS: they
# run, and print "gap" while they differ and "FIXED" (which fails this test) once they pass,
# so the list is kept honest.  2026-11-24, job issue 5.
GAPS='
'
top=$(cd ../../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mask() {
    sed -E -e 's/[A-Z][a-z]+day, [A-Z][a-z]+ [0-9]{1,2}, [0-9]{4} [0-9]{1,2}:[0-9]{2}:[0-9]{2} [AP]M/<date>/g' \
        -e 's/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/<guid>/g' "$1"
}

# 1 when example $1 matches its expected output, else 0 (the diff is left in $tmp/diff).
same() {
    base=$top/examples/jobs/$1 ok=1
    (cd "$top" && "$PSMINI" -NoProfile -File "examples/jobs/$1.ps1" >"$tmp/raw.out" 2>"$tmp/raw.err" </dev/null)
    echo "exit $?" >>"$tmp/raw.out"
    mask "$tmp/raw.out" >"$tmp/out"; mask "$tmp/raw.err" >"$tmp/err"
    { cat "$base.out"; echo "exit 0"; } >"$tmp/want.out"
    if [ -f "$base.err" ]; then cp "$base.err" "$tmp/want.err"; else : >"$tmp/want.err"; fi
    diff -u "$tmp/want.out" "$tmp/out" >"$tmp/diff" 2>&1 || ok=0
    diff -u "$tmp/want.err" "$tmp/err" >>"$tmp/diff" 2>&1 || ok=0
    echo $ok
}

for ps in "$top"/examples/jobs/*.ps1; do
    name=$(basename "$ps" .ps1)
    gap=$(printf '%s\n' "$GAPS" | grep "^$name " | sed -E 's/^[^ ]+ +//')
    if [ "$(same "$name")" = 1 ]; then
        if [ -n "$gap" ]; then echo "FIXED $name: remove it from GAPS in examples.sh"; else echo "ok $name"; fi
    elif [ -n "$gap" ]; then
        echo "gap $name: $gap"
    else
        echo "FAIL $name"; head -40 "$tmp/diff"
    fi
done
