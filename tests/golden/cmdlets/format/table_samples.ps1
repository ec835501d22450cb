# 2026-11-24 fmtcmds: Format-Table samples of language.md 8.5 (pwsh Format-Table.Tests.ps1).
[PSCustomObject]@{a="abc";b=123} | Format-Table
[pscustomobject]@{abc="1234";bcd="123"},[pscustomobject]@{abc="1";bcd="1234"} | Format-Table
[pscustomobject]@{A=1;B=2;Name="This`nIs some random`nmultiline content"} | Format-Table -Wrap
[pscustomobject]@{one=1; two=2} | ft
