#!/bin/sh
# test_install.sh: make install and make uninstall honour DESTDIR and
# PREFIX — the binary and the gzipped manual page, nothing else, and
# uninstall removes exactly those; the installed binary runs and its manual
# renders with man -l; and make deb builds a package whose control fields
# (Depends from dpkg-shlibdeps, fonts-noto-cjk) and files are right, and
# whose binary runs.  Run once (tests/static): it installs what make built.
# (That the package installs on a clean Debian 12: tools/deb-check.sh, as
# root, with the package mirror.)
. tests/e2e/lib.sh
fail() { echo "FAIL $TEST: $1"; }
VERSION=$(sed -n 's/^#define YS_VERSION "\(.*\)"/\1/p' src/cli/version.h)
ARCH=$(dpkg --print-architecture 2>/dev/null)
# a make of its own (not the jobserver of a make check around it)
M="env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory"

# ---- make install DESTDIR=… PREFIX=/usr --------------------------------------------------
D=$T_TMP/dest
out=$($M install DESTDIR="$D" PREFIX=/usr 2>&1); rc=$?
if [ $rc -eq 0 ]; then pass "make install DESTDIR=… PREFIX=/usr exits 0"; else fail "make install exited $rc: $out"; fi
files=$(cd "$D" && find . -type f -o -type l | sort | tr '\n' ' ')
if [ "$files" = "./usr/bin/yishiting ./usr/share/man/man1/yishiting.1.gz " ]; then
	pass "it installs the binary and the manual page, nothing else"
else
	fail "installed: $files"
fi
[ "$(stat -c %a "$D/usr/bin/yishiting" 2>/dev/null)" = 755 ] && pass "the binary is mode 755" || fail "binary mode $(stat -c %a "$D/usr/bin/yishiting" 2>&1)"
[ "$(stat -c %a "$D/usr/share/man/man1/yishiting.1.gz" 2>/dev/null)" = 644 ] && pass "the manual page is mode 644" || fail "manual mode $(stat -c %a "$D/usr/share/man/man1/yishiting.1.gz" 2>&1)"
out=$("$D/usr/bin/yishiting" --version 2>&1); rc=$?
case "$out" in
"议事厅 yishiting $VERSION"*) [ $rc -eq 0 ] && pass "the installed binary runs: $out" || fail "--version exited $rc" ;;
*) fail "the installed binary's --version: $out (rc $rc)" ;;
esac
if gzip -t "$D/usr/share/man/man1/yishiting.1.gz" 2>/dev/null &&
   gzip -dc "$D/usr/share/man/man1/yishiting.1.gz" | cmp -s - build/yishiting.1; then
	pass "the manual page is build/yishiting.1, gzipped"
else
	fail "the installed manual page is not build/yishiting.1 gzipped"
fi
# gzip -9n: no name or time stamp in the header (reproducible, as Debian's)
if [ "$(od -An -tx1 -j4 -N4 "$D/usr/share/man/man1/yishiting.1.gz" | tr -d ' ')" = 00000000 ]; then
	pass "the gzip header carries no time stamp (gzip -n)"
else
	fail "the gzip header has a time stamp"
fi
LANG=C.UTF-8 LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$D/usr/share/man/man1/yishiting.1.gz" >"$T_TMP/man.txt" 2>"$T_TMP/man.err"
if grep -qF "议事厅：社区“四议两公开”议事协商的会议记录与表决程序" "$T_TMP/man.txt" && [ ! -s "$T_TMP/man.err" ]; then
	pass "man -l renders the installed manual page in Chinese"
else
	fail "man -l of the installed page: $(head -3 "$T_TMP/man.err") $(head -3 "$T_TMP/man.txt")"
fi
# the prefix by default
if $M -n install DESTDIR="$T_TMP/x" | grep -qF "$T_TMP/x/usr/local/bin/yishiting"; then
	pass "PREFIX is /usr/local unless given"
else
	fail "make -n install does not install under /usr/local: $($M -n install DESTDIR="$T_TMP/x" 2>&1 | tail -3)"
fi

# ---- make uninstall ----------------------------------------------------------------------
out=$($M uninstall DESTDIR="$D" PREFIX=/usr 2>&1); rc=$?
if [ $rc -eq 0 ]; then pass "make uninstall exits 0"; else fail "make uninstall exited $rc: $out"; fi
left=$(cd "$D" && find . ! -type d | sort | tr '\n' ' ')
if [ -z "$left" ]; then pass "uninstall removes every file install put there"; else fail "left after uninstall: $left"; fi
touch "$D/usr/bin/other"
$M uninstall DESTDIR="$D" PREFIX=/usr >/dev/null 2>&1
if [ -f "$D/usr/bin/other" ]; then pass "uninstall leaves other files alone"; else fail "uninstall removed usr/bin/other"; fi

