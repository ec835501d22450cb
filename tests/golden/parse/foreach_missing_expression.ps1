foreach ($i in ) { $i }
