if ($a -gt 1) { "big" } elseif ($a -eq 1) { "one" } else { "small" }
if (-not $x) {
} else {
}
