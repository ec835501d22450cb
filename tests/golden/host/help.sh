# -Help prints a blank line, the usage and the parameter list, then a blank line; exit 0.
# 2026-11-24, host issue.
"$PSMINI" -Help; echo "exit $?"
for spelling in -h '-?' '/?' --help -HELP -he; do
    if [ "$("$PSMINI" "$spelling")" = "$("$PSMINI" -Help)" ]; then echo "$spelling: same"; else echo "$spelling: differs"; fi
done
