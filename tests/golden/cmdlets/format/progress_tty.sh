# 2026-11-24 with stderr on a terminal (a pty from util-linux `script`) Write-Progress draws
# its bar: the activity and status text in the bold-yellow Progress style with the done part
# in reverse video; -Completed erases the line again; $ProgressPreference = 'SilentlyContinue'
# and a redirected stderr draw nothing.  Skipped when `script` or ptys are unavailable.
command -v script >/dev/null 2>&1 || exit 77
script -qec true /dev/null </dev/null >/dev/null 2>&1 || exit 77
run() {
    script -qec "$1" /dev/null </dev/null 2>&1 | cat -v >progress.tmp
    if grep -q 'Copying \[\^\[\[7mfile 3' progress.tmp; then d="drawn"; else d="not drawn"; fi
    if grep -q '\^\[\[33;1m' progress.tmp; then s="styled"; else s="plain"; fi
    echo "$d, $s, line clears: $(grep -o '\^\[\[2K' progress.tmp | wc -l)"
}
run "'$PSMINI' -c \"Write-Progress -Activity Copying -Status 'file 3' -PercentComplete 50\""
run "'$PSMINI' -c \"Write-Progress Copying 'file 3' -PercentComplete 50; Write-Progress -Completed\""
run "'$PSMINI' -c \"\\\$ProgressPreference = 'SilentlyContinue'; Write-Progress Copying 'file 3'\""
run "'$PSMINI' -c \"Write-Progress -Activity Copying -Status 'file 3'\" 2>/dev/null"
rm -f progress.tmp
