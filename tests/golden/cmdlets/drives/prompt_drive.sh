# The interactive prompt on a provider drive: "PS Env:\> " and "PS Variable:\> ", back to
# the directory after cd to a file-system path; native programs started meanwhile run in
# the last file-system directory.
printf '%s\n' \
    'cd env:' \
    '$env:PSMINI_PROMPT_TEST = "x"; (Get-Item PSMINI_PROMPT_TEST).Value' \
    '(sh -c pwd) -eq $ExecutionContext.SessionState.Path.CurrentFileSystemLocation.Path' \
    'cd variable:' \
    'cd -' \
    'cd $ExecutionContext.SessionState.Path.CurrentFileSystemLocation.Path' \
    '"done"' | "$PSMINI" --test-repl 2>&1
echo "exit $?"
