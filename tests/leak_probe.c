/* tests/leak_probe: leaks one block on purpose, for tests/lsan_exit.sh, which checks that
 * LeakSanitizer still reports it in a program linked with tests/lsan_exit.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *leak_probe_kept; /* reachable from a global at exit: not a leak */

int main(void)
{
	char *lost = malloc(48);

	if (!lost)
		return 1;
	strcpy(lost, "leaked on purpose");
	leak_probe_kept = malloc(16);
	printf("%zu\n", strlen(lost));
	lost = NULL; /* the only pointer to the block is gone */
	return 0;
}
