function f {
    'a'
