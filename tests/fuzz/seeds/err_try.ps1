try { 1 }
catch { } catch [x] { }
