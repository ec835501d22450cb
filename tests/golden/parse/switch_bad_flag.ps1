switch -Foo ($x) { 1 { 'one' } }
