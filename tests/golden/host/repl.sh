# The interactive loop, driven through the test mode (--test-repl: lines from stdin instead
# of readline; each prompt and line is echoed, and the history is listed at the end).
# Shows the prompt "PS <cwd>> ", the continuation prompt ">> " for every kind of unfinished
# input, one history entry per complete input, an error that is not "incomplete" reported at
# once, and end of input inside an unfinished input (Ctrl+D): its errors are shown and the
# loop ends with exit 0.  2026-11-24, host issue.
printf '%s\n' \
    'if ($x) {' '' '  1' '}' \
    '$s = "open' 'string"' \
    "\$h = @'" 'here' "'@" \
    'Write-Output 5 |' '  ForEach-Object { $_ * 2 }' \
    '$x = 1 +' '  2' \
    'Write-Output `' '  continued' \
    '$y = (1,' '2)' \
    '$z = @{' 'a = 1' '}' \
    '$x = 1 2' \
    '   ' \
    '$last = $(' | "$PSMINI" --test-repl 2>&1
echo "exit $?"
