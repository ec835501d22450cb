# 2026-11-24 fmtcmds: Out-File writes the formatted text; -Append, -NoNewline, -Width, -NoClobber.
$d = Join-Path ([System.IO.Path]::GetTempPath()) "psmini-outfile-$PID"
New-Item -ItemType Directory $d | Out-Null
$f = Join-Path $d 'a.txt'
$o = [pscustomobject]@{Name='alpha'; Id=1}, [pscustomobject]@{Name='beta'; Id=22}
$o | Out-File $f
Get-Content $f -Raw
'more' | Out-File $f -Append
(Get-Content $f).Count
$o | Format-List | Out-File -FilePath $f
Get-Content $f -Raw
'a', 'b' | Out-File $f -NoNewline
Get-Content $f -Raw
'a', "b`nc" | Out-File $f -NoNewline
(Get-Content $f -Raw).Replace("`n", '|')
Out-File -FilePath $f -InputObject 'via InputObject'
Get-Content $f
@() | Out-File $f
(Get-Item $f).Length
'keep' | Out-File $f
try { 'x' | Out-File $f -NoClobber } catch { $_.Exception.Message.Replace($d, '<tmp>'); $_.FullyQualifiedErrorId }
Get-Content $f
try { 'y' | Out-File (Join-Path $d 'no/such/dir.txt') } catch { $_.Exception.Message.Replace($d, '<tmp>'); $_.FullyQualifiedErrorId }
try { 'y' | Out-File $f -Encoding bogus } catch { $_.FullyQualifiedErrorId }
Get-Content $f
('w' | Out-File -LiteralPath $f -Encoding utf7 3>&1) | ForEach-Object { "warning: $_" }
Get-Content $f
& { Write-Error 'bad'; Write-Warning 'careful'; 'ok' } 2>&1 3>&1 | Out-File $f
Get-Content $f
Remove-Item -Recurse $d
