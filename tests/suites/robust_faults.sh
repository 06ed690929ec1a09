#!/bin/bash
# robust_faults.sh — fault injection at every step (issue 7). For each mutating networking
# cmdlet (and netsh), in a fresh network namespace with its own state dir and resolv.conf:
#   1. run the set-up, then the command once with HVSH_FAULT_COUNT=1 to learn its steps
#      (the engine's mutating calls: netlink requests, nft batches, file writes, sysctl);
#   2. for each step N, redo the set-up in a fresh namespace and run the command with
#      HVSH_FAULT_AT=N: it must fail, say what failed (the injected EIO's text and the
#      cmdlet), and leave links, addresses, routes, the nftables ruleset, ip_forward,
#      resolv.conf and the state file exactly as they were before it ran — or tolerate
#      the fault: succeed with exactly the end state of the fault-free run.
# The fault-free run must succeed and change something (else the case proves nothing).
# Prints the number of (cmdlet, step) pairs covered. Env: HVSH; FAULT_FILTER=text runs
# only the cases whose name contains it. Ends "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
pass=0 fail=0 pairs=0
WORK=$(mktemp -d /tmp/hvsh-faults.XXXXXX)
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

ok() { pass=$((pass + 1)); echo "ok - $1"; }
# Known open bugs (tests/suites/robust_faults.known: one "case: step N/M" prefix per line) are
# reported as skipped, not hidden: each still prints, and the issue note lists them.
KNOWN=$(dirname "$0")/robust_faults.known
xfail=0
is_known() { [ -f "$KNOWN" ] && grep -v '^#' "$KNOWN" | grep -v '^$' | while IFS= read -r k; do case "$1" in "$k"*) echo y; break ;; esac; done | grep -q y; }
notok() {
    if is_known "$1"; then xfail=$((xfail + 1)); echo "skip - known bug: $1"; return; fi
    fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -25 | sed 's/^/#   /'; }

if [ "$(id -u)" = 0 ]; then NSCMD=(unshare -n); else NSCMD=(unshare -U -r -n); fi
for tool in jq nft ip; do
    command -v $tool >/dev/null || { echo "not ok - $tool is needed"; echo "0 passed, 1 failed"; exit 1; }
done
"${NSCMD[@]}" true 2>/dev/null || { echo "not ok - cannot create a network namespace"; echo "0 passed, 1 failed"; exit 1; }

