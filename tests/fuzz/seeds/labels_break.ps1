:lbl while ($true) { break lbl }
:a foreach ($x in 1) { continue a }
break; continue
