/* main.c: the program.  Without a command it opens the screen on a
 * database; the commands and their options are the tables of table.c
 * (yishiting --help, man yishiting).
 * Exit status: 0 done, 1 failed, 2 wrong usage. */
#include "cli_int.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
