while ($i -lt 3 { $i++ }
