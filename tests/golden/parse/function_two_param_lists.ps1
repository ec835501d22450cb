function f($a) { param($b) }
