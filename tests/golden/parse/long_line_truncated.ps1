$result = Get-Something -Name 'aaaaaaaaaaaaaaaaaaaa' -Value 'bbbbbbbbbbbbbbbbbbbb' -Extra (1 + ) -Tail 'cccccccccccccccccccc'
