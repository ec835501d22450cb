switch ($x) {
    1
}
