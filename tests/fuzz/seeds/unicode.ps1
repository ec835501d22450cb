Write-Output "héllo wörld ✓"; $ñ = 1; "日本語"
Write-Output ‘smart quotes’ “double” — dash
