$s.Substring(1, )
