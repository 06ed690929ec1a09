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
        HVSH_STATE_DIR=$STATE/hvsh HVSH_RESOLV_CONF=$STATE/resolv.conf HVSH_PIPE_DIR=$STATE/pipe \
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

# ---- firmware, integration services, vTPM, COM ports, export/import on the real daemon ----
G2='E2E Gen2'
hv "New-VM -Name '$G2' -Generation 2 -MemoryStartupBytes 256MB" >/dev/null 2>&1
check "New-VM gives the guest agent channel" \
    bash -c "virsh -c '$URI' dumpxml --inactive '$G2' | grep -q \"name='org.qemu.guest_agent.0'\""
out=$(hv "Set-VMFirmware -VMName '$G2' -EnableSecureBoot On -Passthru | ForEach-Object SecureBoot" 2>&1)
check "Set-VMFirmware -EnableSecureBoot On ($out)" test "$out" = On
check "secure-boot + enrolled-keys features, SMM on" \
    bash -c "x=\$(virsh -c '$URI' dumpxml --inactive '$G2'); echo \"\$x\" | grep -q \"<feature enabled='yes' name='secure-boot'/>\" && echo \"\$x\" | grep -q \"<feature enabled='yes' name='enrolled-keys'/>\" && echo \"\$x\" | grep -q \"<smm state='on'/>\""
if [ -f /usr/share/qemu/firmware/40-edk2-x86_64-secure-enrolled.json ]; then
    out=$(hv "Start-VM -Name '$G2' -Passthru | ForEach-Object State" 2>&1)
    check "the secure-boot VM starts ($out)" test "$out" = Running
    check "libvirt chose a secure-boot OVMF build" \
        bash -c "virsh -c '$URI' dumpxml '$G2' | grep -q \"<loader .*secure='yes'\""
    out=$(hv "try { Set-VMFirmware -VMName '$G2' -EnableSecureBoot Off -ErrorAction Stop; 'changed' } catch { \$_.CategoryInfo.Category }" 2>&1)
    check "secure boot cannot change while it runs ($out)" test "$out" = InvalidOperation
    # no guest agent in an empty VM: Wait-VM times out, and Ctrl-C ends it at once
    out=$(hv "try { Wait-VM -Name '$G2' -Timeout 1 -Delay 1 -ErrorAction Stop; 'up' } catch { \$_.CategoryInfo.Category }" 2>&1)
    check "Wait-VM -For Heartbeat times out without a guest agent ($out)" test "$out" = OperationTimeout
    t0=$(date +%s%N)
    hvenv timeout -s INT 1 "$HVSH" -NoProfile -NonInteractive -Command "Wait-VM -Name '$G2'" >/dev/null 2>&1
    t1=$(date +%s%N)
    check "Ctrl-C ends Wait-VM ($(( (t1 - t0) / 1000000 )) ms)" test $(( (t1 - t0) / 1000000 )) -lt 3000
    hv "Stop-VM -Name '$G2' -TurnOff -Force" >/dev/null 2>&1
fi
hv "Disable-VMIntegrationService -VMName '$G2' -Name *" >/dev/null 2>&1
check "Disable-VMIntegrationService * removes the agent channel" \
    bash -c "! virsh -c '$URI' dumpxml --inactive '$G2' | grep -q guest_agent"
hv "Set-VMKeyProtector -VMName '$G2' -NewLocalKeyProtector; Enable-VMTPM -VMName '$G2'" >/dev/null 2>&1
check "Enable-VMTPM: <tpm model='tpm-crb'> with the emulator backend" \
    bash -c "virsh -c '$URI' dumpxml --inactive '$G2' | grep -A1 \"<tpm model='tpm-crb'>\" | grep -q \"type='emulator' version='2.0'\""
hv "Set-VMComPort -VMName '$G2' -Number 1 -Path '\\\\.\\pipe\\e2e-com1'" >/dev/null 2>&1
check "Set-VMComPort: COM 1 is a UNIX socket in HVSH_PIPE_DIR" \
    bash -c "virsh -c '$URI' dumpxml --inactive '$G2' | grep -q \"<source mode='bind' path='$STATE/pipe/e2e-com1'/>\""
hv "Remove-VM -Name '$G2' -Force" >/dev/null 2>&1
# Export-VM / Import-VM with a real disk
mkdir -p "$STATE/vhd" "$STATE/export" "$STATE/import"
hv "New-VHD -Path '$STATE/vhd/exp.qcow2' -SizeBytes 16MB | Out-Null; New-VM -Name E2EExp -MemoryStartupBytes 128MB -VHDPath '$STATE/vhd/exp.qcow2' | Out-Null; Set-VMBios -VMName E2EExp -StartupOrder CD, IDE, LegacyNetworkAdapter, Floppy" >/dev/null 2>&1
check "Set-VMBios: <boot dev='cdrom'/> first" \
    bash -c "virsh -c '$URI' dumpxml --inactive E2EExp | grep '<boot dev=' | head -1 | grep -q cdrom"
hv "Export-VM -Name E2EExp -Path '$STATE/export'" >/dev/null 2>&1
check "Export-VM: XML and the disk copy" \
    bash -c "ls '$STATE/export/E2EExp/Virtual Machines/'*.xml && qemu-img check '$STATE/export/E2EExp/Virtual Hard Disks/exp.qcow2'"
old=$(vx domuuid E2EExp 2>/dev/null)
hv "Remove-VM -Name E2EExp -Force" >/dev/null 2>&1
out=$(hv "(Import-VM -Path (Get-ChildItem '$STATE/export/E2EExp/Virtual Machines').FullName -Copy -GenerateNewId -VhdDestinationPath '$STATE/import').Name" 2>&1)
check "Import-VM -Copy -GenerateNewId ($out)" test "$out" = E2EExp
check "a new identity, the copied disk attached" \
    bash -c "test \"\$(virsh -c '$URI' domuuid E2EExp)\" != '$old' && virsh -c '$URI' domblklist E2EExp | grep -q '$STATE/import/exp.qcow2'"
out=$(hv "Start-VM -Name E2EExp -Passthru | Stop-VM -TurnOff -Passthru | ForEach-Object State" 2>&1)
check "the imported VM starts ($out)" test "$out" = Off
hv "Remove-VM -Name E2EExp -Force" >/dev/null 2>&1

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
