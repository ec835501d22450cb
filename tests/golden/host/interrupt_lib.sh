# Helpers of the interrupt_*.sh tests (not a test itself: it has no .out).  Work files live in
# $work, removed on exit.  No timing is asserted: the tests wait for marker text, then signal;
# the bounds below only keep a broken build from hanging the suite.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# wait_for TEXT FILE: until FILE holds TEXT (a grep pattern); gives up after about 20 s.
wait_for() {
    i=0
    while ! grep -q -- "$1" "$2" 2>/dev/null; do
        i=$((i + 1))
        if [ $i -gt 400 ]; then
            echo "gave up waiting for '$1'"
            return 1
        fi
        sleep 0.05
    done
}

# wait_count N TEXT FILE: until N lines of FILE hold TEXT; gives up after about 20 s.
wait_count() {
    i=0
    while [ "$(grep -c -- "$2" "$3" 2>/dev/null)" -lt "$1" ]; do
        i=$((i + 1))
        if [ $i -gt 400 ]; then
            echo "gave up waiting for $1 x '$2'"
            return 1
        fi
        sleep 0.05
    done
}

# The pid a psmini wrote on its marker line "ready <pid>" in FILE.
ready_pid() {
    sed -n 's/.*ready \([0-9][0-9]*\).*/\1/p' "$1" | head -n 1
}

# FILE with the pid of the marker line hidden.
show() {
    sed 's/ready [0-9][0-9]*/ready <pid>/' "$1"
}

# run_interrupted CODE: run `psmini -c CODE` in the background, send it SIGINT once it has
# written its marker line "ready <pid>", then print its exit status, its stdout (pid hidden)
# and its stderr.
run_interrupted() {
    : >"$work/out" # before the background start: wait_for must not see the last run's file
    timeout -s KILL 20 "$PSMINI" -NoProfile -c "$1" >>"$work/out" 2>"$work/err" &
    bg=$!
    wait_for ready "$work/out" && kill -INT "$(ready_pid "$work/out")"
    wait $bg
    echo "exit $?"
    show "$work/out"
    cat "$work/err"
}

# start_tty: an interactive psmini on a pseudo-terminal (util-linux `script`, exec'd so that no
# shell sits between it and the terminal's signals), its keyboard the fifo $work/in held open
# on fd 3, its screen $work/out; $bg is the background pid.  Bounded at 30 s.
start_tty() {
    mkfifo "$work/in"
    timeout -s KILL 30 script -qec "stty cols 200; exec '$PSMINI' -NoProfile" /dev/null \
        <"$work/in" >"$work/out" 2>&1 &
    bg=$!
    exec 3>"$work/in"
}

# prompts N: until the terminal has shown N prompts
prompts() {
    wait_count "$1" 'PS /' "$work/out"
}

# end_tty: Ctrl+D, then the exit status and the screen (CRs and bracketed-paste codes
# dropped, marker pids and the work folder hidden, control characters made visible).
end_tty() {
    printf '\004' >&3
    exec 3>&-
    wait $bg
    echo "exit $?"
    tr -d '\r' <"$work/out" |
        sed -e 's/\x1b\[?2004[hl]//g' -e 's/ready [0-9][0-9]*/ready <pid>/g' -e "s|$work|<work>|g" |
        cat -v
}
