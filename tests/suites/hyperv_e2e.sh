#!/bin/bash
# hyperv_e2e.sh — the Hyper-V cmdlets end to end against a real libvirtd + QEMU (TCG),
# started here in a private mount + network namespace (engine-lab §3 recipe) and stopped
# afterwards, also on failure. Results are read back with virsh as an independent check.
# Needs root (unshare -m); otherwise reports itself skipped. Ends with "N passed, N failed".
set -u
HVSH=${HVSH:-$(cd "$(dirname "$0")/../.." && pwd)/hvsh}
pass=0
fail=0
skip() {
    echo "hyperv_e2e: skipped ($1)"
    echo "skipped: 1"
    echo "0 passed, 0 failed"
    exit 0
}
[ "$(id -u)" = 0 ] || skip "not root"
command -v unshare >/dev/null && command -v nsenter >/dev/null || skip "unshare/nsenter unavailable"
[ -x /usr/sbin/libvirtd ] || skip "libvirtd not installed"
command -v virsh >/dev/null || skip "virsh not installed"
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86 not installed"
unshare --mount --net --propagation private true 2>/dev/null || skip "unshare --mount --net not permitted"

ok() { pass=$((pass + 1)); echo "ok - $*"; }
bad() { fail=$((fail + 1)); echo "not ok - $*"; }
check() { # description, command...
    local d=$1
    shift
    if "$@" >/dev/null 2>&1; then ok "$d"; else bad "$d"; return 1; fi
}

