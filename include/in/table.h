/* table.h: a table of text from a file an office has: CSV (UTF-8 with or
 * without a BOM, GB18030 as older Excel and WPS save it, UTF-16 as Excel's
 * "Unicode text"; commas, tabs or semicolons) or an .xlsx workbook (its
 * first sheet).  Every cell comes out as valid UTF-8, "" when empty. */
#ifndef YS_IN_TABLE_H
#define YS_IN_TABLE_H

#include <stddef.h>

#define TABLE_MAX_COLS 64
#define TABLE_MAX_ROWS 100000
#define TABLE_MAX_CELL 1000       /* characters in one cell */

struct table {
	int rows, cols;
	char **cell;                /* rows * cols, row by row */
	int *line;                  /* where each row starts in the file: the
	                             * CSV line, the sheet's row number */
	char format[32];            /* "CSV（UTF-8）", "CSV（GB18030）", "Excel（.xlsx）" … */
	int date1904;               /* an .xlsx whose dates count from 1904 */
};

/* read path into t; -1 with a message in Chinese saying what is wrong and
 * where (never a partial table) */
int table_read(const char *path, struct table *t, char *err, size_t errlen);
/* the same from bytes in memory; name only for the kind (.xlsx or not) */
int table_parse(const char *name, const unsigned char *data, size_t n, struct table *t,
                char *err, size_t errlen);
void table_free(struct table *t);
/* the cell, "" outside the table */
const char *table_cell(const struct table *t, int row, int col);
/* 1 when the row has no text at all */
int table_row_empty(const struct table *t, int row);

/* the date an Excel serial number (a cell formatted as a date) stands for,
 * YYYY-MM-DD into out; -1 when s is not such a number */
int table_excel_date(const char *s, int date1904, char out[11]);

#endif
