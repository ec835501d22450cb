param($a)
"from file: $a"
