switch -regex -casesensitive ($value) {
  "^a" { "starts with a"; break }
  { $_ -gt 3 } { "gt3" }
  default { "other" }
}
switch -wildcard -file ./x.txt { "*.ps1" { continue } }
switch -exact (1, 2, 3) { 1 { "one" } }
