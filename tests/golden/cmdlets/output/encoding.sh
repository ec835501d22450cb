# 2026-11-24 fmtcmds: Out-File -Encoding: BOMs, transcoding, appending without a second BOM.
d=$(mktemp -d)
f=$d/e.txt
run() { "$PSMINI" -NoProfile -Command "$1" && od -An -tx1 "$f"; }
run "'hé' | Out-File $f"
run "'hé' | Out-File $f -Encoding utf8BOM; 'x' | Out-File $f -Encoding utf8BOM -Append"
run "'hé' | Out-File $f -Encoding ascii"
run "'hé' | Out-File $f -Encoding unicode"
run "'h' | Out-File $f -Encoding bigendianunicode"
run "'h' | Out-File $f -Encoding utf32"
run "'hé' | Out-File $f -Encoding latin1"
run "'hé' | Out-File $f -Encoding 65001"
"$PSMINI" -NoProfile -Command "'z' | Out-File $f -WhatIf" | sed "s#$d#<tmp>#"
od -An -tx1 "$f"
rm -rf "$d"
