:outer foreach ($i in 1..3) {
  for ($j = 0; $j -lt 3; $j++) { if ($j -eq 1) { continue outer }; break }
}
while ($true) { break }
do { $k++ } while ($k -lt 5)
do { $k-- } until ($k -le 0)
for (;;) { break }
