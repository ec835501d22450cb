try { throw "boom" } catch [System.IO.IOException], [System.Exception] { $_ } finally { "done" }
try { 1 } finally { 2 }
trap [System.DivideByZeroException] { "trapped"; continue }
throw
