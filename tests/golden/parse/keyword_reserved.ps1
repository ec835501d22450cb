$x = 1
from
