# Read-Host reads lines from standard input when it is not a terminal; the prompt goes to
# the host with ": " and no newline (2026-11-24, cmdlet issue: utilcmds).
printf 'Ada\nsecond line\r\n' | "$PSMINI" -NoProfile -File read_host_lines.ps1; echo "exit $?"
