/* pipe.h - work handed from a second thread to this one, in order, a batch at a time.
 *
 * Reading a file of records has two halves: parsing (JSON and the records made from it), which
 * needs nothing but the text, and writing, which needs the database's one write transaction.
 * A pipe runs the first half on a thread of its own while the caller does the second: the
 * producer fills entries of a fixed size, which travel in batches, and the caller takes the
 * batches in the order they were filled. At most a few batches wait, each of at most so many
 * entries and about a MiB, so memory stays bounded whatever the input's size.
 *
 * The producer keeps its errors in its context and returns; the caller may read them once it
 * has taken the last batch. */
#ifndef CW_PIPE_H
#define CW_PIPE_H

#include <stddef.h>

#include "models/error.h"

struct cw_pipe;

/* The producer: runs on the pipe's thread, fills each entry where cw_pipe_slot says and hands
 * it on with cw_pipe_push, and returns at the end of its input, after an error, or when
 * cw_pipe_slot says the caller has stopped. */
typedef void (*cw_pipe_produce_fn)(struct cw_pipe *p, void *ctx);
/* Frees what an entry holds, for entries filled and never handed out (the caller stopped). */
typedef void (*cw_pipe_drop_fn)(void *ctx, void *entry);

/* Starts the producer on its own thread. 0, or CW_ENOMEM when neither memory nor a thread
 * could be had (nothing started). */
int cw_pipe_start(struct cw_pipe **out, size_t entry_size, size_t batch_entries,
		  cw_pipe_produce_fn produce, cw_pipe_drop_fn drop, void *ctx);

/* For the producer: where the next entry goes (waiting while every batch is full), or NULL
 * when the caller has stopped (seen when a batch begins). */
void *cw_pipe_slot(struct cw_pipe *p);
/* For the producer: whether the caller has stopped, for one that goes on without handing
 * entries on (no batch begins, so cw_pipe_slot does not see it). */
int cw_pipe_stopped(struct cw_pipe *p);
/* For the producer: the entry at the last slot is filled; `bytes` says about how much memory
 * it holds. A batch is handed on when it is full or holds more than CW_PIPE_BATCH_BYTES, so
 * that what waits stays small even when entries are large. */
#define CW_PIPE_BATCH_BYTES (1u << 20)
void cw_pipe_push(struct cw_pipe *p, size_t bytes);

/* For the caller: the next batch, in order: its entries and how many (*n, may be 0), and
 * *last when the producer has returned and no batch follows. What the entries hold is the
 * caller's to free, every one of them; the batch goes back to the producer at the next call.
 * Not to be called after the last batch. */
void *cw_pipe_next(struct cw_pipe *p, size_t *n, int *last);

/* For the caller: hands every entry, in order, to take (ctx and err are take's), until take
 * fails; every entry handed out, taken or not, is then dropped (the pipe's drop frees what
 * take left). take's error, or 0 once the producer's last entry is taken. */
typedef int (*cw_pipe_take_fn)(void *ctx, void *entry, struct cw_error *err);
int cw_pipe_drain(struct cw_pipe *p, cw_pipe_take_fn take, void *ctx, struct cw_error *err);

/* Stops the producer (at its next cw_pipe_slot) and waits for it to return, drops the
 * entries of every batch filled and not handed out, and frees the pipe. */
void cw_pipe_stop(struct cw_pipe *p);

#endif
