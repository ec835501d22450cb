while () { 'x' }
