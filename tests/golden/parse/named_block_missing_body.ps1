function f {
    begin
}
