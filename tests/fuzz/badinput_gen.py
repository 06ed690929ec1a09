#!/usr/bin/env python3
"""badinput_gen.py — generates the bad-input matrix (issue 7) from the cmdlet tables.

Input (stdin): what hvsh prints for
    Get-Command -CommandType Cmdlet | ForEach-Object { "### " + $_.Name; Get-Command $_.Name -Syntax }
i.e. the syntax lines the binder's tables produce. For every cmdlet (minus EXCLUDE) and every
parameter of every parameter set, one call per bad value: the parameter under test gets the
bad value, the set's other mandatory parameters get plausible values, so the call reaches
the handler rather than stopping at "missing mandatory parameters".

Output: OUTDIR/<cmdlet>.ps1, one script per cmdlet (many cases per hvsh process). Each case
prints "CASE <n> <description>" first (so a crash names its case), runs inside try/catch
with every stream discarded, and resets the location. The script ends with "CASES <n>".
Usage: badinput_gen.py OUTDIR < syntax.txt
"""
import os
import re
import sys

# Cmdlets that could still do harm outside the sandbox, or whose job is to run code / wait.
EXCLUDE = {
    "Install-WindowsFeature", "Enable-WindowsOptionalFeature",  # install packages
    "Start-Process", "Restart-Computer", "Stop-Computer",       # start programs / power
    "Rename-Computer",                                          # hostnamectl set-hostname
    "Start-Service", "Stop-Service", "Restart-Service", "Set-Service",  # systemctl on the host
    "Invoke-Expression",   # evaluating '$(reboot)' is its job
    "Invoke-History",      # re-runs history lines
    "Start-Sleep",         # sleeping 2^31 ms is not a hang
    "Read-Host",           # waits for the terminal
}

# (cmdlet, value) pairs left out because the documented behaviour is to do harm to the caller:
# Stop-Process -Name * stops every process it may, hvsh and the harness included.
SKIP = {("Stop-Process", "wildcard *"), ("Stop-Process", "wildcard ?")}

# The bad values: (description, PowerShell expression). $L, $U are set by the prologue.
BAD = [
    ("empty string", "''"),
    ("null", "$null"),
    ("empty array", "@()"),
    ("wrong type: hashtable", "@{ a = 1 }"),
    ("wrong type: scriptblock", "{ 1 }"),
    ("wrong type: word", "'abc'"),
    ("wrong type: array of 3", "@(1, 'two', $null)"),
    ("10k-char string", "$L"),
    ("negative", "-1"),
    ("zero", "0"),
    ("int32 overflow", "2147483648"),
    ("int64 min", "[long]::MinValue"),
    ("huge double", "1e308"),
    ("NaN", "[double]::NaN"),
    ("uint16 overflow", "65536"),
    ("wildcard *", "'*'"),
    ("wildcard [a-", "'[a-'"),
    ("wildcard ?", "'?'"),
    ("subexpression text", "'$(reboot)'"),
    ("shell separator", "'; reboot'"),
    ("backtick-n newline", "\"a`nb\""),
    ("NUL char", "\"a$([char]0)b\""),
    ("invalid UTF-8", "$U"),
    ("control chars", "\"`r`t`e`b\""),
    ("format braces", "'{0}{1}{'"),
    ("percent escapes", "'%s%n%x'"),
]

# Plausible values for the other mandatory parameters, by name then by type.
BY_NAME = [
    (r"^(VMName|Name|VMNetworkAdapterName)$", "'test'"),
    (r"^VM$", "(Get-VM -Name test)"),
    (r"Path$|^Path|Destination|FilePath|LiteralPath", "'f1.txt'"),
    (r"IPAddress$|NextHop|DefaultGateway", "'192.168.100.1'"),
    (r"Prefix$", "'192.168.100.0/24'"),
    (r"Port$", "8080"),
    (r"InterfaceAlias|NetAdapterName|SwitchName", "'vEthernet (LabSw)'"),
    (r"Id$", "1"),
    (r"Snapshot", "'snap1'"),
]
BY_TYPE = [
    (r"int|long|uint|byte|double|decimal|single", "1"),
    (r"bool", "$true"),
    (r"hashtable", "@{ a = 1 }"),
    (r"scriptblock", "{ $_ }"),
    (r"datetime", "(Get-Date)"),
    (r"timespan", "(New-TimeSpan -Seconds 1)"),
]

