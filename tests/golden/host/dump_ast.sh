# --dump-ast prints the parse tree (exit 0) for a file or -Command text, or every parse
# error (exit 1).  2026-11-24, host issue.
printf '$x = 1\nGet-Item a | Sort-Object\n' > dump_ast.tmp.ps1
"$PSMINI" --dump-ast dump_ast.tmp.ps1; echo "exit $?"
"$PSMINI" --dump-ast -c 'if ($a) { 1 } else { 2 }'; echo "exit $?"
"$PSMINI" --dump-ast -c '$x = (1' 2>&1; echo "exit $?"
"$PSMINI" --dump-ast -c '$x = (1; $y = 1 +' 2>&1; echo "exit $?"
rm -f dump_ast.tmp.ps1
