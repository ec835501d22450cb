# -Command runs the rest of the command line as one script (joined by spaces).
# 2026-11-24, host issue; outputs since the evaluator was wired in.
"$PSMINI" -Command '$x = 1'; echo "exit $?"
"$PSMINI" -c '$x' '=' '1;' '$x + 1'; echo "exit $?"
"$PSMINI" -NoProfile -NonInteractive -Command 'if ($false) { "never" } else { "else" }'; echo "exit $?"
"$PSMINI" -c ''; echo "exit $?"
# -Command swallows everything after it, even parameter-like words.
"$PSMINI" -c '$v = "' -Version '"; "[$v]"'; echo "exit $?"
# exit N from -Command text is the process status.
"$PSMINI" -c 'exit 7'; echo "exit $?"
