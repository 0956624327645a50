#!/bin/sh
# deb-check.sh [PACKAGE.deb]: prove that the package installs on a clean
# Debian 12 and works there.  Unpacks a minimal bookworm system (made once
# with debootstrap from the mirror this machine's apt uses, and kept as a
# tarball in /var/cache/yishiting, or the tarball named by
# DEB_CHECK_BASE) into a temporary folder, installs the package with apt
# (which brings its Depends from the mirror) and man-db, and runs:
# yishiting --version, man -w yishiting, the manual under LANG=C.UTF-8, and
# a demo database exported as PDF (the CJK font came with the package's
# Depends).  Needs root (debootstrap, chroot, mounts) and the package
# mirror; not part of make check.  The chroot is removed afterwards.
#   sh tools/deb-check.sh                       the newest build/yishiting_*.deb
#   sh tools/deb-check.sh build/yishiting_0.2.0_amd64.deb
# Exit status: 0 when every step worked, 1 when one failed, 2 when it
# could not be tried.
set -u
[ "$(id -u)" = 0 ] || { echo "deb-check.sh needs root (debootstrap, chroot, mounts)" >&2; exit 2; }
deb=${1:-$(ls -t build/yishiting_*_"$(dpkg --print-architecture)".deb 2>/dev/null | head -n 1)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "no package: run make deb first (or name the .deb)" >&2; exit 2; }

# the mirror this machine's apt uses: the first URIs: of a .sources file,
# else the first deb line of sources.list
mirror=$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null |
	awk '{ print $1 }' | grep -v security | head -n 1)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list 2>/dev/null)

base=${DEB_CHECK_BASE:-/var/cache/yishiting/deb-check-bookworm.tar}
if [ ! -s "$base" ]; then
	[ -n "$mirror" ] || { echo "no apt mirror found in /etc/apt" >&2; exit 2; }
	if ! command -v debootstrap >/dev/null 2>&1; then
		echo "== installing debootstrap"
		apt-get install -y -qq debootstrap >/dev/null || exit 2
	fi
	echo "== making a minimal Debian 12 once with debootstrap (a few minutes; kept in $base)"
	mkdir -p "$(dirname "$base")"
	tmpb=$(mktemp -d /var/tmp/deb-check-base.XXXXXX)
	if ! debootstrap --variant=minbase bookworm "$tmpb" "$mirror" >"$tmpb.log" 2>&1; then
		echo "debootstrap failed; its log: $tmpb.log" >&2
		rm -rf --one-file-system "$tmpb"
		exit 2
	fi
	chmod 755 "$tmpb"
	tar -C "$tmpb" -cf "$base" . && rm -rf --one-file-system "$tmpb" "$tmpb.log"
fi

root=$(mktemp -d /var/tmp/deb-check.XXXXXX)
cleanup() {
	for m in dev/pts dev sys proc; do umount -l "$root/$m" 2>/dev/null; done
	rm -rf --one-file-system "$root"
}
trap cleanup EXIT INT TERM
tar -C "$root" -xf "$base" || exit 2
chmod 755 "$root"          # a real system's /; mktemp made it 700
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null
if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
	rm -f "$root/etc/apt/sources.list"
	cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/"
else
	cp /etc/apt/sources.list "$root/etc/apt/sources.list"
fi
mount -t proc proc "$root/proc" &&
mount -t sysfs sys "$root/sys" &&
mount --bind /dev "$root/dev" &&
mount --bind /dev/pts "$root/dev/pts" || exit 2
name=$(basename "$deb")
cp "$deb" "$root/tmp/$name"

echo "== installing $name on a clean Debian $(cat "$root/etc/debian_version")"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
	DEBIAN_FRONTEND=noninteractive /bin/sh -s "$name" <<'EOF'
set -e
name=$1
apt-get update -qq
apt-get install -y -qq --no-install-recommends "/tmp/$name" man-db >/tmp/apt.log 2>&1 ||
	{ tail -n 30 /tmp/apt.log; exit 1; }
echo "$ dpkg -s yishiting | grep -E '^(Status|Version|Depends):'"
dpkg -s yishiting | grep -E '^(Status|Version|Depends):'
echo "$ yishiting --version"
yishiting --version
echo "$ man -w yishiting"
man -w yishiting
echo "$ MANWIDTH=80 man yishiting | head -n 12"
MANWIDTH=80 man yishiting 2>/tmp/man.err | head -n 12
if [ -s /tmp/man.err ]; then echo "man said:"; cat /tmp/man.err; exit 1; fi
echo "$ yishiting demo --db /tmp/demo.db && yishiting export minutes ... -o /tmp/m.pdf"
yishiting demo --db /tmp/demo.db
m=$(yishiting list meetings --db /tmp/demo.db | head -n 1 | cut -f1)
yishiting export minutes --db /tmp/demo.db --meeting "$m" -o /tmp/m.pdf
test -s /tmp/m.pdf
echo "$ yishiting verify --db /tmp/demo.db"
yishiting verify --db /tmp/demo.db
EOF
rc=$?
if [ $rc -eq 0 ]; then echo "== deb-check: the package installs and runs on a clean Debian 12"; else echo "== deb-check: FAILED"; fi
[ $rc -eq 0 ]
