param($a)
"a=$a args=$($args.Count)"
exit 7
