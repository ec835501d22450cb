# With a terminal (a pty from util-linux `script`): parse errors in colour (red, the span in
# cyan; ^[ is ESC) and '-Command -' refused because stdin is not redirected.  Skipped when
# `script` or ptys are unavailable.  2026-11-24, host issue.
command -v script >/dev/null 2>&1 || exit 77
script -qec true /dev/null </dev/null >/dev/null 2>&1 || exit 77
run() {
    script -qec "$1" /dev/null </dev/null >tty.tmp.out 2>&1
    rc=$?
    tr -d '\r' <tty.tmp.out | cat -v
    echo "exit $rc"
}
run "'$PSMINI' -c '\$x = 1 2'"
run "'$PSMINI' -c -"
rm -f tty.tmp.out
