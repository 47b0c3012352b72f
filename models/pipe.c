/* pipe.c - a producer thread and a ring of batches; see pipe.h. */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include "models/error.h"
#include "models/pipe.h"

/* Batches filled ahead at most: enough that neither side waits for the other's every batch,
 * few enough that memory stays that of a few hundred entries. */
#define RING 4

struct pipe_batch {
	unsigned char *entries;
	size_t n;
	int last;
};

struct cw_pipe {
	size_t entry_size, per_batch;
	cw_pipe_produce_fn produce;
	cw_pipe_drop_fn drop;
	void *ctx;
	struct pipe_batch batches[RING];
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t moved; /* a batch was filled or given back, or the caller stopped */
	/* Shared, under mu: the oldest batch filled and not given back, how many are (the one
	 * the caller holds included), whether the caller holds batches[head], and has stopped. */
	size_t head, filled;
	int held, stop;
	/* The producer's own: the batch it fills (batches[(head + filled) % RING]), how many
	 * entries it has so far and about how many bytes they hold. */
	size_t tail, count, bytes;
};

/* Hands the producer's batch on. */
static void publish(struct cw_pipe *p, int last)
{
	struct pipe_batch *b = &p->batches[p->tail];

	b->n = p->count;
	b->last = last;
	p->tail = (p->tail + 1) % RING;
	p->count = p->bytes = 0;
	pthread_mutex_lock(&p->mu);
	p->filled++;
	pthread_cond_signal(&p->moved);
	pthread_mutex_unlock(&p->mu);
}

/* Waits until the producer's batch is free (not one filled and waiting): 0, or -1 when the
 * caller has stopped. */
static int room(struct cw_pipe *p)
{
	int stopped;

	pthread_mutex_lock(&p->mu);
	while (p->filled == RING && !p->stop)
		pthread_cond_wait(&p->moved, &p->mu);
	stopped = p->stop;
	pthread_mutex_unlock(&p->mu);
	return stopped ? -1 : 0;
}

int cw_pipe_stopped(struct cw_pipe *p)
{
	int stopped;

	pthread_mutex_lock(&p->mu);
	stopped = p->stop;
	pthread_mutex_unlock(&p->mu);
	return stopped;
}

void *cw_pipe_slot(struct cw_pipe *p)
{
	/* A batch is begun only when there is room for it and the caller still reads; once
	 * begun, it is the producer's until it is published. */
	if (p->count == 0 && room(p) != 0)
		return NULL;
	return p->batches[p->tail].entries + p->count * p->entry_size;
}

void cw_pipe_push(struct cw_pipe *p, size_t bytes)
{
	p->bytes += bytes;
	if (++p->count == p->per_batch || p->bytes > CW_PIPE_BATCH_BYTES)
		publish(p, 0);
}

static void *producer(void *arg)
{
	struct cw_pipe *p = arg;

	p->produce(p, p->ctx);
	/* The last batch, perhaps empty: it says that nothing follows. */
	if (p->count > 0 || room(p) == 0)
		publish(p, 1);
	return NULL;
}

int cw_pipe_start(struct cw_pipe **out, size_t entry_size, size_t batch_entries,
		  cw_pipe_produce_fn produce, cw_pipe_drop_fn drop, void *ctx)
{
	struct cw_pipe *p = calloc(1, sizeof *p);
	sigset_t all, old;
	int rc;

	*out = NULL;
	if (!p)
		return CW_ENOMEM;
	p->entry_size = entry_size;
	p->per_batch = batch_entries;
	p->produce = produce;
	p->drop = drop;
	p->ctx = ctx;
	for (size_t i = 0; i < RING; i++)
		if (!(p->batches[i].entries = calloc(batch_entries, entry_size)))
			goto fail;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->moved, NULL);
	/* Every signal blocked on the producer, so that signals reach the thread that handled
	 * them before (an interrupt of the command line). */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&p->thread, NULL, producer, p);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc == 0) {
		*out = p;
		return 0;
	}
	pthread_cond_destroy(&p->moved);
	pthread_mutex_destroy(&p->mu);
fail:
	for (size_t i = 0; i < RING; i++)
		free(p->batches[i].entries);
	free(p);
	return CW_ENOMEM;
}

/* Gives the batch the caller holds back to the producer; under mu. */
static void give_back(struct cw_pipe *p)
{
	if (!p->held)
		return;
	p->head = (p->head + 1) % RING;
	p->filled--;
	p->held = 0;
	pthread_cond_signal(&p->moved);
}

void *cw_pipe_next(struct cw_pipe *p, size_t *n, int *last)
{
	struct pipe_batch *b;

	pthread_mutex_lock(&p->mu);
	give_back(p);
	while (p->filled == 0)
		pthread_cond_wait(&p->moved, &p->mu);
	p->held = 1;
	pthread_mutex_unlock(&p->mu);
	b = &p->batches[p->head];
	*n = b->n;
	*last = b->last;
	return b->entries;
}

int cw_pipe_drain(struct cw_pipe *p, cw_pipe_take_fn take, void *ctx, struct cw_error *err)
{
	int rc = 0, last = 0;

	while (rc == 0 && !last) {
		size_t n, i;
		unsigned char *entries = cw_pipe_next(p, &n, &last);

		for (i = 0; i < n && rc == 0; i++)
			rc = take(ctx, entries + i * p->entry_size, err);
		for (i = 0; i < n && p->drop; i++)
			p->drop(p->ctx, entries + i * p->entry_size);
	}
	return rc;
}

void cw_pipe_stop(struct cw_pipe *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	give_back(p);
	p->stop = 1;
	pthread_cond_signal(&p->moved);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->thread, NULL);
	/* Batches filled after the caller's last (the producer publishes a batch it had begun):
	 * their entries were never handed out. */
	for (; p->filled > 0; p->filled--, p->head = (p->head + 1) % RING) {
		struct pipe_batch *b = &p->batches[p->head];

		for (size_t i = 0; i < b->n && p->drop; i++)
			p->drop(p->ctx, b->entries + i * p->entry_size);
	}
	pthread_cond_destroy(&p->moved);
	pthread_mutex_destroy(&p->mu);
	for (size_t i = 0; i < RING; i++)
		free(p->batches[i].entries);
	free(p);
}
