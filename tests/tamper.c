/* tamper.c - what someone with the file and LMDB's library can do behind casewatch's back, for
 * the tests of `casewatch verify`:
 *   tamper DIR del TABLE HEXKEY          delete an entry
 *   tamper DIR put TABLE HEXKEY HEXVALUE write an entry
 *   tamper DIR flip TABLE HEXKEY [N]     flip a bit of byte N (default: the last) of a value
 *   tamper DIR last TABLE                print the last key of a table in hex
 *   tamper DIR get TABLE HEXKEY          print a value in hex (to put back altered)
 * and what a process that dies or lingers leaves in the lock file, for the tests of opening:
 *   tamper DIR hold                      keep the database open until standard input ends
 *                                        (prints "held" once it is)
 *   tamper DIR stale-reader              begin a read and die by SIGKILL inside it
 *   tamper DIR readers                   print how many reader slots are taken */
#include "config.h"

#include <errno.h>
#include <lmdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t unhex(const char *s, unsigned char *out, size_t cap)
{
	size_t n = 0;

	for (; s[0] && s[1] && n < cap; s += 2) {
		unsigned v;

		if (sscanf(s, "%2x", &v) != 1)
			break;
		out[n++] = (unsigned char)v;
	}
	return n;
}

static int count_line(const char *line, void *ctx)
{
	/* after the header, one line per slot; "(no active readers)" when there is none */
	if (line[0] != '(')
		++*(int *)ctx;
	return 0;
}

/* hold, stale-reader, readers: the lock file's reader table. */
static int readers(const char *dir, const char *what)
{
	MDB_env *env = NULL;
	MDB_txn *txn;
	int rc, n = -1;
	char line[64];

	if ((rc = mdb_env_create(&env)) || (rc = mdb_env_set_maxdbs(env, 64)) ||
	    (rc = mdb_env_set_mapsize(env, (size_t)1 << 32)) ||
	    (rc = mdb_env_open(env, dir, MDB_RDONLY, 0600))) {
		fprintf(stderr, "tamper: %s\n", mdb_strerror(rc));
		if (env)
			mdb_env_close(env);
		return 1;
	}
	if (!strcmp(what, "hold")) {
		printf("held\n");
		fflush(stdout);
		while (fgets(line, sizeof line, stdin))
			;
	} else if (!strcmp(what, "stale-reader")) {
		/* The slot stays taken in the lock file: nothing of ours runs to free it. */
		if ((rc = mdb_txn_begin(env, NULL, MDB_RDONLY, &txn)) == 0)
			raise(SIGKILL);
	} else {
		mdb_reader_list(env, count_line, &n);
		printf("%d\n", n < 0 ? 0 : n);
	}
	mdb_env_close(env);
	return rc != 0;
}

int main(int argc, char **argv)
{
	static unsigned char key[512],
		val[(1 << 20) + 4096]; /* an attachment's part (1 MiB) and its seal */
	MDB_env *env = NULL;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k, v;
	int rc;

	if (argc == 3 && (!strcmp(argv[2], "hold") || !strcmp(argv[2], "stale-reader") ||
			  !strcmp(argv[2], "readers")))
		return readers(argv[1], argv[2]);
	if (argc < 4) {
		fputs("usage: tamper DIR del|put|flip|last|get TABLE [HEXKEY [HEXVALUE|N]]\n",
		      stderr);
		return 2;
	}
	if ((rc = mdb_env_create(&env)) || (rc = mdb_env_set_maxdbs(env, 64)) ||
	    (rc = mdb_env_set_mapsize(env, (size_t)1 << 32)) ||
	    (rc = mdb_env_open(env, argv[1], 0, 0600)) ||
	    (rc = mdb_txn_begin(env, NULL, 0, &txn)) ||
	    (rc = mdb_dbi_open(txn, argv[3], 0, &dbi))) {
		fprintf(stderr, "tamper: %s\n", mdb_strerror(rc));
		if (env)
			mdb_env_close(env);
		return 1;
	}
	if (!strcmp(argv[2], "last")) {
		MDB_cursor *cur;

		if ((rc = mdb_cursor_open(txn, dbi, &cur)) == 0 &&
		    (rc = mdb_cursor_get(cur, &k, &v, MDB_LAST)) == 0)
			for (size_t i = 0; i < k.mv_size; i++)
				printf("%02x", ((unsigned char *)k.mv_data)[i]);
		printf("\n");
		mdb_txn_abort(txn);
		mdb_env_close(env);
		return rc != 0;
	}
	if (argc < 5) {
		mdb_txn_abort(txn);
		mdb_env_close(env);
		return 2;
	}
	k.mv_size = unhex(argv[4], key, sizeof key);
	k.mv_data = key;
	if (!strcmp(argv[2], "get")) {
		if ((rc = mdb_get(txn, dbi, &k, &v)) == 0)
			for (size_t i = 0; i < v.mv_size; i++)
				printf("%02x", ((unsigned char *)v.mv_data)[i]);
		printf("\n");
		mdb_txn_abort(txn);
		mdb_env_close(env);
		return rc != 0;
	}
	if (!strcmp(argv[2], "del")) {
		rc = mdb_del(txn, dbi, &k, NULL);
	} else if (!strcmp(argv[2], "put") && argc > 5) {
		v.mv_size = unhex(argv[5], val, sizeof val);
		v.mv_data = val;
		rc = mdb_put(txn, dbi, &k, &v, 0);
	} else if (!strcmp(argv[2], "flip")) {
		if ((rc = mdb_get(txn, dbi, &k, &v)) == 0 && v.mv_size && v.mv_size <= sizeof val) {
			size_t at = argc > 5 ? (size_t)atol(argv[5]) : v.mv_size - 1;

			memcpy(val, v.mv_data, v.mv_size);
			val[at < v.mv_size ? at : v.mv_size - 1] ^= 1;
			v.mv_data = val;
			rc = mdb_put(txn, dbi, &k, &v, 0);
		}
	} else {
		rc = EINVAL;
	}
	if (rc == 0)
		rc = mdb_txn_commit(txn);
	else
		mdb_txn_abort(txn);
	if (rc)
		fprintf(stderr, "tamper: %s\n", mdb_strerror(rc));
	mdb_env_close(env);
	return rc != 0;
}
