/* tests/lsan_exit.c: linked into every program of a build configured with
 * --enable-sanitizers (Makefile.am), and into no other.
 *
 * LeakSanitizer checks for leaks at each exit by scanning every writable segment of the
 * program for pointers into the heap. In a program linked with clang's sanitizer runtime
 * those segments hold about 9 MB of the runtime's own tables (its stack depots), which a
 * short process never touches. Read for the first time by the scan, each of their pages
 * costs a page fault: about 2,600 of them at every exit of casewatch, and the test suite
 * starts casewatch thousands of times. One madvise(MADV_POPULATE_READ) call (Linux 5.14)
 * maps those pages before the scan instead, so the check stays whole and costs less. Where
 * the kernel does not know the call it fails and nothing else changes. */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif

static int map_writable_segments(struct dl_phdr_info *info, size_t size, void *unused)
{
	const uintptr_t page = 4096;

	(void)size;
	(void)unused;
	for (size_t i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t start, end;

		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W) || ph->p_memsz == 0)
			continue;
		start = (info->dlpi_addr + ph->p_vaddr) & ~(page - 1);
		end = (info->dlpi_addr + ph->p_vaddr + ph->p_memsz + page - 1) & ~(page - 1);
		(void)madvise((void *)start, end - start, MADV_POPULATE_READ);
	}
	return 1; /* the program itself comes first; libraries' segments are small */
}

static void before_leak_check(void)
{
	dl_iterate_phdr(map_writable_segments, NULL);
}

/* The sanitizer runtime registers its leak check with atexit before any constructor runs;
 * handlers run in the reverse order of registration, so this one runs just before it. */
__attribute__((constructor)) static void register_before_leak_check(void)
{
	atexit(before_leak_check);
}
