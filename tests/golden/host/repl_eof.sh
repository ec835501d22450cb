# Ctrl+D (end of input) at the primary prompt ends the loop with exit 0 and an empty
# history; -NoProfile and friends are accepted with the test mode.  2026-11-24, host issue.
"$PSMINI" -NoProfile --test-repl </dev/null; echo "exit $?"
