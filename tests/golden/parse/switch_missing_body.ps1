switch ($x)
