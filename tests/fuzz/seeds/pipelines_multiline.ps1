Get-Process |
  Where-Object CPU -gt 10 |
  Select-Object -First 5
Get-Item x
  | Format-List
