$x = ${abc
