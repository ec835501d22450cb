$s.Length; $s.Split(".")[0]; $obj?.Prop; $arr?[0]; $o.$name; $h."with space"; $h.'key'
$list.ForEach{ $_ * 2 }; $list.Where({ $_ -gt 1 }, "First")
[datetime]::Now.AddDays(-1).ToString("yyyy")
