# 2026-11-24 fmtcmds: errors of the Format-* cmdlets (pwsh FormatAndOut_MshParameter and
# FormatAndOut_format_xxx messages; statement-terminating, so the script goes on).
$o = [pscustomobject]@{a=1}
$o | Format-Table @{Foo='x'}
$o | Format-Table @{Label='x'}
$o | Format-List @{Name='x'; Expression='a'; Width=3}
$o | Format-Wide -Column 0
$o | Format-Wide -Column 2 -AutoSize
$o | Format-Table a -View Other
'done'
try { $o | Format-Table @{Foo='x'} } catch { $_.FullyQualifiedErrorId }
try { $o | Format-Table @{l='x'} } catch { $_.FullyQualifiedErrorId }
try { $o | Format-Wide -Column 0 } catch { $_.FullyQualifiedErrorId }
try { $o | Format-Wide -Column 2 -AutoSize } catch { $_.FullyQualifiedErrorId }
try { $o | Format-List a -View Other } catch { $_.FullyQualifiedErrorId }
