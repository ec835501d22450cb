if ($a) { 1 } elseif { 2 }
