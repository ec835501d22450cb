# Parameter names: any case, '-', '--' or '/', and prefixes as short as pwsh allows
# (-nop, -nol, -noni, -c, -f, -comm, -v, -h).  2026-11-24, host issue.
printf '$x = 1\n' > prefixes.tmp.ps1
for args in "-nop -nol -noni -c \$x=1" "-NOPROFILE -NoLogo -NONINTERACTIVE -COMMAND \$x=1" \
            "--noprofile --command \$x=1" "/nop /c \$x=1" "-comm \$x=1" "-noprof -f prefixes.tmp.ps1" \
            "-File prefixes.tmp.ps1" "prefixes.tmp.ps1" "-fi ./prefixes.tmp.ps1 a b -c d"; do
    "$PSMINI" $args; echo "psmini $args -> exit $?"
done
rm -f prefixes.tmp.ps1
