# Parse errors from the command line: -Command text has no file in the header; -File shows
# the script's full path (normalised like .NET's GetFullPath) and the line; nothing of the
# script runs; exit 1.  2026-11-24, host issue.
"$PSMINI" -c '$x = (1 + 2'; echo "exit $?"
mkdir -p parse_error.tmp
printf '$a = 1\n\n$b = (1 +\n' > parse_error.tmp/bad.ps1
"$PSMINI" -File parse_error.tmp/../parse_error.tmp/./bad.ps1; echo "exit $?"
"$PSMINI" parse_error.tmp//bad.ps1 arg1 -arg2; echo "exit $?"
rm -rf parse_error.tmp
