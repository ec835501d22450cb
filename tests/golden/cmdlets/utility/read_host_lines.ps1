# Helper of read_host_stdin.sh (no .out: not a test on its own).
$name = Read-Host -Prompt 'Your name'
"got [$name]"
$second = Read-Host
"then [$second]"
$none = Read-Host 'More'
"end: $($null -eq $none)"