# The snapshot of everything a networking cmdlet may change, normalised where the kernel
# renumbers without a change of meaning (nft handles, counters; link operstate, stats).
cat >"$WORK/snap.sh" <<'EOF'
{
echo "## links"
ip -j -d link | jq -S '[.[] | {ifname, ifalias, flags, mtu, master, address,
    kind: (.linkinfo.info_kind // null)}] | sort_by(.ifname)'
echo "## addresses"
ip -j addr | jq -S '[.[] | {ifname, a: ([.addr_info[] | {local, prefixlen, family}] | sort_by(.local))}] | sort_by(.ifname)'
echo "## routes"
ip -j route show table all | jq -S 'sort_by(.table // "", .dst, .dev // "", .gateway // "")'
ip -j -6 route show table all | jq -S 'sort_by(.table // "", .dst, .dev // "", .gateway // "")'
echo "## nftables"
nft -j list ruleset 2>/dev/null | jq -S '[.nftables[] | select(.metainfo | not)]
    | walk(if type == "object" then del(.handle, .packets, .bytes) else . end)'
echo "## ip_forward"
cat /proc/sys/net/ipv4/ip_forward
echo "## resolv.conf"
cat "$D/resolv.conf" 2>&1
echo "## state"
cat "$D/state/netstate.json" 2>/dev/null || echo "(no state file)"
ls -A "$D/state" | grep -v '^netstate\.\(json\|lock\)$' | sed 's/^/stray file: /'
}
EOF

# The command under test runs with ErrorAction Stop so any error surfaces as FAILED + exit 3;
# netsh reports through $LASTEXITCODE like the real one.
wrap_cmd() {
    printf '%s\n' '$ErrorActionPreference = "Stop"' 'try {' "    \$o = $1 | Out-String" \
        '    if ($LASTEXITCODE) { "FAILED: exit $LASTEXITCODE: $($o.Trim() -replace "\s+", " ")"; exit 3 }' '    "DONE"' \
        '} catch { "FAILED: $($_.Exception.Message)"; exit 3 }'
}

# one CASE N: fresh namespace, set-up, snapshot, command (N = 0: count the steps), snapshot
one() {
    local c=$1 n=$2 d="$WORK/$1/$2"
    rm -rf "$d"; mkdir -p "$d/state"
    printf 'search lab\nnameserver 9.9.9.9\n' >"$d/resolv.conf"
    cp "$WORK/$c/setup.ps1" "$WORK/$c/cmd.ps1" "$d/"
    local faultenv="HVSH_FAULT_COUNT=1"
    [ "$n" != 0 ] && faultenv="HVSH_FAULT_AT=$(($n + $(cat "$WORK/$c/offset")))"
    HVSH="$HVSH" D="$d" HVSH_STATE_DIR="$d/state" HVSH_RESOLV_CONF="$d/resolv.conf" \
        HVSH_URI=test:///default HVSH_SWITCH_BRIDGES=1 COLUMNS=120 NO_COLOR=1 \
        SNAP="$WORK/snap.sh" FAULTENV="$faultenv" \
        "${NSCMD[@]}" bash -c '
        cd "$D"
        # no IPv6 autoconfiguration: link-local addresses and routes appearing a moment
        # after a link comes up would make the before/after snapshots differ by themselves
        sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
        ip link set lo up
        ip link add Ethernet type veth peer name peer0 && ip link set Ethernet up && ip link set peer0 up
        ip addr add 10.9.0.2/24 dev Ethernet
        "$HVSH" -NoProfile -NonInteractive -File setup.ps1 >setup.out 2>&1 || echo "setup failed: $?" >>setup.out
        [ -s before ] || bash "$SNAP" >before 2>&1
        env $FAULTENV "$HVSH" -NoProfile -NonInteractive -File cmd.ps1 >out 2>err; echo $? >rc
        bash "$SNAP" >after 2>&1' >"$d/ns.log" 2>&1
}

# fcase NAME SETUP-PS1 COMMAND: set-up in its own hvsh process before the command's.
# fcase1 NAME SETUP-PS1 COMMAND: set-up and command in one process (the VMSwitch cmdlets:
# the libvirt test driver forgets its switches when the process ends); the snapshot is
# taken between them by a native call, and the steps of the set-up are skipped.
fcase() { fcase_run 2 "$@"; }
fcase1() { fcase_run 1 "$@"; }
fcase_run() {
    local procs=$1 c=$2 setup=$3 cmd=$4 d="$WORK/$2"
    [[ "$c" == *"${FAULT_FILTER:-}"* ]] || return 0
    mkdir -p "$d"
    echo 0 >"$d/offset"
    if [ "$procs" = 2 ]; then
        printf '%s\n' "$setup" >"$d/setup.ps1"
        wrap_cmd "$cmd" >"$d/cmd.ps1"
    else
        : >"$d/setup.ps1"
        printf '%s\n' "$setup" >"$d/cmd.ps1"
        one "$c" 0  # the set-up's own steps: the command's come after them
        grep '^hvsh-fault: ' "$d/0/err" | sed -E 's/^hvsh-fault: ([0-9]+) calls.*/\1/' >"$d/offset"
        { printf '%s\n' "$setup" '& bash $env:SNAP > before 2>&1'; wrap_cmd "$cmd"; } >"$d/cmd.ps1"
    fi
    one "$c" 0
    local z="$d/0"
    if grep -q 'setup failed\|Error\|error' "$z/setup.out"; then
        notok "$c: set-up runs cleanly" "$(cat "$z/setup.out")"
        return
    fi
    if [ "$(cat "$z/rc")" != 0 ] || ! grep -q '^DONE' "$z/out"; then
        notok "$c: succeeds without faults" "$(cat "$z/out" "$z/err")"
        return
    fi
    if cmp -s "$z/before" "$z/after"; then
        notok "$c: changes something without faults (else the case proves nothing)"
        return
    fi
    local line steps sites
    line=$(grep '^hvsh-fault: ' "$z/err" | tail -1)
    steps=$(echo "$line" | sed -E 's/^hvsh-fault: ([0-9]+) calls:.*/\1/')
    sites=$(echo "$line" | sed -E 's/^hvsh-fault: [0-9]+ calls: ?//')
    local off; off=$(cat "$d/offset")
    steps=$((steps - off))
    sites=$(echo "$sites" | cut -d' ' -f$((off + 1))-)
    if ! [[ "$steps" =~ ^[1-9][0-9]*$ ]]; then
        notok "$c: has at least one fault step" "$(cat "$z/err")"
        return
    fi
    ok "$c: succeeds and changes the system; $steps steps ($sites)"
    local n site
    for ((n = 1; n <= steps; n++)); do
        site=$(echo "$sites" | cut -d' ' -f$n)
        one "$c" $n
        local e="$d/$n" bad=""
        # a fault may also be tolerated: the command then succeeds with the same end state
        # as without the fault (a best-effort step such as an autostart flag)
        # (MAC addresses are random per namespace: left out of this comparison)
        if [ "$(cat "$e/rc")" = 0 ] && grep -q '^DONE' "$e/out" &&
            cmp -s <(grep -v '"address":' "$e/after") <(grep -v '"address":' "$z/after"); then
            pairs=$((pairs + 1))
            ok "$c: step $n/$steps ($site) is tolerated: same result as without the fault"
            continue
        fi
        [ "$(cat "$e/rc")" = 3 ] || bad+="exit $(cat "$e/rc"), not 3 (the error did not reach the script); "
        grep -q '^FAILED: .*Input/output error' "$e/out" ||
            bad+="the error does not name the failure ($(grep '^FAILED' "$e/out" | head -1)); "
        grep -qE 'Sanitizer|runtime error' "$e/err" && bad+="sanitizer report; "
        local diffout
        diffout=$(diff "$e/before" "$e/after")
        [ -n "$diffout" ] && bad+="the system changed; "
        pairs=$((pairs + 1))
        if [ -z "$bad" ]; then
            ok "$c: step $n/$steps ($site) fails cleanly and changes nothing"
        else
            notok "$c: step $n/$steps ($site): $bad" "$(grep FAILED "$e/out"; echo "$diffout" | head -30)"
        fi
    done
}

SW='New-VMSwitch -Name VmNat -SwitchType Internal | Out-Null'
IP='New-NetIPAddress -IPAddress 192.168.100.1 -PrefixLength 24 -InterfaceAlias "vEthernet (VmNat)" | Out-Null'
NAT='New-NetNat -Name VmNat -InternalIPInterfaceAddressPrefix 192.168.100.0/24 | Out-Null'
MAP='Add-NetNatStaticMapping -NatName VmNat -Protocol TCP -ExternalIPAddress 0.0.0.0 -ExternalPort 8080 -InternalIPAddress 192.168.100.10 -InternalPort 80 | Out-Null'
DNS='Set-DnsClientServerAddress -InterfaceAlias "vEthernet (VmNat)" -ServerAddresses 1.1.1.1,8.8.8.8'

# --- the seed's commands ---
fcase new-vmswitch-internal '' 'New-VMSwitch -SwitchName "VmNat" -SwitchType Internal'
fcase new-netipaddress "$SW" 'New-NetIPAddress -IPAddress 192.168.100.1 -PrefixLength 24 -InterfaceAlias "vEthernet (VmNat)"'
fcase new-netipaddress-gateway "$SW" 'New-NetIPAddress -IPAddress 192.168.100.1 -PrefixLength 24 -InterfaceAlias "vEthernet (VmNat)" -DefaultGateway 192.168.100.254'
fcase new-netnat "$SW
$IP" 'New-NetNat -Name VmNat -InternalIPInterfaceAddressPrefix 192.168.100.0/24'
fcase add-netnatstaticmapping "$SW
$IP
$NAT" 'Add-NetNatStaticMapping -NatName VmNat -Protocol TCP -ExternalIPAddress 0.0.0.0 -ExternalPort 8080 -InternalIPAddress 192.168.100.10 -InternalPort 80'
fcase set-dnsclientserveraddress "$SW
$IP" 'Set-DnsClientServerAddress -InterfaceAlias "vEthernet (VmNat)" -ServerAddresses 1.1.1.1,8.8.8.8'
fcase netsh-add-dnsserver "$SW
$IP" 'netsh interface ip add dnsserver "vEthernet (VmNat)" address=1.1.1.1 index=1'
# --- neighbours: the undo side and the other changes ---
fcase remove-netipaddress "$SW
$IP" 'Remove-NetIPAddress -IPAddress 192.168.100.1 -Confirm:$false'
fcase remove-netipaddress-gateway "$SW
New-NetIPAddress -IPAddress 192.168.100.1 -PrefixLength 24 -InterfaceAlias \"vEthernet (VmNat)\" -DefaultGateway 192.168.100.254 | Out-Null" \
    'Remove-NetIPAddress -IPAddress 192.168.100.1 -DefaultGateway 192.168.100.254 -Confirm:$false'
fcase set-netipaddress "$SW
$IP" 'Set-NetIPAddress -IPAddress 192.168.100.1 -PrefixLength 16'
fcase new-netroute "$SW
$IP" 'New-NetRoute -DestinationPrefix 10.20.0.0/16 -InterfaceAlias "vEthernet (VmNat)" -NextHop 192.168.100.254'
fcase remove-netroute "$SW
$IP
New-NetRoute -DestinationPrefix 10.20.0.0/16 -InterfaceAlias \"vEthernet (VmNat)\" -NextHop 192.168.100.254 | Out-Null" \
    'Remove-NetRoute -DestinationPrefix 10.20.0.0/16 -Confirm:$false'
fcase remove-netnatstaticmapping "$SW
$IP
$NAT
$MAP" 'Get-NetNatStaticMapping -NatName VmNat | Remove-NetNatStaticMapping -Confirm:$false'
fcase remove-netnat "$SW
$IP
$NAT
$MAP" 'Remove-NetNat -Name VmNat -Confirm:$false'
fcase reset-dnsclientserveraddress "$SW
$IP
$DNS" 'Set-DnsClientServerAddress -InterfaceAlias "vEthernet (VmNat)" -ResetServerAddresses'
fcase netsh-delete-dnsserver "$SW
$IP
$DNS" 'netsh interface ip delete dnsserver "vEthernet (VmNat)" all'
fcase rename-netadapter "$SW
$IP" 'Rename-NetAdapter -Name "vEthernet (VmNat)" -NewName "NatNic"'
fcase disable-netadapter "$SW" 'Disable-NetAdapter -Name "vEthernet (VmNat)" -Confirm:$false'
fcase1 rename-vmswitch "$SW
$IP" 'Rename-VMSwitch -Name VmNat -NewName LabNat'
fcase1 remove-vmswitch "$SW
$IP
$DNS" 'Remove-VMSwitch -Name VmNat -Force'
fcase new-vmswitch-external '' 'New-VMSwitch -Name Ext -NetAdapterName Ethernet -AllowManagementOS $true'
fcase1 remove-vmswitch-external 'New-VMSwitch -Name Ext -NetAdapterName Ethernet -AllowManagementOS $true | Out-Null' \
    'Remove-VMSwitch -Name Ext -Force'

# --- NetSecurity: firewall rules (one nft batch for `inet hvsh_fw` + the state file) ---
FW='New-NetFirewallRule -DisplayName "Allow SSH" -Name SSH-In -Protocol TCP -LocalPort 22 | Out-Null'
fcase new-netfirewallrule '' 'New-NetFirewallRule -DisplayName "Allow SSH" -Name SSH-In -Protocol TCP -LocalPort 22 -RemoteAddress 10.0.0.0/24'
fcase new-netfirewallrule-second "$FW" 'New-NetFirewallRule -DisplayName "Block SMB" -Direction Outbound -Protocol TCP -RemotePort 445 -Action Block'
fcase set-netfirewallrule "$FW" 'Set-NetFirewallRule -Name SSH-In -LocalPort 2222 -Action Block'
fcase disable-netfirewallrule "$FW" 'Disable-NetFirewallRule -DisplayName "Allow SSH"'
fcase remove-netfirewallrule "$FW" 'Remove-NetFirewallRule -Name SSH-In'

# ---- the VM cmdlets on the libvirt test driver (state lives in the process: set-up, the
# snapshots before and after and the command run in one hvsh; the snapshot is every
# property a Get-* cmdlet shows that time does not change) ----
LAB="test://$PWD/tests/fixtures/lab.xml"
VSNAP='function Snap {
    Get-VM | Sort-Object Name | Select-Object Name, Id, State, ProcessorCount, MemoryStartup,
        MemoryMinimum, MemoryMaximum, DynamicMemoryEnabled, Generation, Notes, CheckpointType,
        AutomaticStartAction, AutomaticStopAction, ParentSnapshotName | ConvertTo-Json -Depth 2
    Get-VMSnapshot -VMName * | Sort-Object VMName, Name | Select-Object VMName, Name, ParentSnapshotName | ConvertTo-Json
    Get-VMNetworkAdapter -VMName * | Sort-Object VMName, Name | Select-Object VMName, Name, SwitchName, MacAddress, DynamicMacAddressEnabled | ConvertTo-Json
    Get-VMHardDiskDrive -VMName * | Sort-Object VMName, Path | Select-Object VMName, Path, ControllerType, ControllerNumber, ControllerLocation | ConvertTo-Json
    Get-VMDvdDrive -VMName * | Sort-Object VMName, Path | Select-Object VMName, Path, ControllerNumber, ControllerLocation | ConvertTo-Json
    Get-VMProcessor -VMName * | Sort-Object VMName | Select-Object VMName, Count, ExposeVirtualizationExtensions | ConvertTo-Json
    Get-VMSwitch | Sort-Object Name | Select-Object Name, SwitchType | ConvertTo-Json
}'
# vcase NAME SETUP COMMAND
vcase() {
    local c=$1 setup=$2 cmd=$3 d="$WORK/$1"
    [[ "$c" == *"${FAULT_FILTER:-}"* ]] || return 0
    mkdir -p "$d"
    { printf '%s\n' "$VSNAP" "$setup" 'Snap | Out-File before.vm'; } >"$d/setup-only.ps1"
    { printf '%s\n' "$VSNAP" "$setup" 'Snap | Out-File before.vm' '$ErrorActionPreference = "Stop"' '$r = "DONE"' \
        "try { $cmd | Out-Null } catch { \$r = \"FAILED: \$(\$_.Exception.Message)\" }" \
        '$ErrorActionPreference = "Continue"' 'Snap | Out-File after.vm' '$r' 'if ($r -ne "DONE") { exit 3 }'; } >"$d/cmd.ps1"
    vrun() { # N (0 = count) SCRIPT -> $d/N/
        local e="$d/$1"; rm -rf "$e"; mkdir -p "$e"
        local fe="HVSH_FAULT_COUNT=1"; [ "$1" != 0 ] && fe="HVSH_FAULT_AT=$1"
        (cd "$e" && env $fe HVSH_URI="$LAB" COLUMNS=200 "$HVSH" -NoProfile -NonInteractive -File "$d/$2" >out 2>err; echo $? >rc)
    }
    vrun 0 setup-only.ps1; mv "$d/0" "$d/s"
    local off; off=$(grep '^hvsh-fault: ' "$d/s/err" | sed -E 's/^hvsh-fault: ([0-9]+) calls.*/\1/')
    vrun 0 cmd.ps1
    local z="$d/0" line steps sites
    if [ "$(cat "$z/rc")" != 0 ] || ! grep -q '^DONE' "$z/out"; then
        notok "$c: succeeds without faults" "$(cat "$z/out" "$z/err" | head -20)"; return
    fi
    if cmp -s "$z/before.vm" "$z/after.vm"; then
        notok "$c: changes something without faults (else the case proves nothing)"; return
    fi
    line=$(grep '^hvsh-fault: ' "$z/err" | tail -1)
    steps=$(( $(echo "$line" | sed -E 's/^hvsh-fault: ([0-9]+) calls:.*/\1/') - ${off:-0} ))
    sites=$(echo "$line" | sed -E 's/^hvsh-fault: [0-9]+ calls: ?//' | cut -d' ' -f$((${off:-0} + 1))-)
    if [ "$steps" -lt 1 ]; then notok "$c: has at least one fault step" "$line"; return; fi
    ok "$c: succeeds and changes the VMs; $steps steps ($sites)"
    local n site
    for ((n = 1; n <= steps; n++)); do
        site=$(echo "$sites" | cut -d' ' -f$n)
        vrun $((n + off)) cmd.ps1
        local e="$d/$((n + off))" bad="" diffout
        if [ "$(cat "$e/rc")" = 0 ] && grep -q '^DONE' "$e/out" && cmp -s "$e/after.vm" "$z/after.vm"; then
            pairs=$((pairs + 1))
            ok "$c: step $n/$steps ($site) is tolerated: same result as without the fault"
            continue
        fi
        [ "$(cat "$e/rc")" = 3 ] || bad+="exit $(cat "$e/rc"), not 3; "
        grep -q '^FAILED: .*Input/output error' "$e/out" ||
            bad+="the error does not name the failure ($(grep '^FAILED' "$e/out" | head -1)); "
        grep -qE 'Sanitizer|runtime error' "$e/err" && bad+="sanitizer report; "
        diffout=$(diff "$e/before.vm" "$e/after.vm")
        [ -n "$diffout" ] && bad+="the VMs changed; "
        pairs=$((pairs + 1))
        if [ -z "$bad" ]; then
            ok "$c: step $n/$steps ($site) fails cleanly and changes nothing"
        else
            notok "$c: step $n/$steps ($site): $bad" "$(grep FAILED "$e/out"; echo "$diffout" | head -20)"
        fi
    done
}
vcase new-vm '' 'New-VM -Name f1 -MemoryStartupBytes 1GB -Generation 2'
vcase set-vm '' 'Set-VM -Name web01 -ProcessorCount 4 -Notes "changed" -AutomaticStopAction ShutDown'
vcase set-vm-rename '' 'Set-VM -Name web01 -ProcessorCount 3 -MemoryStartupBytes 2GB -NewVMName "web 09"'
vcase set-vmmemory '' 'Set-VMMemory -VMName web01 -DynamicMemoryEnabled $true -MinimumBytes 512MB -StartupBytes 1GB -MaximumBytes 4GB'
vcase set-vmprocessor '' 'Set-VMProcessor -VMName web01 -Count 4 -ExposeVirtualizationExtensions $true'
vcase start-vm '' 'Start-VM -Name web01'
vcase stop-vm-turnoff '' 'Stop-VM -Name db01 -TurnOff -Force'
vcase suspend-vm '' 'Suspend-VM -Name db01'
vcase resume-vm 'Suspend-VM -Name db01' 'Resume-VM -Name db01'
vcase save-vm '' 'Save-VM -Name db01'
vcase checkpoint-vm '' 'Checkpoint-VM -Name web01 -SnapshotName c1'
vcase restore-vmsnapshot 'Checkpoint-VM -Name web01 -SnapshotName c1; Set-VM -Name web01 -ProcessorCount 3' 'Restore-VMSnapshot -VMName web01 -Name c1 -Confirm:$false'
vcase remove-vmsnapshot 'Checkpoint-VM -Name web01 -SnapshotName c1' 'Remove-VMSnapshot -VMName web01 -Name c1'
vcase remove-vm '' 'Remove-VM -Name web01 -Force'
vcase add-vmnetworkadapter '' 'Add-VMNetworkAdapter -VMName web01 -SwitchName VmNAT -Name nic2'
vcase connect-vmnetworkadapter '' 'Connect-VMNetworkAdapter -VMName web01 -SwitchName "Lab Private"'
vcase remove-vmnetworkadapter '' 'Get-VMNetworkAdapter -VMName web01 | Remove-VMNetworkAdapter'
vcase add-vmdvddrive '' 'Add-VMDvdDrive -VMName web01'
vcase new-vmswitch-private '' 'New-VMSwitch -Name Priv2 -SwitchType Private'
vcase remove-vmswitch-private '' 'Remove-VMSwitch -Name "Lab Private" -Force'
vcase rename-vmswitch-private '' 'Rename-VMSwitch -Name "Lab Private" -NewName "Lab Isolated"'
# the firmware, BIOS, integration service and controller settings too (Snap is redefined in
# the set-up, which runs after the base definition)
VSNAPX="${VSNAP%\}}"'    Get-VM | Sort-Object Name | ForEach-Object { if ($_.Generation -eq 2) {
        Get-VMFirmware -VM $_ | Select-Object VMName, SecureBoot, SecureBootTemplate, PreferredNetworkBootProtocol, @{n = "Boot"; e = { $_.BootOrder.FirmwarePath -join "," } }
    } else { Get-VMBios -VM $_ | Select-Object VMName, @{n = "Order"; e = { $_.StartupOrder -join "," } }, NumLockEnabled } } | ConvertTo-Json
    Get-VMIntegrationService -VMName * | Sort-Object VMName, Name | Select-Object VMName, Name, Enabled | ConvertTo-Json
    Get-VMScsiController -VMName * | Select-Object VMName, ControllerNumber | ConvertTo-Json
    Get-VMSecurity -VMName * | Select-Object VMName, TpmEnabled, EncryptStateAndVmMigrationTraffic | ConvertTo-Json
    @(Get-VMKeyProtector -VMName *).Count
    Get-VMComPort -VMName * | Select-Object VMName, Name, Path | ConvertTo-Json
    if (Test-Path ./imp) { (Get-ChildItem ./imp).Name }
}'
vcase set-vmfirmware "$VSNAPX
New-VM -Name g2 -Generation 2 | Out-Null; Add-VMDvdDrive -VMName g2" 'Set-VMFirmware -VMName g2 -EnableSecureBoot On -FirstBootDevice (Get-VMDvdDrive -VMName g2) -PreferredNetworkBootProtocol IPv6'
vcase set-vmbios "$VSNAPX" 'Set-VMBios -VMName web01 -StartupOrder CD, IDE, LegacyNetworkAdapter, Floppy -EnableNumLock'
vcase enable-vmintegrationservice "$VSNAPX" 'Enable-VMIntegrationService -VMName web01 -Name Heartbeat, VSS'
vcase disable-vmintegrationservice "$VSNAPX
Enable-VMIntegrationService -VMName web01 -Name Heartbeat" 'Disable-VMIntegrationService -VMName web01 -Name *'
vcase rename-vm '' 'Rename-VM -Name web01 -NewName web09'
vcase remove-vmdvddrive 'Add-VMDvdDrive -VMName web01 -Path /srv/a.iso' 'Remove-VMDvdDrive -VMName web01 -ControllerNumber 0 -ControllerLocation 1'
vcase set-vmharddiskdrive '' 'Set-VMHardDiskDrive -VMName web01 -ControllerType IDE -ControllerNumber 0 -ControllerLocation 0 -ToControllerType SCSI -Path /var/lib/hvsh/w2.qcow2'
vcase add-vmscsicontroller "$VSNAPX" 'Add-VMScsiController -VMName web01'
vcase remove-vmscsicontroller "$VSNAPX
Add-VMHardDiskDrive -VMName web01 -ControllerType SCSI -Path /var/lib/hvsh/s.qcow2" 'Remove-VMScsiController -VMName web01 -ControllerNumber 0'
vcase set-vmkeyprotector "$VSNAPX
New-VM -Name g2 -Generation 2 | Out-Null" 'Set-VMKeyProtector -VMName g2 -NewLocalKeyProtector'
vcase enable-vmtpm "$VSNAPX
New-VM -Name g2 -Generation 2 | Out-Null; Set-VMKeyProtector -VMName g2 -NewLocalKeyProtector" 'Enable-VMTPM -VMName g2'
vcase set-vmsecurity "$VSNAPX" 'Set-VMSecurity -VMName web01 -EncryptStateAndVmMigrationTraffic $true'
vcase set-vmcomport "$VSNAPX" 'Set-VMComPort -VMName web01 -Number 2 -Path /run/hvsh-test/web01-com2.sock'
vcase import-vm-copy "$VSNAPX
New-VHD -Path ./d.vhdx -SizeBytes 8MB | Out-Null; Add-VMHardDiskDrive -VMName web01 -ControllerType SCSI -Path (Resolve-Path ./d.vhdx).Path
Export-VM -Name web01 -Path . ; Rename-VM web01 web01-orig; New-Item -ItemType Directory ./imp | Out-Null" 'Import-VM -Path (Get-ChildItem "./web01/Virtual Machines").FullName -Copy -GenerateNewId -VhdDestinationPath ./imp'
vcase rename-vmsnapshot 'Checkpoint-VM -Name web01 -SnapshotName c1; Checkpoint-VM -Name web01 -SnapshotName c2' 'Rename-VMSnapshot -VMName web01 -Name c1 -NewName "Base image"'
vcase enable-vmresourcemetering "${VSNAP%\}}"'    (Get-VM | Measure-VM -ErrorAction SilentlyContinue).VMName -join ","
}' 'Enable-VMResourceMetering -VMName web01'

echo "# fault pairs covered: $pairs (cmdlet, step)"
echo "$pass passed, $fail failed, $xfail skipped"
[ $fail = 0 ]
