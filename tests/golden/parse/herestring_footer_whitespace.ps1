$h = @"
body
  "@
