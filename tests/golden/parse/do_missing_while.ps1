do { $i++ }
