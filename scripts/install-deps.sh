#!/bin/sh
# Installs everything hvsh needs to build and test on Debian 12 (run as root, or with sudo).
# Idempotent: packages already present are skipped by apt.
set -e
PKGS="build-essential pkg-config git make
 libreadline-dev libpcre2-dev libvirt-dev libxml2-dev libmnl-dev libnftables-dev libjansson-dev
 libvirt-clients libvirt-daemon libvirt-daemon-driver-qemu libvirt-daemon-config-nwfilter
 qemu-system-x86 qemu-utils dnsmasq-base iptables ebtables
 iproute2 nftables jq tmux util-linux procps python3 lua5.4 hyperfine
 clang libclang-rt-14-dev"
# Get-FileHash: OpenSSL's libcrypto (headers at build time; the library is dlopen'ed on first use)
PKGS="$PKGS libssl-dev"
# Generation 2 VMs and secure boot (UEFI firmware); the vTPM of Enable-VMTPM (swtpm emulator)
PKGS="$PKGS ovmf swtpm swtpm-tools"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
missing=
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
