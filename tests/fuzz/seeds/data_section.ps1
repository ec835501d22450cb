data Messages { ConvertFrom-StringData "a = b" }
data -SupportedCommand Format-Thing { "x" }
