/* attach_open.h - showing an attachment to the user: its content decrypted into a private
 * temporary file that a viewer opens, removed afterwards; and the settings attachments take
 * from the config file (`opener`). May use: models/, store/.
 *
 * Where the file goes: a folder made for it alone (mkdtemp, mode 0700) in $XDG_RUNTIME_DIR (a
 * per-user tmpfs on systemd machines: the decrypted copy never reaches the disk), else $TMPDIR,
 * else /tmp; the file keeps the attachment's name, so the viewer knows its type, and is
 * created with O_EXCL and mode 0600. The opener is run with the file as its one argument, no
 * shell: $CASEWATCH_OPENER, else `opener` in the config file, else xdg-open. The size limit of
 * attach is a setting too (app/settings.h).
 *
 * When it goes: xdg-open hands the file to a viewer and returns at once for many of them, so
 * the end of the opener does not say the file was read. After the opener ends, `done` is
 * called (the command line asks for Enter on a terminal; the terminal interface for a key);
 * then the file is overwritten with zeros, removed, and its folder removed. SIGINT, SIGTERM and
 * SIGHUP meanwhile remove them too before the signal takes its course; only SIGKILL (or a power
 * cut, outside a tmpfs) can leave the folder behind, as casewatch-open-XXXXXX, mode 0700. */
#ifndef CW_APP_ATTACH_OPEN_H
#define CW_APP_ATTACH_OPEN_H

#include <stddef.h>
#include <stdint.h>

#include "models/error.h"
#include "store/attach.h"
#include "store/store.h"

/* The program that opens files, into out: $CASEWATCH_OPENER, else `opener` in the config file
 * at config_path, else "xdg-open". */
void cw_opener(const char *config_path, char *out, size_t len);

/* Decrypts attachment `id` into a private temporary file, runs `opener` on it and waits for it
 * to end, calls done(ctx, path) (may be NULL) and removes the file and its folder, whatever
 * happened. CW_EIO (the folder or file cannot be made, the opener cannot be run or fails:
 * its exit status is said), and what cw_store_attachment_read returns. */
int cw_attachment_open(struct cw_store *st, const struct cw_id *id, const char *opener,
		       void (*done)(void *ctx, const char *path), void *ctx, struct cw_error *err);

#endif
