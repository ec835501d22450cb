# 2026-11-24, foundation issue (fuzzer find): unclosed "$(" pieces in bare words parsed the
# rest of the file once per piece, so 152 bytes built 707,168 nodes and 3.8 KB took 23 GB.
# A "$(" piece is now parsed within its own bounds.  200 copies of the 76-byte unit must
# fail to parse (exit 1) well inside a 1 GB address-space limit.
unit='b$([{)b$( {)
b$( {)b$([{)
b$([{)
b$([{)
b$([0[{)
b$(@{)
'
# Under ASan (which reserves terabytes of address space) only the time limit applies.
capped() {
    if [ -n "$ASAN_OPTIONS" ]; then timeout 120 "$@"; else (ulimit -v 1000000; timeout 120 "$@"); fi
}
i=0; : > subexpr_words.tmp
while [ $i -lt 200 ]; do printf '%s' "$unit" >> subexpr_words.tmp; i=$((i + 1)); done
capped "$PSMINI" --dump-ast subexpr_words.tmp >/dev/null 2>&1; echo "exit $?"
rm -f subexpr_words.tmp
# A statement inside a "$(" piece that consumes nothing at the piece's limit must not spin:
# `a$(b${x)` (an unterminated ${ inside the piece) ran out of memory.  2026-11-24.
printf '%s\n' 'a$(b${x)' > subexpr_spin.tmp
capped "$PSMINI" --dump-ast subexpr_spin.tmp >/dev/null 2>&1; echo "exit $?"
rm -f subexpr_spin.tmp
