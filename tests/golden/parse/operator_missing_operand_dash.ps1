$ok = $a -and
