# Command-line errors: pwsh's message on stderr, the short usage on stdout (for most),
# exit 64.  2026-11-24, host issue.
run() { "$PSMINI" "$@" 2>&1; echo "exit $?"; }
run -Bogus
run -no
run nosuchfile.ps1
run -File
run -File nosuchfile.ps1
run -Command
run -Command - extra
run .
