function f { param([Parameter() $a) }
