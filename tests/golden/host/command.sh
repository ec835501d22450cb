# -Command runs the rest of the command line as one script (joined by spaces).  Until the
# evaluator lands a script is only parsed, so these print nothing and exit 0.
# 2026-11-24, host issue.
"$PSMINI" -Command '$x = 1'; echo "exit $?"
"$PSMINI" -c '$x' '=' '1'; echo "exit $?"
"$PSMINI" -NoProfile -NonInteractive -Command 'if ($false) { "never" }'; echo "exit $?"
"$PSMINI" -c ''; echo "exit $?"
# -Command swallows everything after it, even parameter-like words.
"$PSMINI" -c '$null =' -Version; echo "exit $?"
