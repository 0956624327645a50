/* mangen.c: a build tool, not part of the program — writes the manual
 * page from the template and the command line's tables (man.c):
 *   build/mangen data/man/yishiting.1.in 2026-05-01 > build/yishiting.1 */
#include <stdio.h>

#include "cli_int.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: mangen TEMPLATE DATE > yishiting.1\n");
		return 2;
	}
	return cli_man(stdout, argv[1], argv[2]) == 0 ? 0 : 1;
}
