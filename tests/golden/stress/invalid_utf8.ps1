# 2026-11-24 stress issue: invalid UTF-8 in strings and comments is kept as bytes. ÿþ
$x = "Ã( í € À¯"
$y = 'ÿ'
