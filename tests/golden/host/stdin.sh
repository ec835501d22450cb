# Without a terminal and without a script, psmini reads the whole script from stdin;
# '-Command -' and '-File -' do the same.  A script with a parse error never runs and
# exits 1.  2026-11-24, host issue.
printf '$x = 1\n$y = 2\n' | "$PSMINI"; echo "exit $?"
printf '$x = 1\n' | "$PSMINI" -Command -; echo "exit $?"
printf '$x = 1\n' | "$PSMINI" -File -; echo "exit $?"
"$PSMINI" </dev/null; echo "exit $?"
printf '$x = 1\n$y = (2\n' | "$PSMINI" 2>&1; echo "exit $?"
printf '$x = (\n' | "$PSMINI" -NoProfile -c - 2>&1; echo "exit $?"
