$r = $a ? "yes" : "no"
$s = $null ?? "default"
$t = $a -gt 1 ? ($b ?? 2) : $c ? 1 : 0
