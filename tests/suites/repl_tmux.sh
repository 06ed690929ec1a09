#!/bin/bash
# The interactive shell in a real terminal: tmux runs hvsh, send-keys types, capture-pane
# reads the screen. Each case starts a fresh hvsh with a private HOME (history file) and the
# libvirt test driver with the lab fixture (VM names with spaces for completion).
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0
fail=0
if ! command -v tmux >/dev/null; then
    echo "tmux missing"
    echo "0 passed, 1 failed"
    exit 1
fi
T=$(mktemp -d)
export TMUX_TMPDIR=$T
NSTART=0
SOCK="hvsh-test-$$-0"
cleanup() {
    for i in $(seq 0 "$NSTART"); do tmux -L "hvsh-test-$$-$i" kill-server 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT
HOMEDIR=$T/home
mkdir -p "$HOMEDIR"
URI="test://$PWD/tests/fixtures/lab.xml"
# ASan builds are slower to start and to answer
WAIT=${REPL_WAIT:-8}
[ "${HVSH_TEST_BUILD:-}" = asan ] && WAIT=20

start() { # start a fresh hvsh in a 120x40 terminal (a new tmux server each time)
    tmux -L $SOCK kill-server 2>/dev/null
    NSTART=$((NSTART + 1))
    SOCK="hvsh-test-$$-$NSTART"
    tmux -L $SOCK new-session -d -s t -x 120 -y 40 \
        "env -i PATH=$PATH HOME=$HOMEDIR TERM=xterm-256color NO_COLOR=1 HVSH_URI=$URI ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} ${LSAN_OPTIONS:+LSAN_OPTIONS=$LSAN_OPTIONS} $HVSH -NoProfile -NoLogo; sleep 30"
    wait_for '^PS .*>' || { bad "hvsh starts (case $NSTART)"; return 1; }
}
screen() { tmux -L $SOCK capture-pane -p -t t; }
wait_for() { # regex on the screen, within $WAIT seconds
    local end=$((SECONDS + WAIT))
    while [ $SECONDS -lt $end ]; do
        screen | grep -qE -- "$1" && return 0
        sleep 0.1
    done
    return 1
}
keys() { tmux -L $SOCK send-keys -t t "$@"; }
ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() {
    fail=$((fail + 1))
    echo "not ok - $1"
    screen | sed 's/^/    | /' | grep -v '^    | $' | tail -15
}
check() { # name regex
    if wait_for "$2"; then ok "$1"; else bad "$1"; fi
}

# 1. a pipeline typed at the prompt
start && {
    keys '1..3 | ForEach-Object { $_ * 7 }' Enter
    check "pipeline output appears" '^21$'
    keys '"done-" + (2+3)' Enter
    check "prompt accepts the next command" '^done-5$'
}

# 2. a multi-line function definition: continuation prompt, then the call
start && {
    keys 'function Get-Greeting {' Enter
    check "open brace asks for more with >> " '^>>'
    keys '  param($Name)' Enter '  "Hello, $Name"' Enter '}' Enter
    keys 'Get-Greeting -Name World' Enter
    check "multi-line function runs" '^Hello, World$'
}

# 3. tab completion: cmdlet name, parameter, VM name with a space (quoted)
start && {
    keys 'Get-VMNetworkAd' Tab
    check "command name completes" 'Get-VMNetworkAdapter'
    keys C-u 'Get-VM -Na' Tab
    check "parameter name completes" 'Get-VM -Name'
    keys C-u "Get-VM -Name My" Tab
    check "VM name with a space completes quoted" "Get-VM -Name 'My VM \\(1\\)'"
    keys Enter
    check "the completed name finds the VM" 'My VM \(1\) +Off'
}

# 4. history across two sessions
start && {
    keys '"marker-" + 6*7' Enter
    check "first session runs a command" '^marker-42$'
    keys C-d
    sleep 0.5
}
start && {
    keys Up
    check "second session recalls it with Up" "PS .*> \"marker-\" \\+ 6\\*7"
    keys C-u 'Get-History | Select-Object -Last 1 | ForEach-Object CommandLine' Enter
    keys C-u 'r Get-Hist' Enter
    check "Invoke-History re-runs an entry" 'Get-History \| Select-Object'
}
if grep -q 'marker-' "$HOMEDIR/.local/share/hvsh/history" 2>/dev/null; then ok "history file written"; else bad "history file written"; fi
start && {
    keys '$password = "hunter2"' Enter
    sleep 0.5
    if grep -q hunter2 "$HOMEDIR/.local/share/hvsh/history"; then bad "secret-looking line kept out of history"; else ok "secret-looking line kept out of history"; fi
}

# 5. Ctrl-C stops a running command and returns to the prompt
start && {
    keys 'Start-Sleep 100' Enter
    sleep 1
    t0=$SECONDS
    keys C-c
    keys '"after-" + "interrupt"' Enter
    if wait_for '^after-interrupt$' && [ $((SECONDS - t0)) -lt 10 ]; then ok "Ctrl-C stops Start-Sleep"; else bad "Ctrl-C stops Start-Sleep"; fi
    keys 'half-typed line' C-c
    keys '"clean"' Enter
    check "Ctrl-C at the prompt discards the line" '^clean$'
}

# 6. an error does not end the shell; $? and $LASTEXITCODE as in pwsh
start && {
    keys 'Get-NoSuchThing' Enter
    check "error is shown" "Get-NoSuchThing: The term 'Get-NoSuchThing' is not recognized"
    keys '$?' Enter
    check "\$? is False after the error" '^False$'
    keys '"still-" + "alive"' Enter
    check "shell survives the error" '^still-alive$'
    keys 'sh -c "exit 7"; $LASTEXITCODE' Enter
    check "\$LASTEXITCODE from a native command" '^7$'
}

# 7. Ctrl-D on an empty line exits
start && {
    keys C-d
    if wait_for '^$' && sleep 0.5 && ! tmux -L $SOCK list-panes -F '#{pane_current_command}' 2>/dev/null | grep -q hvsh; then
        ok "Ctrl-D exits"
    else
        bad "Ctrl-D exits"
    fi
}

echo "repl: $pass passed, $fail failed"
[ $fail = 0 ]
