try { 1 } catch { 2 } catch [System.Exception] { 3 }
