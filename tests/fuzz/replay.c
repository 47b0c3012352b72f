/* replay.c - main() for a fuzz target built without libFuzzer (gcc, or a clang without its
 * runtime): feeds the target each file named on the command line, and each file of each
 * directory named, once, in name order, as libFuzzer does when given files. Arguments starting
 * with '-' (libFuzzer's options) are ignored, so both builds take the same command line. A
 * property an input breaks aborts, naming the file first. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/fuzz/fuzz.h"

static size_t replayed;

static void replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t len = 0, cap = 0, got;

	if (!f) {
		fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
		exit(1);
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			if (!(data = realloc(data, cap)))
				abort();
		}
		got = fread(data + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	if (ferror(f)) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		exit(1);
	}
	fclose(f);
	fprintf(stderr, "replay: %s\n", path);
	/* A copy of exactly len bytes, so that AddressSanitizer sees a read past the input. */
	{
		uint8_t *exact = malloc(len ? len : 1);

		if (!exact)
			abort();
		memcpy(exact, data, len);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	free(data);
	replayed++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void replay_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (!d) {
		fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
		exit(1);
	}
	while ((e = readdir(d))) {
		char *full;
		struct stat sb;
		size_t len = strlen(path) + strlen(e->d_name) + 2;

		if (e->d_name[0] == '.')
			continue;
		if (!(full = malloc(len)) || !(names = realloc(names, (n + 1) * sizeof *names)))
			abort();
		snprintf(full, len, "%s/%s", path, e->d_name);
		if (stat(full, &sb) != 0 || !S_ISREG(sb.st_mode)) {
			free(full);
			continue;
		}
		names[n++] = full;
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		replay_file(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		struct stat sb;

		if (argv[i][0] == '-')
			continue;
		if (stat(argv[i], &sb) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		if (S_ISDIR(sb.st_mode))
			replay_dir(argv[i]);
		else
			replay_file(argv[i]);
	}
	fprintf(stderr, "replay: %zu inputs, no failure\n", replayed);
	return 0;
}
