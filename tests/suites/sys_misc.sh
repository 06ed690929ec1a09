#!/bin/bash
# sys_misc.sh — Get-FileHash (against coreutils' sha*sum/md5sum), New-TemporaryFile,
# Get-TimeZone, Restart-/Stop-/Rename-Computer (through recorders standing in for systemctl
# and hostnamectl: the exact argv is checked; nothing is rebooted or renamed).
# Env: HVSH = the binary. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
HVSH=${HVSH:-$PWD/hvsh}
FIX=$PWD/tests/fixtures/systemctl
pass=0
fail=0
WORK=$(mktemp -d /tmp/hvsh-sysmisc.XXXXXX)
# The recorders run with a PATH that holds only the tools they use, so a real systemctl or
# hostnamectl can never be reached from these tests (reboot, service changes), even if hvsh
# ignored HVSH_SYSTEMCTL / HVSH_HOSTNAMECTL.
SAFEBIN="$WORK/safebin"; mkdir -p "$SAFEBIN"
for t in cat grep sed printf awk dirname; do ln -sf "$(command -v $t)" "$SAFEBIN/$t"; done
[ -n "${HVSH_TEST_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/#   /' | head -30; }
expect() {
    if [ "$3" = "$2" ]; then ok "$1"; else notok "$1" "expected:
$2
got:
$3"; fi
}
export COLUMNS=120 NO_COLOR=1
ps() { (cd "$WORK" && "$HVSH" -NoProfile -NonInteractive -File "$1" 2>&1); }

# 1. Get-FileHash
mkdir -p "$WORK/data/sub"
head -c 100000 /dev/urandom >"$WORK/data/a.bin"
printf 'hello' >"$WORK/data/b.bin"
printf 'x' >"$WORK/data/[odd].txt"
cat >"$WORK/fh.ps1" <<'EOF'
foreach ($a in "SHA1", "SHA256", "SHA384", "SHA512", "MD5") { (Get-FileHash data/a.bin -Algorithm $a).Hash }
(Get-FileHash data/a.bin).Algorithm
(Get-FileHash -Path data/*.bin | ForEach-Object { Split-Path -Leaf $_.Path }) -join ","
(Get-FileHash -LiteralPath "data/[odd].txt").Hash
(Get-ChildItem data -Filter *.bin | Get-FileHash -Algorithm MD5 | ForEach-Object Hash) -join ","
(Get-FileHash -InputStream ([byte[]](104, 101, 108, 108, 111)) -Algorithm MD5).Hash
$r = Get-FileHash -InputStream "hello"
"[{0}] {1}" -f $r.Path, $r.PSObject.TypeNames[0]
Get-FileHash data/nope.bin -ErrorAction SilentlyContinue -ErrorVariable ev; $ev[0].FullyQualifiedErrorId
@(Get-FileHash data/*).Count
try { Get-FileHash data/a.bin -Algorithm SHA3 } catch { $_.FullyQualifiedErrorId }
EOF
want=""
for s in sha1sum sha256sum sha384sum sha512sum md5sum; do want+="$($s "$WORK/data/a.bin" | cut -d' ' -f1 | tr a-f A-F)"$'\n'; done
want+="SHA256
a.bin,b.bin
$(sha256sum "$WORK/data/[odd].txt" | cut -d' ' -f1 | tr a-f A-F)
$(md5sum "$WORK/data/a.bin" | cut -d' ' -f1 | tr a-f A-F),$(md5sum "$WORK/data/b.bin" | cut -d' ' -f1 | tr a-f A-F)
$(printf hello | md5sum | cut -d' ' -f1 | tr a-f A-F)
[] Microsoft.PowerShell.Commands.FileHashInfo
PathNotFound,Microsoft.PowerShell.Commands.GetFileHashCommand
3
ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetFileHashCommand"
expect "Get-FileHash: 5 algorithms = coreutils, wildcards, -LiteralPath, pipeline, -InputStream, errors, directories skipped" "$want" "$(ps fh.ps1)"

# 2. New-TemporaryFile
mkdir -p "$WORK/tmp"
cat >"$WORK/nt.ps1" <<'EOF'
$f = New-TemporaryFile
$f.GetType().FullName
$f.Directory.FullName -eq $env:TMPDIR
$f.Name -match '^tmp[A-Za-z0-9]{6}\.tmp$'
$f.Length
(New-TemporaryFile).FullName -ne $f.FullName
New-TemporaryFile -WhatIf
EOF
got=$(cd "$WORK" && TMPDIR="$WORK/tmp" "$HVSH" -NoProfile -NonInteractive -File nt.ps1 2>&1)
expect "New-TemporaryFile: a FileInfo in \$env:TMPDIR, tmpXXXXXX.tmp, empty, unique; -WhatIf" "System.IO.FileInfo
True
True
0
True
What if: Performing the operation \"New-TemporaryFile\" on target \"$WORK/tmp\"." "$got"
expect "New-TemporaryFile: two files made (none by -WhatIf), mode 0600" "2 600" \
    "$(ls "$WORK/tmp" | wc -l) $(stat -c %a "$WORK/tmp"/tmp*.tmp | sort -u)"

# 3. Get-TimeZone
cat >"$WORK/tz.ps1" <<'EOF'
$z = Get-TimeZone
"{0}|{1}|{2}|{3}" -f $z.Id, $z.BaseUtcOffset, $z.SupportsDaylightSavingTime, $z.DisplayName
$b = Get-TimeZone -Id Europe/Berlin
"{0}|{1}|{2}|{3}" -f $b.BaseUtcOffset, $b.SupportsDaylightSavingTime, $b.StandardName, $b.DaylightName
(Get-TimeZone -Name America/New_York).BaseUtcOffset.TotalHours
Get-TimeZone -Id Mars/Olympus -ErrorAction SilentlyContinue -ErrorVariable ev; $ev[0].Exception.Message
"$((Get-TimeZone -ListAvailable | Where-Object Id -eq "Asia/Seoul").BaseUtcOffset)"
$env:TZ
EOF
if [ -f /usr/share/zoneinfo/Asia/Tokyo ]; then
    got=$(cd "$WORK" && TZ=Asia/Tokyo "$HVSH" -NoProfile -NonInteractive -File tz.ps1 2>&1)
    expect "Get-TimeZone: local zone from \$TZ, -Id, -Name, DST, unknown id, -ListAvailable; TZ restored" \
        "Asia/Tokyo|09:00:00|False|(UTC+09:00) Asia/Tokyo
01:00:00|True|CET|CEST
-5
A time zone with the Id 'Mars/Olympus' was not found.
09:00:00
Asia/Tokyo" "$got"
else
    notok "Get-TimeZone: tzdata is needed (/usr/share/zoneinfo)"
fi

# 4. Restart-/Stop-/Rename-Computer through recorders
cat >"$WORK/pc.ps1" <<'EOF'
Restart-Computer -WhatIf
Restart-Computer -Force
Stop-Computer
Stop-Computer -ComputerName server9 -ErrorAction SilentlyContinue -ErrorVariable ev; $ev[0].Exception.Message
Rename-Computer -NewName hv-lab02 -PassThru | ForEach-Object { "{0} {1} {2}" -f $_.HasSucceeded, ($_.OldComputerName -eq [System.Net.Dns]::GetHostName()), $_.NewComputerName }
Rename-Computer -NewName "lab_02" -ErrorAction SilentlyContinue -ErrorVariable e2; $e2[0].FullyQualifiedErrorId
Rename-Computer -NewName 12345 -ErrorAction SilentlyContinue -ErrorVariable e3; $e3[0].CategoryInfo.Category.ToString()
Rename-Computer -NewName hv-lab03 -WhatIf | Out-Null
Rename-Computer -NewName denied-name -ErrorAction SilentlyContinue -ErrorVariable e4; $e4[0].Exception.Message -replace "'[^']*' to", "'X' to"
EOF
: >"$WORK/argv.log"
got=$(cd "$WORK" && PATH="$SAFEBIN" HVSH_SYSTEMCTL="$FIX/fake-systemctl" HVSH_HOSTNAMECTL="$FIX/fake-hostnamectl" \
    FAKE_SYSTEMCTL_LOG="$WORK/argv.log" FAKE_SYSTEMCTL_FAIL=denied-name \
    "$HVSH" -NoProfile -NonInteractive -File pc.ps1 2>&1 | sed -e "s/on target \"localhost ([^)]*)\"/on target \"localhost (HOST)\"/" -e "s/Name: [^,]*, New Name/Name: HOST, New Name/")
expect "Restart-/Stop-/Rename-Computer: -WhatIf text, remote refused, -PassThru, name checks, hostnamectl failure" \
    "What if: Performing the operation \"Enable the Local shutdown access rights and restart the computer.\" on target \"localhost (HOST)\".
Failed to stop the computer server9: hvsh manages the local computer only.
True True hv-lab02
InvalidNewName,Microsoft.PowerShell.Commands.RenameComputerCommand
InvalidArgument
What if: Performing the operation \"Rename-Computer\" on target \"Name: HOST, New Name: hv-lab03\".
Fail to rename computer 'X' to 'denied-name' due to the following exception: fake-hostnamectl set-hostname failed: Could not set static hostname: Access denied" "$got"
expect "the recorded argv: systemctl reboot / poweroff, hostnamectl set-hostname NAME (nothing for -WhatIf or bad names)" \
    "reboot
poweroff
set-hostname hv-lab02
set-hostname denied-name" "$(cat "$WORK/argv.log")"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
