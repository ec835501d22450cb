# line comment
<# block
   comment #> $x = 1 # trailing
Write-Output a#notcomment b
<#
.SYNOPSIS
  help
#>
