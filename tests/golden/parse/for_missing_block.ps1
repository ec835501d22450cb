for ($i = 0; $i -lt 3; $i++)
