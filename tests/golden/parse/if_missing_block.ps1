if ($true) 'x'
