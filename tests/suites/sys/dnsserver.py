#!/usr/bin/env python3
"""A tiny authoritative DNS server for the sys_dns suite (UDP + TCP on 127.0.0.1:53 inside a
network namespace). Zone lab.test with fixed records; unknown names in the zone are NXDOMAIN,
names outside it are REFUSED, `big.lab.test` TXT is too large for UDP (TC bit -> TCP),
`fail.lab.test` is SERVFAIL, `slow.lab.test` is never answered. Writes a line per query to
the log file named by argv[1] (transport, name, type)."""
import socket, struct, sys, threading

LOG = open(sys.argv[1], "a", buffering=1)
A, NS, CNAME, SOA, PTR, MX, TXT, AAAA, SRV, ANY = 1, 2, 5, 6, 12, 15, 16, 28, 33, 255

def name(n):
    out = b""
    for part in n.rstrip(".").split("."):
        if part:
            out += bytes([len(part)]) + part.encode()
    return out + b"\0"

def txt(*s):
    return b"".join(bytes([len(x)]) + x.encode() for x in s)

SOA_RD = name("ns1.lab.test") + name("hostmaster.lab.test") + struct.pack("!IIIII", 2024010101, 3600, 600, 86400, 300)
ZONE = {
    ("lab.test", SOA): [(3600, SOA_RD)],
    ("lab.test", NS): [(3600, name("ns1.lab.test"))],
    ("lab.test", MX): [(300, struct.pack("!H", 10) + name("mail.lab.test")), (300, struct.pack("!H", 20) + name("mail2.lab.test"))],
    ("lab.test", TXT): [(300, txt("v=spf1 -all")), (300, txt("hello", "world"))],
    ("www.lab.test", A): [(120, socket.inet_aton("10.0.0.5"))],
    ("www.lab.test", AAAA): [(120, socket.inet_pton(socket.AF_INET6, "fd00::5"))],
    ("ns1.lab.test", A): [(3600, socket.inet_aton("10.0.0.53"))],
    ("v4only.lab.test", A): [(60, socket.inet_aton("10.0.0.6"))],
    ("_ldap._tcp.lab.test", SRV): [(600, struct.pack("!HHH", 0, 100, 389) + name("dc1.lab.test"))],
    ("5.0.0.10.in-addr.arpa", PTR): [(900, name("www.lab.test"))],
    ("big.lab.test", TXT): [(60, txt("x" * 200)) for _ in range(4)],
}
CNAMES = {"alias.lab.test": "www.lab.test"}

def qparse(msg):
    i, labels = 12, []
    while msg[i]:
        labels.append(msg[i + 1:i + 1 + msg[i]].decode().lower())
        i += 1 + msg[i]
    qt, qc = struct.unpack("!HH", msg[i + 1:i + 5])
    return ".".join(labels), qt, msg[12:i + 5]

def answer(msg, tcp):
    qid, flags = struct.unpack("!HH", msg[:4])
    qn, qt, question = qparse(msg)
    LOG.write("%s %s %d\n" % ("tcp" if tcp else "udp", qn, qt))
    rd = flags & 0x0100
    rcode, ans, auth = 0, [], []
    if qn == "slow.lab.test":
        return None
    if qn == "fail.lab.test":
        rcode = 2
    elif not (qn == "lab.test" or qn.endswith(".lab.test") or qn.endswith("in-addr.arpa")):
        rcode = 5
    else:
        target = qn
        if qn in CNAMES and qt != CNAME:
            ans.append((qn, CNAME, 300, name(CNAMES[qn])))
            target = CNAMES[qn]
        types = [t for (n, t) in ZONE if n == target] if qt == ANY else [qt]
        for t in types:
            for ttl, rdata in ZONE.get((target, t), []):
                ans.append((target, t, ttl, rdata))
        if qn in CNAMES and qt == CNAME:
            ans.append((qn, CNAME, 300, name(CNAMES[qn])))
        known = any(n == target for (n, t) in ZONE) or qn in CNAMES
        if not ans:
            if not known:
                rcode = 3
            auth.append(("lab.test", SOA, 3600, SOA_RD))
    def rr(n, t, ttl, rdata):
        return name(n) + struct.pack("!HHIH", t, 1, ttl, len(rdata)) + rdata
    body = b"".join(rr(*r) for r in ans) + b"".join(rr(*r) for r in auth)
    fl = 0x8400 | rd | 0x0080 | rcode
    out = struct.pack("!HHHHHH", qid, fl, 1, len(ans), len(auth), 0) + question + body
    if not tcp and len(out) > 512:
        out = struct.pack("!HHHHHH", qid, fl | 0x0200, 1, 0, 0, 0) + question
    return out

def udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 53))
    while True:
        msg, peer = s.recvfrom(4096)
        out = answer(msg, False)
        if out:
            s.sendto(out, peer)

def tcp():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 53))
    s.listen(8)
    while True:
        c, _ = s.accept()
        try:
            n = struct.unpack("!H", c.recv(2))[0]
            msg = b""
            while len(msg) < n:
                msg += c.recv(n - len(msg))
            out = answer(msg, True)
            if out:
                c.sendall(struct.pack("!H", len(out)) + out)
        finally:
            c.close()

threading.Thread(target=tcp, daemon=True).start()
print("ready", flush=True)
udp()
