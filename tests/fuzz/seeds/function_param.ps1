function Get-Thing {
  [CmdletBinding(SupportsShouldProcess)]
  [OutputType([string])]
  param(
    [Parameter(Mandatory, Position = 0, ValueFromPipeline = $true)]
    [ValidateSet("a", "b")]
    [Alias("N")]
    [string[]] $Name,
    [int] $Count = 3,
    [switch] $Force
  )
  begin { $acc = @() }
  process { $acc += $Name }
  end { $acc }
  clean { }
}
filter Double { $_ * 2 }
function global:f($x, $y = 2) { return $x + $y }
