try { 1 } finally
