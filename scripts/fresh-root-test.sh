#!/usr/bin/env bash
# The README's commands on a new Debian 12 machine: debootstrap makes a
# minimal bookworm root (plus bookworm-security and -updates, where LLVM 22
# lives), a clean clone of this repository is put in it, and the test
# command runs inside it as root, installing what it needs by itself.
# Slow (a download, a cold build and the whole suite: 30-40 minutes on two
# cores); .ci/run makes the fast form of the check (scripts/check-deps.sh).
#   scripts/fresh-root-test.sh [root dir, default /var/tmp/quant-fresh-root]
#       [command run in the clone, default scripts/test.sh]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-/var/tmp/quant-fresh-root}
cmd=${2:-scripts/test.sh}
command -v debootstrap >/dev/null || apt-get install -y -q debootstrap
if [[ ! -x "$dir/usr/bin/apt-get" ]]; then
  debootstrap --variant=minbase bookworm "$dir"
fi
mirror=$(sed -n 's/^deb \(http[^ ]*\) bookworm main.*/\1/p' \
  "$dir/etc/apt/sources.list" | head -1)
cat >"$dir/etc/apt/sources.list" <<LIST
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
LIST
cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
rm -rf "$dir/src"
git clone -q "$ROOT" "$dir/src"
# A network that re-signs TLS (a proxy with its own CA, named for node by
# NODE_EXTRA_CA_CERTS) needs that CA inside the root too, for npm.
extra=()
if [[ -n "${NODE_EXTRA_CA_CERTS:-}" && -f "$NODE_EXTRA_CA_CERTS" ]]; then
  mkdir -p "$dir/etc/ssl/certs"
  cp "$NODE_EXTRA_CA_CERTS" "$dir/etc/ssl/certs/host-extra-ca.crt"
  extra=(NODE_EXTRA_CA_CERTS=/etc/ssl/certs/host-extra-ca.crt)
fi
mount --bind /proc "$dir/proc"
trap 'umount "$dir/proc"' EXIT
chroot "$dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  "${extra[@]}" bash -c "apt-get update -q && cd /src && $cmd"
