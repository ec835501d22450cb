# -Version and its spellings: the version line on stdout, exit 0.  2026-11-24, host issue.
"$PSMINI" -Version; echo "exit $?"
"$PSMINI" -v; echo "exit $?"
"$PSMINI" --version; echo "exit $?"
"$PSMINI" /VERSION; echo "exit $?"
# Everything after -Version is ignored, as in pwsh.
"$PSMINI" -Version -Bogus nosuchfile.ps1; echo "exit $?"
