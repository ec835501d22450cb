Write-Output 'should not print'
exit 3
$x = (
