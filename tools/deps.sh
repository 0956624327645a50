#!/bin/sh
# Check what the build (and, with "test", the tests) need; install it with
# apt-get when running as root, otherwise print the one command to run.
#   sh tools/deps.sh         libraries and fonts for building and running
#   sh tools/deps.sh test    also tmux, sqlite3, openssl (an SM3 made by hand),
#                            python3-openpyxl (rosters made by another tool),
#                            poppler-utils (pdftotext),
#                            CUPS with the cups-pdf printer, Chromium, man
#                            and groff (the manual page is rendered), and
#                            dpkg-dev (make deb is tested)
#   sh tools/deps.sh deb     also dpkg-dev, for make deb (dpkg-shlibdeps)
#   sh tools/deps.sh fuzz    also clang and its libFuzzer, for make fuzz
BUILD_PKGS="pkg-config libncurses-dev libsqlite3-dev uuid-dev libpango1.0-dev libcairo2-dev libssl-dev libzip-dev libxml2-dev libxlsxwriter-dev libjpeg62-turbo-dev fonts-noto-cjk"
TEST_PKGS="tmux sqlite3 poppler-utils cups printer-driver-cups-pdf chromium man-db groff-base dpkg-dev openssl python3-openpyxl"
FUZZ_PKGS="clang libclang-rt-14-dev"
DEB_PKGS="dpkg-dev"
missing=""
need() { missing="$missing $1"; }
command -v pkg-config >/dev/null 2>&1 || need pkg-config
pkg-config --exists ncursesw 2>/dev/null || need libncurses-dev
pkg-config --exists sqlite3 2>/dev/null || need libsqlite3-dev
pkg-config --exists uuid 2>/dev/null || need uuid-dev
pkg-config --exists pangocairo 2>/dev/null || need "libpango1.0-dev libcairo2-dev"
pkg-config --exists libcrypto 2>/dev/null || need libssl-dev
pkg-config --exists libzip 2>/dev/null || need libzip-dev
pkg-config --exists libxml-2.0 2>/dev/null || need libxml2-dev
pkg-config --exists xlsxwriter 2>/dev/null || need libxlsxwriter-dev
pkg-config --exists libjpeg 2>/dev/null || need libjpeg62-turbo-dev
fc-list :lang=zh 2>/dev/null | grep -qi 'Noto Serif CJK' || need fonts-noto-cjk
all="$BUILD_PKGS"
if [ "$1" = test ]; then
	all="$BUILD_PKGS $TEST_PKGS"
	command -v tmux >/dev/null 2>&1 || need tmux
	command -v sqlite3 >/dev/null 2>&1 || need sqlite3
	command -v pdftotext >/dev/null 2>&1 || need poppler-utils
	command -v cupsd >/dev/null 2>&1 || need cups
	[ -x /usr/lib/cups/backend/cups-pdf ] || need printer-driver-cups-pdf
	command -v chromium >/dev/null 2>&1 || need chromium
	command -v man >/dev/null 2>&1 || need man-db
	command -v preconv >/dev/null 2>&1 || need groff-base
	command -v dpkg-shlibdeps >/dev/null 2>&1 || need dpkg-dev
	command -v openssl >/dev/null 2>&1 || need openssl
	/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need python3-openpyxl
fi
if [ "$1" = fuzz ]; then
	all="$BUILD_PKGS $FUZZ_PKGS"
	command -v clang >/dev/null 2>&1 || need clang
	[ -f "$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null)" ] || need libclang-rt-14-dev
fi
if [ "$1" = deb ]; then
	all="$BUILD_PKGS $DEB_PKGS"
	command -v dpkg-shlibdeps >/dev/null 2>&1 || need dpkg-dev
fi
[ -z "$missing" ] && exit 0
echo "缺少以下软件包：$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "正在用 apt-get 安装……"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $all >/dev/null && exit 0
	echo "安装失败。请手工运行：apt-get update && apt-get install -y $all"
	exit 1
fi
echo "请运行：sudo apt-get install -y $all"
exit 1
