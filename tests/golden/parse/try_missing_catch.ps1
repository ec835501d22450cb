try { 1 }
'after'
