/* child.h - what a program casewatch starts (the pager, an attachment's viewer, $EDITOR) holds
 * of casewatch's: its standard streams and nothing else. Such a program is the user's choice
 * and may be anything; it must not inherit the database's files, a --passphrase-fd descriptor
 * or a pipe casewatch still writes to. */
#ifndef CW_APP_CHILD_H
#define CW_APP_CHILD_H

#include <stddef.h>

/* In the child, between fork and exec: closes every descriptor from 3 up except `keep` (-1:
 * none). Only async-signal-safe calls. */
void cw_child_close_fds(int keep);

/* A private folder (mode 0700, made with mkdtemp) for a file handed to such a program, named
 * "PREFIX-XXXXXX", in memory-backed storage: $XDG_RUNTIME_DIR, else $TMPDIR, else /dev/shm, on
 * tmpfs or ramfs; never on the disk, where a plaintext file would outlive the key (and an
 * overwrite does not reach the flash cells of an SSD). Pages of tmpfs may still be swapped
 * out: full-disk encryption covers the swap area. For a plain database only, when none is in
 * memory, $TMPDIR or /tmp. 0 with the folder made in dir; -1 with errno (ENOENT: no folder in
 * memory for an encrypted database's content). */
int cw_private_folder(int encrypted, const char *prefix, char *dir, size_t len);

#endif
