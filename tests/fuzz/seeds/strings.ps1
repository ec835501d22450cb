"hello $name and $($x + 1) and ${braced var} and $env:HOME and `t tab `" quote"
'single '' quoted'
"escape `$notvar `u{1F600} `0 `a `e"
"$global:x $script:y $using:z $$ $? $^ $_"