# ---- make deb ------------------------------------------------------------------------------
if ! command -v dpkg-shlibdeps >/dev/null 2>&1; then
	fail "dpkg-dev is not installed (sh tools/deps.sh test installs it)"
	exit 1
fi
DEB=build/yishiting_${VERSION}_${ARCH}.deb
rm -f "$DEB"
out=$($M deb 2>&1); rc=$?
if [ $rc -eq 0 ] && [ -s "$DEB" ]; then pass "make deb builds $DEB"; else fail "make deb exited $rc: $(printf '%s\n' "$out" | tail -5)"; exit 1; fi
case "$out" in *warning*) fail "make deb warned: $(printf '%s\n' "$out" | grep warning | head -3)" ;; *) pass "make deb says no warning" ;; esac
dpkg-deb -I "$DEB" >"$T_TMP/info" 2>&1 || fail "dpkg-deb -I failed: $(cat "$T_TMP/info")"
field() { dpkg-deb -f "$DEB" "$1" 2>/dev/null; }
[ "$(field Package)" = yishiting ] && pass "Package: yishiting" || fail "Package: $(field Package)"
[ "$(field Version)" = "$VERSION" ] && pass "Version: $VERSION (src/cli/version.h)" || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$ARCH" ] && pass "Architecture: $ARCH" || fail "Architecture: $(field Architecture)"
for f in Maintainer Section Priority; do
	[ -n "$(field $f)" ] && pass "$f: $(field $f)" || fail "no $f field"
done
case "$(field Installed-Size)" in ''|*[!0-9]*) fail "Installed-Size: $(field Installed-Size)" ;; *) pass "Installed-Size: $(field Installed-Size) KiB" ;; esac
desc=$(field Description)
case "$desc" in *"议事厅"*"“四议两公开”"*) pass "the description is in English and Chinese" ;; *) fail "Description: $desc" ;; esac
dep=$(field Depends)
# every library the binary needs, as dpkg-shlibdeps names their packages
for p in libc6 libncursesw6 libsqlite3-0 libuuid1 libpango-1.0-0 libpangocairo-1.0-0 libcairo2 libfontconfig1 libssl3 fonts-noto-cjk; do
	case ", $dep," in *", $p "*|*", $p,"*) ;; *) fail "Depends lacks $p: $dep"; continue ;; esac
	pass "Depends names $p"
done
case "$dep" in *"libc6 (>= "*) pass "Depends carries the versions dpkg-shlibdeps found" ;; *) fail "no versioned libc6 in Depends: $dep" ;; esac
dpkg-deb -c "$DEB" | awk '{ print $1, $2, $6 }' >"$T_TMP/contents"
for want in "-rwxr-xr-x root/root ./usr/bin/yishiting" "-rw-r--r-- root/root ./usr/share/man/man1/yishiting.1.gz" \
	"-rw-r--r-- root/root ./usr/share/doc/yishiting/copyright" "-rw-r--r-- root/root ./usr/share/doc/yishiting/changelog.gz"; do
	if grep -qxF -- "$want" "$T_TMP/contents"; then pass "the package holds ${want##* } (${want%% *})"; else fail "the package lacks $want: $(cat "$T_TMP/contents")"; fi
done
other=$(grep -v ' \./$\| \./usr/$\| \./usr/\(bin\|share\|share/man\|share/man/man1\|share/doc\|share/doc/yishiting\)/$' "$T_TMP/contents" |
	grep -v 'yishiting$\|yishiting\.1\.gz$\|copyright$\|changelog\.gz$')
if [ -z "$other" ]; then pass "and nothing else (PREFIX=/usr, nothing under /usr/local)"; else fail "unexpected in the package: $other"; fi
X=$T_TMP/deb
dpkg-deb -x "$DEB" "$X"
out=$("$X/usr/bin/yishiting" --version 2>&1)
case "$out" in "议事厅 yishiting $VERSION"*) pass "the packaged binary runs: $out" ;; *) fail "the packaged binary: $out" ;; esac
if readelf -S "$X/usr/bin/yishiting" 2>/dev/null | grep -q '\.symtab\|\.debug_'; then
	fail "the packaged binary is not stripped"
elif readelf -h "$X/usr/bin/yishiting" >/dev/null 2>&1; then
	pass "the packaged binary is stripped"
else
	fail "readelf cannot read the packaged binary"
fi
if gzip -dc "$X/usr/share/man/man1/yishiting.1.gz" | cmp -s - build/yishiting.1; then pass "the packaged manual page is build/yishiting.1"; else fail "the packaged manual page differs"; fi
if command -v lintian >/dev/null 2>&1; then
	l=$(lintian --no-tag-display-limit "$DEB" 2>&1 | grep '^[EW]:')
	if [ -z "$l" ]; then pass "lintian finds no error or warning"; else fail "lintian: $l"; fi
else
	echo "(lintian is not installed: the package is not linted)"
fi
