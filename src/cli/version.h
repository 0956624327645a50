/* version.h: the program's version, read by the Makefile too (make deb). */
#ifndef YS_VERSION_H
#define YS_VERSION_H
#define YS_VERSION "0.2.0"
#endif
