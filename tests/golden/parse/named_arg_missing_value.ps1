function f { [CmdletBinding(PositionalBinding=)] param() }
