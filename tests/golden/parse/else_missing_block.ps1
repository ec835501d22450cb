if ($a) { 1 } else 'x'
