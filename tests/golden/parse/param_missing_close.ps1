param($a, $b
