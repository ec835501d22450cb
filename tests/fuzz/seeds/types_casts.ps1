[int]"7"; [int[]]$x; [System.Collections.Generic.List[string]]::new()
[string]1 + 2; [math]::Round(2.5); [int]::MaxValue
[ordered]@{ a = 1; b = 2 }; [pscustomobject]@{ Name = "x"; Value = 1 }
[void](Get-Thing)
[System.Collections.Generic.Dictionary[string, int[]]]$d = @{}
