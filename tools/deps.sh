#!/bin/sh
# Check the libraries and tools the build and the tests need; install them
# with apt-get when running as root, otherwise print the one command to run.
PKGS="pkg-config libncurses-dev libsqlite3-dev uuid-dev tmux sqlite3"
missing=""
pkg-config --exists ncursesw 2>/dev/null || missing="$missing libncurses-dev"
pkg-config --exists sqlite3 2>/dev/null || missing="$missing libsqlite3-dev"
pkg-config --exists uuid 2>/dev/null || missing="$missing uuid-dev"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
[ -z "$missing" ] && exit 0
echo "缺少以下软件包：$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "正在用 apt-get 安装……"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PKGS && exit 0
	echo "安装失败。请手工运行：apt-get update && apt-get install -y $PKGS"
	exit 1
fi
echo "请运行：sudo apt-get install -y $PKGS"
exit 1
