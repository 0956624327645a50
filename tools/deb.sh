#!/bin/sh
# deb.sh WORK VERSION MAINTAINER DATE: build the Debian package of 议事厅
# from what `make install DESTDIR=WORK/debian/yishiting PREFIX=/usr` put
# there (make deb does both).  Writes build/yishiting_VERSION_ARCH.deb:
#   - the binary stripped, as Debian ships programs; the manual page as
#     make install writes it (gzip -9n);
#   - usr/share/doc/yishiting/copyright and changelog.gz;
#   - DEBIAN/control with Depends computed by dpkg-shlibdeps from the
#     libraries the binary links (it reads WORK/debian/control, written
#     here), plus fonts-noto-cjk for the PDFs; DEBIAN/md5sums;
#   - files owned by root (dpkg-deb --root-owner-group), no fakeroot needed.
# DATE (YYYY-MM-DD) dates the changelog entry.  MAINTAINER "Name <mail>"
# may be empty: then whoever builds the package is named, as Debian's own
# tools do (DEBFULLNAME and DEBEMAIL, else git's user.name and user.email,
# else the login's full name and login@host).
set -eu
work=$1 version=$2 maint=$3 date=$4
if [ -z "$maint" ]; then
	me=$(id -un)
	name=${DEBFULLNAME:-$(git config user.name 2>/dev/null || true)}
	mail=${DEBEMAIL:-${EMAIL:-$(git config user.email 2>/dev/null || true)}}
	[ -n "$name" ] || name=$(getent passwd "$me" | cut -d: -f5 | cut -d, -f1)
	[ -n "$name" ] || name=$me
	[ -n "$mail" ] || mail="$me@$(hostname -f 2>/dev/null || hostname)"
	maint="$name <$mail>"
fi
root=$work/debian/yishiting
arch=$(dpkg --print-architecture)
out=build/yishiting_${version}_${arch}.deb
doc=$root/usr/share/doc/yishiting

[ -x "$root/usr/bin/yishiting" ] || { echo "deb.sh: $root/usr/bin/yishiting is missing (run make deb)" >&2; exit 1; }
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/yishiting"

install -d -m 755 "$doc"
install -m 644 tools/deb/copyright "$doc/copyright"
{
	printf 'yishiting (%s) unstable; urgency=medium\n\n' "$version"
	printf '  * Built from the project'"'"'s source tree with make deb.\n\n'
	printf ' -- %s  %s\n' "$maint" "$(LC_ALL=C date -u -R -d "$date 00:00:00")"
} | gzip -9n >"$doc/changelog.gz"
chmod 644 "$doc/changelog.gz"

# Depends: dpkg-shlibdeps maps each library the binary needs to its
# package and the version that has the symbols used (it finds the
# package's root by its DEBIAN folder)
install -d -m 755 "$root/DEBIAN"
printf 'Source: yishiting\n\nPackage: yishiting\nArchitecture: any\n' >"$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O debian/yishiting/usr/bin/yishiting)
shlibs=${shlibs#shlibs:Depends=}
[ -n "$shlibs" ] || { echo "deb.sh: dpkg-shlibdeps found no libraries" >&2; exit 1; }

find "$root" -type d -exec chmod 755 {} +
size=$(du -k -s --apparent-size "$root/usr" | cut -f1)
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) >"$root/DEBIAN/md5sums"
cat >"$root/DEBIAN/control" <<CONTROL
Package: yishiting
Version: $version
Architecture: $arch
Maintainer: $maint
Installed-Size: $size
Depends: $shlibs, fonts-noto-cjk
Recommends: cups-client
Suggests: xdg-user-dirs
Section: misc
Priority: optional
Description: meeting records and votes for residents' community consultation
 yishiting (议事厅) is a full-screen terminal program for the consultation
 meetings of Chinese urban residents' communities under the "four
 deliberations, two disclosures" procedure: proposals, meetings with
 sign-in, minutes and votes whose quorum and result the program decides by
 the chosen rules, sealed minutes, and the notices to be posted. Documents
 are exported as PDF, HTML or text, printed through CUPS, and the notice
 board is written as a small static web site. Data are kept in SQLite.
 .
 议事厅：社区“四议两公开”议事协商的会议记录与表决程序。
 提议、商议、审议、决议，签到、会议记录、表决，
 由程序按规则判断法定人数和表决结果；会议记录签字确认，
 决议公开和实施结果公开的公示可导出为 PDF、HTML、纯文本，
 经 CUPS 打印，或做成公示栏网页。数据存于 SQLite。
CONTROL
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "$out"
