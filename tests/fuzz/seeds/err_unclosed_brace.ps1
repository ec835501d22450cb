function f {
  if ($x) {
    "no close"
