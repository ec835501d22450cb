$x; ${a b}; $global:x; $env:PATH; @splat; $function:foo; $private:p; ${env:ProgramFiles(x86)}
Invoke-Thing @params -Extra 1
