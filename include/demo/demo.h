/* demo.h: the demo community, built from the embedded data/demo TSV files by
 * running its history through the ops layer, so the demo obeys the same
 * procedure as real use. */
#ifndef YS_DEMO_H
#define YS_DEMO_H

#include <stddef.h>

/* Write a new demo database at path.  Refuses (-1, Chinese message in err)
 * when path already exists.  Leaves the process clock as it found it. */
int demo_write(const char *path, char *err, size_t errlen);

#endif