STATE=$(mktemp -d /tmp/hvsh-e2e.XXXXXX)
DPID=
# the whole suite is capped: a watchdog ends it (and the trap cleans up) after 170 s
(sleep 170 && kill -TERM $$) 2>/dev/null &
WATCHDOG=$!
cleanup() {
    kill "$WATCHDOG" 2>/dev/null
    if [ -n "$DPID" ] && kill -0 "$DPID" 2>/dev/null; then
        # QEMU survives a libvirtd SIGTERM: destroy the domains first
        for u in $(virsh -c "$URI" list --uuid 2>/dev/null); do
            virsh -c "$URI" destroy "$u" >/dev/null 2>&1
        done
        kill -TERM "$DPID" 2>/dev/null
        for _ in $(seq 50); do kill -0 "$DPID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$DPID" 2>/dev/null
    fi
    # any QEMU of ours still alive (its pidfile lives in the state folder)
    for p in "$STATE"/run/libvirt/qemu/*.pid; do
        [ -f "$p" ] && kill -KILL "$(cat "$p")" 2>/dev/null
    done
    rm -rf "$STATE"
}
trap cleanup EXIT INT TERM

mkdir -p "$STATE"/run "$STATE"/var/log/libvirt "$STATE"/var/lib "$STATE"/var/cache \
    "$STATE"/etc/nwfilter "$STATE"/etc/qemu
cp /etc/passwd /etc/group "$STATE"/
# An ASan build intercepts the XDR functions libvirt's RPC uses, but resolves the real ones
# at start-up, before libvirt (and its libtirpc) is dlopen'ed: the interceptor then calls
# NULL. Preloading libtirpc lets ASan find them (a sanitizer limitation, not an hvsh bug).
if nm -D "$HVSH" 2>/dev/null | grep -q __asan_init; then
    TIRPC=$(ls /lib/*/libtirpc.so.3 /usr/lib/*/libtirpc.so.3 2>/dev/null | head -1)
    [ -n "$TIRPC" ] && export LD_PRELOAD=$TIRPC ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
fi
# a private copy: other builds may replace the binary while the suite runs
cp "$HVSH" "$STATE"/hvsh.bin && HVSH=$STATE/hvsh.bin
grep -q '^libvirt-qemu:' "$STATE"/passwd ||
    echo 'libvirt-qemu:x:64055:64055::/var/lib/libvirt:/usr/sbin/nologin' >>"$STATE"/passwd
grep -q '^libvirt-qemu:' "$STATE"/group || echo 'libvirt-qemu:x:64055:' >>"$STATE"/group
printf 'unix_sock_dir = "/run/libvirt"\nauth_unix_ro = "none"\nauth_unix_rw = "none"\nunix_sock_rw_perms = "0770"\nlog_outputs = "3:file:/var/log/libvirt/libvirtd.log"\n' >"$STATE"/etc/libvirtd.conf
# plain TCP on the namespace's loopback stands in for a remote host (-ComputerName)
printf 'listen_tls = 0\nlisten_tcp = 1\nlisten_addr = "127.0.0.1"\nauth_tcp = "none"\n' >>"$STATE"/etc/libvirtd.conf
printf 'stdio_handler = "file"\nuser = "root"\ngroup = "root"\ncgroup_controllers = [ ]\n' >"$STATE"/etc/qemu.conf
cp /usr/share/libvirt/nwfilter/*.xml "$STATE"/etc/nwfilter/ 2>/dev/null
unshare --mount --net --propagation private -- sh -c '
  mount --bind "$0/run" /run; mount --bind "$0/var" /var; mount --bind "$0/etc" /etc/libvirt
  mount --bind "$0/passwd" /etc/passwd; mount --bind "$0/group" /etc/group
  mount -t sysfs sysfs /sys; ip link set lo up
  exec /usr/sbin/libvirtd --listen --config /etc/libvirt/libvirtd.conf --pid-file /run/libvirtd.pid' "$STATE" \
    >"$STATE"/libvirtd.out 2>&1 &
DPID=$!
URI="qemu:///system?socket=$STATE/run/libvirt/libvirt-sock"
export LIBVIRT_DEFAULT_URI=$URI
for _ in $(seq 100); do
    [ -S "$STATE/run/libvirt/libvirt-sock" ] && virsh -c "$URI" uri >/dev/null 2>&1 && break
    sleep 0.05
done
if ! virsh -c "$URI" uri >/dev/null 2>&1; then
    bad "libvirtd did not start: $(tail -3 "$STATE"/libvirtd.out)"
    echo "$pass passed, $fail failed"
    exit 1
fi
ok "private libvirtd answers"

# hvsh runs inside the daemon's network namespace, so its bridges are the daemon's
# (host state files of the network cmdlets go to the state folder too)
hvenv() {
    HVSH_URI=$URI HVSH_VM_DOMAIN_TYPE=qemu HVSH_SHUTDOWN_TIMEOUT=2 COLUMNS=120 NO_COLOR=1 \
        HVSH_STATE_DIR=$STATE/hvsh HVSH_RESOLV_CONF=$STATE/resolv.conf \
        timeout 90 nsenter -t "$DPID" -n "$@"
}
hv() { hvenv "$HVSH" -NoProfile -NonInteractive -Command "$1"; }
vx() { virsh -c "$URI" "$@"; }
VM='E2E VM (nested)'

out=$(hv "New-VM -Name '$VM' -MemoryStartupBytes 128MB | ForEach-Object Name" 2>&1)
check "New-VM defines a diskless VM ($out)" test "$out" = "$VM"
check "virsh sees the domain" bash -c "virsh -c '$URI' list --all --name | grep -qxF '$VM'"

hv "Set-VMProcessor -VMName '$VM' -ExposeVirtualizationExtensions \$true" >/dev/null 2>&1
check "nested: svm required in the persistent XML" \
    bash -c "virsh -c '$URI' dumpxml --inactive '$VM' | grep -q \"<feature policy='require' name='svm'/>\""
out=$(hv "(Get-VMProcessor -VMName '$VM').ExposeVirtualizationExtensions" 2>&1)
check "Get-VMProcessor reads it back ($out)" test "$out" = True

out=$(hv "New-VMSwitch -Name 'E2E Switch' -SwitchType Internal | ForEach-Object SwitchType" 2>&1)
check "New-VMSwitch Internal ($out)" test "$out" = Internal
check "bridge with alias 'vEthernet (E2E Switch)' in the daemon's namespace" \
    bash -c "nsenter -t $DPID -n ip -d link show | grep -q 'alias vEthernet (E2E Switch)'"
check "switch mirrored as a libvirt network" bash -c "virsh -c '$URI' net-list --name | grep -qxF 'E2E Switch'"
BR=$(vx net-dumpxml 'E2E Switch' 2>/dev/null | sed -n "s/.*<bridge name='\([^']*\)'.*/\1/p")

hv "Get-VMNetworkAdapter -VMName '$VM' | Connect-VMNetworkAdapter -SwitchName 'E2E Switch'" >/dev/null 2>&1
check "adapter attached as <interface type='bridge'> on $BR" \
    bash -c "virsh -c '$URI' dumpxml --inactive '$VM' | grep -q \"<source bridge='$BR'/>\""
out=$(hv "(Get-VMNetworkAdapter -VMName '$VM').SwitchName" 2>&1)
check "Get-VMNetworkAdapter reports SwitchName ($out)" test "$out" = "E2E Switch"

out=$(hv "Start-VM -Name '$VM' -Passthru | ForEach-Object State" 2>&1)
check "Start-VM runs it under QEMU/TCG ($out)" test "$out" = Running
check "virsh: running" bash -c "virsh -c '$URI' domstate '$VM' | grep -qx running"
check "live XML keeps svm required (TCG emulates SVM)" \
    bash -c "virsh -c '$URI' dumpxml '$VM' | grep -q \"<feature policy='require' name='svm'/>\""

out=$(hv "try { Set-VMProcessor -VMName '$VM' -ExposeVirtualizationExtensions \$false -ErrorAction Stop; 'changed' } catch { \$_.FullyQualifiedErrorId }" 2>&1)
check "Set-VMProcessor refused while running ($out)" \
    test "$out" = "InvalidState,Microsoft.HyperV.PowerShell.Commands.SetVMProcessor"
check "persistent XML unchanged" \
    bash -c "virsh -c '$URI' dumpxml --inactive '$VM' | grep -q \"<feature policy='require' name='svm'/>\""
out=$(hv "try { Set-VMMemory -VMName '$VM' -StartupBytes 256MB -ErrorAction Stop; 'changed' } catch { \$_.FullyQualifiedErrorId }" 2>&1)
check "Set-VMMemory refused while the nested VM runs ($out)" \
    test "$out" = "InvalidState,Microsoft.HyperV.PowerShell.Commands.SetVMMemory"
check "memory unchanged (131072 KiB)" \
    bash -c "virsh -c '$URI' dominfo '$VM' | grep -q 'Max memory: *131072 KiB'"

vnet=$(vx domiflist "$VM" 2>/dev/null | awk 'NR>2 && $1 != "" {print $1; exit}')
check "nwfilter binding for $vnet while MacAddressSpoofing is Off (the default)" \
    bash -c "virsh -c '$URI' nwfilter-binding-list | grep -q 'no-mac-spoofing'"
hv "Get-VMNetworkAdapter -VMName '$VM' | Set-VMNetworkAdapter -MacAddressSpoofing On" >/dev/null 2>&1
check "MacAddressSpoofing On: live filter gone" \
    bash -c "! virsh -c '$URI' dumpxml '$VM' | grep -q filterref && ! virsh -c '$URI' nwfilter-binding-list | grep -q no-mac-spoofing"
out=$(hv "(Get-VMNetworkAdapter -VMName '$VM').MacAddressSpoofing" 2>&1)
check "Get-VMNetworkAdapter reports On ($out)" test "$out" = On
hv "Get-VMNetworkAdapter -VMName '$VM' | Set-VMNetworkAdapter -MacAddressSpoofing Off" >/dev/null 2>&1
check "MacAddressSpoofing Off: filter back, live and persistent" \
    bash -c "virsh -c '$URI' dumpxml '$VM' | grep -q \"filterref filter='no-mac-spoofing'\" && virsh -c '$URI' dumpxml --inactive '$VM' | grep -q no-mac-spoofing"

# a diskless domain cannot be checkpointed (engine-lab §3): a clean Hyper-V-style error
out=$(hv "try { Checkpoint-VM -Name '$VM' -SnapshotName e2e -ErrorAction Stop; 'made' } catch { \$_.CategoryInfo.Category }" 2>&1)
if [ "$out" = made ]; then
    check "checkpoint listed by virsh" bash -c "virsh -c '$URI' snapshot-list --name '$VM' | grep -qx e2e"
else
    check "Checkpoint-VM of a diskless VM reports an error ($out)" test -n "$out"
fi

out=$(hv "try { Stop-VM -Name '$VM' -ErrorAction Stop; 'stopped' } catch { \$_.CategoryInfo.Category }" 2>&1)
check "graceful Stop-VM times out on a guest without ACPI support ($out)" test "$out" = OperationTimeout
out=$(hv "Stop-VM -Name '$VM' -TurnOff -Force -Passthru | ForEach-Object State" 2>&1)
check "Stop-VM -TurnOff ($out)" test "$out" = Off
check "virsh: shut off" bash -c "virsh -c '$URI' domstate '$VM' | grep -qx 'shut off'"

hv "Set-VMProcessor -VMName '$VM' -ExposeVirtualizationExtensions \$false" >/dev/null 2>&1
check "nested disabled while off" \
    bash -c "virsh -c '$URI' dumpxml --inactive '$VM' | grep -q \"<feature policy='disable' name='svm'/>\""

# -ComputerName: another "host" reached through libvirt's remote protocol
out=$(HVSH_URI_TEMPLATE='qemu+tcp://{0}/system' hv "(Get-VM -ComputerName 127.0.0.1 -Name 'E2E*').Name" 2>&1)
check "Get-VM -ComputerName over qemu+tcp ($out)" test "$out" = "$VM"
out=$(HVSH_URI_TEMPLATE='qemu+tcp://{0}/system' hv "Start-VM -ComputerName 127.0.0.1 -Name '$VM' -Passthru | Stop-VM -TurnOff -Passthru | ForEach-Object State" 2>&1)
check "Start-/Stop-VM -ComputerName, objects keep their host ($out)" test "$out" = Off

hv "Remove-VM -Name '$VM' -Force" >/dev/null 2>&1
check "Remove-VM undefines it" bash -c "! virsh -c '$URI' list --all --name | grep -qxF '$VM'"
hv "Remove-VMSwitch -Name 'E2E Switch' -Force" >/dev/null 2>&1
check "Remove-VMSwitch removes network and bridge" \
    bash -c "! virsh -c '$URI' net-list --all --name | grep -qxF 'E2E Switch' && ! nsenter -t $DPID -n ip link show '$BR' >/dev/null 2>&1"

# ---- the seed document's commands verbatim (en dash, curly quotes; <VMName> filled in):
# the Hyper-V half on the real daemon, the network half in the daemon's namespace
hv "New-VM -Name SeedVM -MemoryStartupBytes 128MB" >/dev/null 2>&1
nsenter -t "$DPID" -n ip link add Ethernet type veth peer name ethpeer 2>/dev/null
nsenter -t "$DPID" -n ip link set Ethernet up 2>/dev/null
: >"$STATE"/resolv.conf
cat >"$STATE"/seed.ps1 <<'SEED'
Set-VMProcessor -VMName SeedVM -ExposeVirtualizationExtensions $true
Get-VMNetworkAdapter -VMName SeedVM | Set-VMNetworkAdapter -MacAddressSpoofing On
new-vmswitch -name VmNAT -SwitchType Internal
New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix “192.168.100.0/24”
get-netadapter "vEthernet (VmNat)" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24
get-netadapter "Ethernet" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24
Netsh interface ip add dnsserver “Ethernet” address=192.168.100.1
SEED
hvenv "$HVSH" -NoProfile -NonInteractive -File "$STATE"/seed.ps1 >"$STATE"/seed.out 2>&1
check "seed: the script ran without errors" test "$(grep -c 'Line |' "$STATE"/seed.out)" = 0 ||
    sed 's/^/# /' "$STATE"/seed.out | grep -A4 'Line |'
check "seed: SeedVM requires svm" \
    bash -c "virsh -c '$URI' dumpxml --inactive SeedVM | grep -q \"<feature policy='require' name='svm'/>\""
check "seed: MAC spoofing On (no filterref)" bash -c "! virsh -c '$URI' dumpxml --inactive SeedVM | grep -q filterref"
check "seed: VmNAT switch" bash -c "virsh -c '$URI' net-list --name | grep -qx VmNAT"
check "seed: vEthernet (VmNAT) has 192.168.100.1/24" \
    bash -c "nsenter -t $DPID -n ip -4 addr show VmNAT | grep -q '192.168.100.1/24'"
check "seed: NAT masquerades 192.168.100.0/24" \
    bash -c "nsenter -t $DPID -n nft list ruleset | grep -q '192.168.100.0/24'"
check "seed: Ethernet has 192.168.100.2 and the default route" \
    bash -c "nsenter -t $DPID -n ip -4 addr show Ethernet | grep -q 192.168.100.2/24 && nsenter -t $DPID -n ip route | grep -q 'default via 192.168.100.1'"
check "seed: DNS server added" grep -q 192.168.100.1 "$STATE"/resolv.conf ||
    sed 's/^/# /' "$STATE"/resolv.conf "$STATE"/seed.out | tail -20
hv "Remove-VM SeedVM -Force; Remove-NetNat -Name LocalNAT -Confirm:\$false; Remove-VMSwitch VmNAT -Force" >/dev/null 2>&1
check "seed: cleaned up" bash -c "! virsh -c '$URI' list --all --name | grep -qx SeedVM && ! virsh -c '$URI' net-list --all --name | grep -qx VmNAT"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
