data -Foo { 'x' }
