/* run_corpus.c: a fuzz target's corpus run without libFuzzer, as `make
 * check` runs it (built with the sanitizers): every file named, or every
 * file in every folder named, given to LLVMFuzzerTestOneInput once.
 * Prints how many inputs ran; a crash or sanitizer report fails it. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0, k;

	if (!f) {
		perror(path);
		return -1;
	}
	do {
		if (n + 65536 > cap)
			buf = realloc(buf, cap = (n + 65536) * 2);
		k = fread(buf + n, 1, 65536, f);
		n += k;
	} while (k > 0);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	int runs = 0;

	for (int i = 1; i < argc; i++) {
		struct stat sb;
		if (stat(argv[i], &sb) != 0) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(sb.st_mode)) {
			if (run_file(argv[i]) != 0)
				return 1;
			runs++;
			continue;
		}
		DIR *d = opendir(argv[i]);
		struct dirent *e;
		while (d && (e = readdir(d)) != NULL) {
			char p[4096];
			if (e->d_name[0] == '.')
				continue;
			snprintf(p, sizeof p, "%s/%s", argv[i], e->d_name);
			if (run_file(p) != 0)
				return 1;
			runs++;
		}
		if (d)
			closedir(d);
	}
	printf("%d inputs\n", runs);
	return runs > 0 ? 0 : 1;
}