PARAM_RES = [  # (kind, regex) applied in order on what is left of the line
    ("opt", re.compile(r"\[\[-(\w+)\]\s+(<[^>]*>|\{[^}]*\})\]")),
    ("mand", re.compile(r"\[-(\w+)\]\s+(<[^>]*>|\{[^}]*\})")),
    ("opt", re.compile(r"\[-(\w+)\s+(<[^>]*>|\{[^}]*\})\]")),
    ("switch", re.compile(r"\[-(\w+)\]")),
    ("mand", re.compile(r"-(\w+)\s+(<[^>]*>|\{[^}]*\})")),
    ("mandswitch", re.compile(r"(?<![\w-])-(\w+)")),
]
COMMON = {"WhatIf", "Confirm"}


def parse_set(line):
    """[(name, type, kind)] of one syntax line (kind: opt, mand, switch, mandswitch)."""
    rest = line.split(None, 1)[1] if " " in line else ""
    rest = rest.replace("[<CommonParameters>]", "")
    params = []
    for kind, rx in PARAM_RES:
        def take(m, kind=kind):
            typ = m.group(2) if m.lastindex and m.lastindex >= 2 else ""
            params.append((m.group(1), typ, kind))
            return " "
        rest = rx.sub(take, rest)
    return [p for p in params if p[0] not in COMMON]


def plausible(name, typ):
    if typ.startswith("{"):
        return "'" + typ.strip("{}").split("|")[0].strip() + "'"
    for rx, v in BY_NAME:
        if re.search(rx, name):
            return v
    for rx, v in BY_TYPE:
        if re.search(rx, typ, re.I):
            return v
    return "'test'"


def ps_quote(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    cmdlets, cur = {}, None
    for line in sys.stdin:
        line = line.rstrip("\n")
        if line.startswith("### "):
            cur = line[4:].strip()
            cmdlets[cur] = []
        elif cur and line.startswith(cur + " ") or (cur and line == cur):
            cmdlets[cur].append(line)
    total = 0
    for name, sets in sorted(cmdlets.items()):
        if name in EXCLUDE or not sets:
            continue
        # every case re-creates what it needs: earlier cases may remove variables
        # (Remove-Variable *), files (Remove-Item *) or change the location
        lines = [
            "# generated by tests/fuzz/badinput_gen.py: bad values for every parameter of " + name,
            "# env: HOME = the case's directory, HVSH_BADUTF8 = a file of invalid UTF-8",
        ]
        n = 0
        seen = set()
        for line in sets:
            params = parse_set(line)
            has_confirm = "[-Confirm]" in line
            mand = [(p, t) for p, t, k in params if k == "mand"]
            for pname, ptype, kind in params:
                if pname in seen:
                    continue
                seen.add(pname)
                for desc, val in BAD:
                    if (name, desc) in SKIP:
                        continue
                    args = []
                    for mp, mt in mand:
                        if mp != pname:
                            args.append("-%s %s" % (mp, plausible(mp, mt)))
                    if kind in ("switch", "mandswitch"):
                        args.append("-%s:(%s)" % (pname, val))
                    else:
                        args.append("-%s (%s)" % (pname, val))
                    if has_confirm:
                        args.append("-Confirm:$false")
                    call = "%s %s" % (name, " ".join(args))
                    total += 1
                    n += 1
                    lines.append("'CASE %d ' + %s; Set-Location -LiteralPath $env:HOME; %s" % (
                        n, ps_quote("%s -%s %s" % (name, pname, desc)),
                        "$L = 'x' * 10000; $U = Get-Content -Raw -LiteralPath $env:HVSH_BADUTF8" if "$L" in val or "$U" in val else ""))
                    lines.append("try { %s -ErrorAction SilentlyContinue *> $null } catch { }" % call)
        lines.append("'CASES %d'" % n)
        with open(os.path.join(outdir, name + ".ps1"), "w") as f:
            f.write("\n".join(lines) + "\n")
    print(total)


main()
