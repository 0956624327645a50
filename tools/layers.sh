#!/bin/sh
# layers.sh [ROOT]: check that the program's #include lines keep the layers.
#
#   base ← model ← store ← ops ← demo
#                                ↖ in
#                       ↖ paper ← out
#   ui  → in, out, paper, ops, store, model, base
#   cli → ui, demo, in, out, paper, ops, store, model, base
#
# A file belongs to the layer of its folder (src/LAYER/… or include/LAYER/…).
# It may include:
#   "LAYER/name.h"  a public header of its own layer or of a layer it may call;
#   "name.h"        a private header in its own folder (never from include/);
#   <system.h>      except the libraries that belong to one layer: curses to
#                   ui, sqlite3 to store, cairo/pango and libjpeg to paper, openssl to
#                   base, libzip and libxml2 (reading .xlsx) to in,
#                   libxlsxwriter to out.
# Screens, the command line and the demo write only through ops: they never
# call the store's write functions.  Header includes never form a circle.
#
# Prints one line per finding ("LAYERS: …") and the number of files read;
# exit status 0 when all is well, 1 otherwise.
root=${1:-.}
cd "$root" || exit 2
find src include -name '*.[ch]' | sort | awk '
BEGIN {
	# what each layer may include besides itself
	may["base"] = ""
	may["model"] = "base"
	may["store"] = "model base"
	may["ops"] = "store model base"
	may["paper"] = "store model base"
	may["out"] = "paper store model base"
	may["demo"] = "ops store model base"
	may["in"] = "ops store model base"
	may["ui"] = "in out paper ops store model base"
	may["cli"] = "ui demo in out paper ops store model base"
	# system headers that belong to one layer
	sys["curses.h"] = "ui"; sys["ncurses.h"] = "ui"; sys["ncursesw/curses.h"] = "ui"
	sys["sqlite3.h"] = "store"
	sys["cairo.h"] = "paper"; sys["cairo-pdf.h"] = "paper"; sys["pango/pangocairo.h"] = "paper"
	sys["fontconfig/fontconfig.h"] = "paper"; sys["jpeglib.h"] = "paper"
	sys["openssl/evp.h"] = "base"; sys["openssl/opensslv.h"] = "base"
	sys["zip.h"] = "in"; sys["libxml/parser.h"] = "in"; sys["libxml/tree.h"] = "in"
	sys["xlsxwriter.h"] = "out"
	# the store functions that write (store.h): only ops may call them
	wr = "store_(begin|commit|rollback|log|[a-z_]*_(add|set|update|create|close|transition|answer|set_active|set_status|set_pending|delete))[ \t]*\\("
	bad = 0
}
function layer_of(path,   a) {
	split(path, a, "/")
	return (a[1] == "src" || a[1] == "include") ? a[2] : ""
}
function allowed(from, to,   n, i, l) {
	if (from == to)
		return 1
	n = split(may[from], l, " ")
	for (i = 1; i <= n; i++)
		if (l[i] == to)
			return 1
	return 0
}
function dir_of(path) {
	sub(/\/[^\/]*$/, "", path)
	return path
}
function say(msg) {
	print "LAYERS: " msg
	bad++
}
function exists(path,   line, r) {
	r = (getline line < path) >= 0
	close(path)
	return r
}
{
	file = $0
	lay = layer_of(file)
	nfiles++
	if (!(lay in may)) {
		say(file ": folder \"" lay "\" is not a layer (" "base model store ops paper out demo in ui cli" ")")
		next
	}
	isui = (lay == "ui" || lay == "cli" || lay == "demo" || lay == "in")
	ln = 0
	while ((getline line < file) > 0) {
		ln++
		if (isui && line ~ wr && line !~ /^[ \t]*(\/\*|\*)/) {
			fn = line
			sub(/^.*store_/, "store_", fn)
			sub(/[ \t]*\(.*$/, "", fn)
			say(file ":" ln ": calls " fn "() — screens, the command line and the demo write through ops")
		}
		if (line !~ /^[ \t]*#[ \t]*include[ \t]*[<"]/)
			continue
		inc = line
		sub(/^[ \t]*#[ \t]*include[ \t]*/, "", inc)
		if (inc ~ /^</) {
			sub(/^</, "", inc); sub(/>.*$/, "", inc)
			if ((inc in sys) && sys[inc] != lay)
				say(file ":" ln ": <" inc "> belongs to " sys[inc] "/, not to " lay "/")
			continue
		}
		sub(/^"/, "", inc); sub(/".*$/, "", inc)
		if (inc ~ /\//) {
			to = inc
			sub(/\/.*$/, "", to)
			target = "include/" inc
			if (!exists(target)) {
				say(file ":" ln ": \"" inc "\" is not a public header (include/" inc ")")
				continue
			}
			if (!(to in may))
				say(file ":" ln ": \"" inc "\" is in no layer")
			else if (!allowed(lay, to))
				say(file ":" ln ": " lay "/ may not include " to "/ (\"" inc "\"): it points up the layers")
		} else {
			if (file ~ /^include\//) {
				say(file ":" ln ": a public header includes \"" inc "\" without its layer folder")
				continue
			}
			target = dir_of(file) "/" inc
			if (!exists(target)) {
				say(file ":" ln ": \"" inc "\" is not a private header of " dir_of(file) "/")
				continue
			}
		}
		if (file ~ /\.h$/) {
			edges[file] = edges[file] " " target
		}
	}
	close(file)
}
# a circle among headers: depth-first search, grey = on the stack
function visit(n,   k, m, i, e) {
	color[n] = 1
	stack[++depth] = n
	k = split(edges[n], e, " ")
	for (i = 1; i <= k; i++) {
		m = e[i]
		if (color[m] == 1) {
			path = m
			for (j = depth; j >= 1 && stack[j] != m; j--)
				path = stack[j] " → " path
			say("include circle: " m " → " path)
		} else if (color[m] == 0)
			visit(m)
	}
	depth--
	color[n] = 2
}
END {
	for (n in edges)
		if (color[n] == 0)
			visit(n)
	print "layers: " nfiles " files read, " bad " finding(s)"
	exit bad ? 1 : 0
}'
