switch (1) {
    default { 'a' }
    default { 'b' }
}
