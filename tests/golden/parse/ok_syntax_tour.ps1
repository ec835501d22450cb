# Parses cleanly and produces no output even once the evaluator runs it: everything
# interesting sits in a function that is never called.  2026-11-24, host issue.
function Unused-Tour {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [string] $Name,
        [int[]] $Numbers = @(1, 2, 3),
        [switch] $Force
    )
    begin { $total = 0 }
    process {
        $h = @{ a = 1; 'b c' = "two $Name"; d = @{ nested = $true } }
        $list = 1..10 | Where-Object { $_ % 2 -eq 0 } | ForEach-Object { $_ * 2 }
        $s = "sub $($h.a + 1) and ${Name}"
        $v = [int]'42' + 0x10 - 1e3 / 2.5
        $t = if ($Force) { 'yes' } elseif ($v -gt 3) { 'big' } else { 'no' }
        $c = $null ?? 'default'
        $q = $v -gt 0 ? 'pos' : 'neg'
        foreach ($n in $Numbers) { $total += $n }
        for ($i = 0; $i -lt 3; $i++) { continue }
        while ($false) { break }
        do { $i-- } until ($i -le 0)
        switch -Wildcard ($Name) {
            'a*' { 'starts with a' }
            default { 'other' }
        }
        try { throw 'x' } catch [System.Exception] { $_.Exception.Message } finally { }
        Get-ChildItem -Path . -Filter *.ps1 2>$null | Sort-Object Name -Descending
        $x = $h.d.nested -and -not $Force
        $here = @'
verbatim $text
'@
        $expand = @"
line $Name
"@
        $arr = $list[0], $list[-1]
        $m = 'abc'.Substring(1).ToUpper()
        $null = [System.Math]::Max(1, 2)
        Write-Output `
            'continued'
        & { param($p) $p } 1
        $ok = (Test-Path .) && (Test-Path ..) || $false
    }
    end { $total }
}
