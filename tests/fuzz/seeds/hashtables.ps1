$h = @{
  Name = "value"
  "quoted key" = 1; 3 = "three"
  Nested = @{ Inner = @(1, 2, 3) }
  Block = { param($x) $x }
}
$e = @{}
