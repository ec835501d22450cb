if $x { }
foreach x in y { }
function { }
$x = @{ a = }
"unterminated
'also
@"
here
