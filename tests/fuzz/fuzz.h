/* fuzz.h - what the fuzz targets share (tests/fuzz/): the libFuzzer entry point each defines,
 * a check that aborts (so that libFuzzer, or the replay main without it, reports the input),
 * and a temporary directory made once per process.
 *
 * Each target is built two ways (tests/fuzz/local.mk): with clang's libFuzzer under
 * AddressSanitizer and UndefinedBehaviorSanitizer when configure finds it, else with replay.c's
 * main(), which feeds it each corpus file once, so that every build replays the corpus. The
 * targets that need a database use fuzz_store.h. */
#ifndef CW_FUZZ_H
#define CW_FUZZ_H

#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property the input broke: says which and aborts, so the input is kept as a crash. */
#define FUZZ_CHECK(cond, ...)                                                                      \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "fuzz: %s:%d: %s: ", __FILE__, __LINE__, #cond);           \
			fprintf(stderr, __VA_ARGS__);                                              \
			fputc('\n', stderr);                                                       \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* With CW_FUZZ_VERBOSE set, a target says what became of each input (to see how far the
 * corpus files get). */
static inline void fuzz_say(const char *what, int rc, const char *field, const char *message)
{
	if (!getenv("CW_FUZZ_VERBOSE"))
		return;
	if (rc == 0)
		fprintf(stderr, "fuzz: %s: accepted\n", what);
	else
		fprintf(stderr, "fuzz: %s: refused (%d) %s: %s\n", what, rc, field, message);
}

/* The input as a NUL-terminated string (cut at its first NUL, as a C caller would see it);
 * the caller frees it. */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* The locale casewatch sets (text widths need it); called by each target's first input. */
static inline void fuzz_locale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

/* The directory this process works in, made on first use and removed at exit: under
 * /dev/shm when there is one (the stores commit with fdatasync; memory makes that cheap),
 * else $TMPDIR or /tmp. */
static char fuzz_dir_path[512];

static inline void fuzz_dir_remove(void)
{
	char cmd[600];

	if (!fuzz_dir_path[0])
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir_path);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", fuzz_dir_path);
}

static inline const char *fuzz_dir(void)
{
	const char *tmp = getenv("TMPDIR");

	if (fuzz_dir_path[0])
		return fuzz_dir_path;
	if (access("/dev/shm", W_OK) == 0)
		tmp = "/dev/shm";
	else if (!tmp || !*tmp)
		tmp = "/tmp";
	snprintf(fuzz_dir_path, sizeof fuzz_dir_path, "%s/casewatch-fuzz-XXXXXX", tmp);
	if (!mkdtemp(fuzz_dir_path)) {
		perror("fuzz: mkdtemp");
		abort();
	}
	atexit(fuzz_dir_remove);
	return fuzz_dir_path;
}

/* A path inside the work directory. */
static inline void fuzz_path(char *out, size_t len, const char *name)
{
	snprintf(out, len, "%s/%s", fuzz_dir(), name);
}

/* Writes the bytes to a file of the work directory (the code under test reads files). */
static inline void fuzz_write_file(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

#endif
