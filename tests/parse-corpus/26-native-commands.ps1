# Calls to native programs: arguments, stop-parsing, exit codes.
$qemuImg = Get-Command qemu-img -ErrorAction SilentlyContinue
if ($qemuImg) {
    & $qemuImg.Source create -f qcow2 /tmp/test.qcow2 1G
    if ($LASTEXITCODE -ne 0) { throw "qemu-img failed with $LASTEXITCODE" }
}
ip -br addr show
ip link set dev br0 up 2>&1 | Out-Null
virsh --connect qemu:///system list --all
bash -c 'echo $HOME'
ssh lab@192.168.100.10 -o StrictHostKeyChecking=no -- uptime
git log --oneline -n 5 --format="%h %s"
tar -czf /tmp/lab.tgz -C /var/lib lab
icacls C:\lab --% /grant Everyone:(OI)(CI)F
cmd /c "echo hello & echo world"
/usr/bin/env printf '%s\n' a b c
./build.sh --target all && ./test.sh || echo 'build or tests failed'
$out = hostname
"Host is $out"
nproc | ForEach-Object { [int]$_ * 2 }
