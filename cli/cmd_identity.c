/* cmd_identity.c - this database's identity and the peers it trusts: identity, peer add,
 * peer list, peer remove; see commands.h. Thin: the keys are store/identity.h's, the peers
 * store/trust.h's. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "models/i18n.h"
#include "models/json.h"
#include "models/text.h"
#include "models/utf8.h"
#include "store/identity.h"
#include "store/signature.h"
#include "store/sync.h"
#include "store/trust.h"

const char cw_identity_help[] =
	N_("Every database has an identity: a key that signs the bundles it writes and one that\n"
	   "opens the bundles written for it. Give its public part to the people you exchange\n"
	   "bundles with (it is not secret), and compare the fingerprint with them by phone or\n"
	   "face to face: a key that reached them by a messaging app could have been swapped\n"
	   "on the way, a fingerprint read aloud cannot.\n"
	   "Options:\n"
	   "  --key    print the key alone (for scripts)\n"
	   "  --json   the key, the fingerprint and the command to enrol it, as JSON\n");
const char cw_peer_help[] =
	N_("The peers this database trusts, each a name and the key its 'casewatch identity'\n"
	   "printed. Bundles are imported only when this database or an enrolled peer signed\n"
	   "them, and 'bundle export --to NAME' encrypts for enrolled peers only. A supervisor\n"
	   "enrols each monitor's laptop; each monitor enrols the supervisor. Compare the\n"
	   "fingerprint by phone before enrolling a key. One name per key: to give a peer a\n"
	   "new key (a new laptop), remove it and add it again (its next bundle holds\n"
	   "everything). --json for JSON.\n"
	   "A peer is one of the team (the team's own laptops: encrypted bundles carry\n"
	   "confidential records and fields whole) or a partner (another organisation:\n"
	   "every bundle for it leaves them out, as a plain bundle does, whatever the\n"
	   "options of bundle export). 'peer add NAME KEY --partner' enrols a partner;\n"
	   "'peer role NAME team|partner' changes the role (a partner made one of the team\n"
	   "gets everything in its next bundle).\n"
	   "A removed peer's key is remembered as removed (a laptop that was taken, or a\n"
	   "database restored from its backup, still holds it): bundles it signs are refused,\n"
	   "and so are bundles that relay its database's changes this one did not hold when\n"
	   "it was removed ('bundle import --accept-removed' takes them to review). Enrolling\n"
	   "that key again is refused unless asked for:\n"
	   "  --readmit   (peer add) enrol a key that was removed, knowing it is safe\n"
	   "  --removed   (peer list) the removed keys, by fingerprint and when (their names\n"
	   "              are not kept)\n");

const char cw_check_signature_help[] =
	N_("Checks a file casewatch wrote with --sign (a report, an export) against its\n"
	   "signature, FILE.sig unless SIGNATURE names another: that it is every byte the\n"
	   "laptop signed, and which key signed it. Needs no database and no passphrase, so a\n"
	   "partner who received both files can run it. The signature proves who holds the\n"
	   "key, nothing more: the time and the database it names are the signer's word. So\n"
	   "compare the fingerprint it prints with the one the author reads you by phone\n"
	   "('casewatch identity' prints it), or give that one:\n"
	   "  --fingerprint FINGERPRINT  only a signature by that key is accepted\n"
	   "A report whose header names another key than the one that signed it is refused:\n"
	   "it was made to look like another's.\n"
	   "Exit status 0 when the file is as signed (by that key, when given); 74 when it is\n"
	   "not (changed, cut, another file's signature, or another key); 65 when SIGNATURE\n"
	   "is not a casewatch signature; 66 when a file is missing or not a regular file.\n"
	   "--json for JSON.\n");

/* Whether a is one of flags, "--a,--b" (NULL: none). */
static int one_of_flags(const char *flags, const char *a)
{
	size_t n = strlen(a);

	for (const char *f = flags; f && *f; f += strcspn(f, ",") + (f[strcspn(f, ",")] == ','))
		if (strcspn(f, ",") == n && !strncmp(f, a, n))
			return 1;
	return 0;
}

/* The positional words of a command, options aside (`flag`, when not NULL, is the command's
 * own, or several: "--a,--b"): at most `max`, at least `min`. */
static int words_with(struct cw_cli *cli, int first_arg, const char **out, int min, int max,
		      const char *usage, const char *flag)
{
	char quoted[CW_CLI_QUOTED_MAX];
	int n = 0;

	for (int i = first_arg; i < cli->argc; i++) {
		const char *a = cli->argv[i];

		if (!strcmp(a, "--json") || !strcmp(a, "--help") || !strcmp(a, "--key") ||
		    one_of_flags(flag, a))
			continue;
		if ((a[0] == '-' && a[1]) || n == max)
			return cw_error_set(&cli->err, CW_EUSAGE, "",
					    "unexpected argument %s; usage: %s",
					    cw_cli_quoted_arg(a, quoted, sizeof quoted), usage);
		out[n++] = a;
	}
	if (n < min)
		return cw_error_set(&cli->err, CW_EUSAGE, "", "usage: %s", usage);
	return 0;
}

static int words(struct cw_cli *cli, int first_arg, const char **out, int min, int max,
		 const char *usage)
{
	return words_with(cli, first_arg, out, min, max, usage, NULL);
}

/* A role's word, as typed (peer add --partner, peer role) and in JSON. */
static const char *role_word(int role)
{
	return role == CW_PEER_PARTNER ? "partner" : "team";
}

/* ... and as shown. */
static const char *role_label(int role)
{
	return role == CW_PEER_PARTNER ? _("partner") : _("team");
}

int cw_cmd_identity(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_identity_public pub;
	char key[CW_IDENTITY_TEXT_MAX], alone[CW_IDENTITY_TEXT_MAX], fp[CW_FINGERPRINT_TEXT_MAX];
	char dbhex[CW_ID_HEX_LEN + 1];
	struct cw_id db;
	int rc, only_key = 0;

	(void)cmd;
	for (int i = first_arg; i < cli->argc; i++)
		only_key |= !strcmp(cli->argv[i], "--key");
	if ((rc = words(cli, first_arg, NULL, 0, 0, "casewatch identity [--key] [--json]")) != 0 ||
	    (rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_store_identity(cli->session.store, &pub, &cli->err)) != 0)
		return rc;
	/* The key with this database's id: enrolled with it, no other laptop can claim this
	 * database's name at the other end before this laptop's first bundle. The key alone
	 * ("cwid1:") is for a laptop on a casewatch from before that. The fingerprint covers the
	 * key only, so the database's id (random) is read out beside it, by the first digits
	 * other messages name it by. */
	cw_store_database_id(cli->session.store, &db);
	cw_id_hex(&db, dbhex);
	cw_identity_text_of_database(&pub, &db, key);
	cw_identity_text(&pub, alone);
	cw_identity_fingerprint(&pub, fp);
	if (only_key) {
		fprintf(cli->out, "%s\n", key);
		return 0;
	}
	if (cli->json) {
		char add[CW_IDENTITY_TEXT_MAX + 40];

		snprintf(add, sizeof add, "casewatch peer add NAME %s", key);
		return cw_cli_print_json(cli,
					 json_pack("{s:s,s:s,s:s,s:s,s:s}", "key", key,
						   "key_without_database", alone, "fingerprint", fp,
						   "database", dbhex, "peer_add", add));
	}
	fprintf(cli->out,
		_("key:         %s\n"
		  "fingerprint: %s\n"
		  "database:    %.8s\n"
		  "On the other laptop, once its owner has read you the same fingerprint and "
		  "database by phone,\n"
		  "type (NAME: what it will call this laptop, such as your name):\n"
		  "  casewatch peer add NAME %s\n"),
		key, fp, dbhex, key);
	return 0;
}

int cw_cmd_peer_add(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	const char *w[2];
	struct cw_identity_public pub;
	char fp[CW_FINGERPRINT_TEXT_MAX], dbhex[CW_ID_HEX_LEN + 1];
	struct cw_id db;
	int rc, role = CW_PEER_TEAM;

	(void)cmd;
	for (int i = first_arg; i < cli->argc; i++) {
		if (!strcmp(cli->argv[i], "--partner"))
			role = (role & CW_PEER_READMIT) | CW_PEER_PARTNER;
		if (!strcmp(cli->argv[i], "--readmit"))
			role |= CW_PEER_READMIT;
	}
	if ((rc = words_with(cli, first_arg, w, 2, 2,
			     "casewatch peer add NAME KEY [--partner] [--readmit]",
			     "--partner,--readmit")) != 0 ||
	    (rc = cw_peer_name_validate_new(w[0], "name", &cli->err)) != 0 ||
	    (rc = cw_identity_parse(w[1], &pub, &db, &cli->err)) != 0 ||
	    (rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_peer_add_as(cli->session.store, w[0], &pub, &db, role, &cli->err)) != 0)
		return rc;
	cw_identity_fingerprint(&pub, fp);
	cw_id_hex(&db, dbhex);
	if (cli->json)
		return cw_cli_print_json(cli, json_pack("{s:s,s:s,s:s?,s:s}", "name", w[0],
							"fingerprint", fp, "database",
							cw_id_is_zero(&db) ? NULL : dbhex, "role",
							role_word(role & ~CW_PEER_READMIT)));
	fprintf(cli->out, _("enrolled '"));
	cw_print_safe(cli->out, w[0], 0);
	if (cw_id_is_zero(&db))
		fprintf(cli->out, _("' (fingerprint %s)"), fp);
	else
		fprintf(cli->out, _("' (fingerprint %s, database %.8s)"), fp, dbhex);
	fprintf(cli->out, _(": bundles it signs are accepted here, and bundle export --to "));
	cw_print_safe(cli->out, w[0], 0);
	fprintf(cli->out, _(" writes bundles only it can read\n"));
	if ((role & ~CW_PEER_READMIT) == CW_PEER_PARTNER)
		fprintf(cli->out, "%s\n",
			_("as a partner, it gets no confidential material: every bundle for it "
			  "leaves it out, as a plain bundle does"));
	return 0;
}

int cw_cmd_peer_role(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	const char *w[2];
	int rc, role, was;

	(void)cmd;
	if ((rc = words(cli, first_arg, w, 2, 2, "casewatch peer role NAME team|partner")) != 0)
		return rc;
	if (!strcmp(w[1], "team"))
		role = CW_PEER_TEAM;
	else if (!strcmp(w[1], "partner"))
		role = CW_PEER_PARTNER;
	else
		return cw_error_set(
			&cli->err, CW_EUSAGE, "role",
			"'%.40s' is not a role: team (the team's own laptops, which get "
			"confidential material encrypted) or partner (which never does)",
			w[1]);
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_peer_set_role(cli->session.store, w[0], role, &was, &cli->err)) != 0)
		return rc;
	if (cli->json)
		return cw_cli_print_json(cli, json_pack("{s:s,s:s,s:s}", "name", w[0], "role",
							role_word(role), "was", role_word(was)));
	fprintf(cli->out, "'");
	cw_print_safe(cli->out, w[0], 0);
	if (was == role && role == CW_PEER_PARTNER)
		fprintf(cli->out, "%s\n", _("' is a partner already"));
	else if (was == role)
		fprintf(cli->out, "%s\n", _("' is one of the team already"));
	else if (role == CW_PEER_PARTNER)
		fprintf(cli->out, "%s\n",
			_("' is a partner now: no bundle for it carries confidential material"));
	else
		fprintf(cli->out, "%s\n",
			_("' is one of the team now: bundles for it carry confidential material, "
			  "and its next one sends everything (what the earlier ones left out)"));
	return 0;
}

int cw_cmd_peer_remove(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	const char *w[1];
	int rc;

	(void)cmd;
	if ((rc = words(cli, first_arg, w, 1, 1, "casewatch peer remove NAME")) != 0 ||
	    (rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_peer_remove(cli->session.store, w[0], &cli->err)) != 0)
		return rc;
	fprintf(cli->out, _("removed '"));
	cw_print_safe(cli->out, w[0], 0);
	fprintf(cli->out, _("': its bundles are refused from now on, and so are its database's "
			    "changes relayed by others that were not here yet; its key is "
			    "enrolled again only with --readmit\n"));
	return 0;
}

/* The keys removed from the peers (peer list --removed): a fingerprint and when, no name. */
static int list_removed(struct cw_cli *cli)
{
	static const char *const cols[] = {N_("FINGERPRINT"), N_("REMOVED")};
	struct cw_removed_key *r;
	struct cw_table t;
	size_t n;
	int rc;

	if ((rc = cw_peer_removed_list(cli->session.store, &r, &n, &cli->err)) != 0)
		return rc;
	if (cli->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++) {
			char fp[CW_FINGERPRINT_TEXT_MAX], key[CW_IDENTITY_TEXT_MAX], when[32];

			cw_identity_fingerprint(&r[i].key, fp);
			cw_identity_text(&r[i].key, key);
			cw_time_format(r[i].removed, when);
			json_array_append_new(arr, json_pack("{s:s,s:s,s:s}", "fingerprint", fp,
							     "key", key, "removed", when));
		}
		free(r);
		return cw_cli_print_json(cli, arr);
	}
	if (n == 0) {
		fprintf(cli->out, _("no key was removed from the peers (casewatch peer remove "
				    "NAME)\n"));
		free(r);
		return 0;
	}
	cw_table_init(&t, 2, cols);
	t.fit[0] = t.fit[1] = CW_COLUMN_WHOLE;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char fp[CW_FINGERPRINT_TEXT_MAX], when[CW_TIME_LOCAL_MAX];

		cw_identity_fingerprint(&r[i].key, fp);
		cw_time_local_format(r[i].removed, when);
		rc = cw_table_add(&t, (const char *const[]){fp, when});
	}
	if (rc == 0)
		cw_table_print(&t, cli->out, cw_output_width(cli->out));
	cw_table_free(&t);
	free(r);
	return rc ? cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory") : 0;
}

int cw_cmd_peer_list(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	static const char *const cols[] = {N_("NAME"), N_("ROLE"), N_("FINGERPRINT"),
					   N_("ENROLLED")};
	struct cw_removed_key *gone = NULL;
	struct cw_peer_key *p;
	struct cw_table t;
	size_t n, ngone = 0;
	int rc, removed = 0;

	(void)cmd;
	for (int i = first_arg; i < cli->argc; i++)
		removed |= !strcmp(cli->argv[i], "--removed");
	if ((rc = words_with(cli, first_arg, NULL, 0, 0, "casewatch peer list [--removed] [--json]",
			     "--removed")) != 0 ||
	    (rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	if (removed)
		return list_removed(cli);
	if ((rc = cw_peer_list(cli->session.store, &p, &n, &cli->err)) != 0)
		return rc;
	if (cli->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++) {
			char fp[CW_FINGERPRINT_TEXT_MAX], key[CW_IDENTITY_TEXT_MAX], when[32];

			cw_identity_fingerprint(&p[i].key, fp);
			cw_identity_text(&p[i].key, key);
			cw_time_format(p[i].added, when);
			json_array_append_new(arr,
					      json_pack("{s:s,s:s,s:s,s:s,s:s}", "name", p[i].name,
							"role", role_word(p[i].role), "fingerprint",
							fp, "key", key, "enrolled", when));
		}
		free(p);
		return cw_cli_print_json(cli, arr);
	}
	/* Said under the list, so that whoever checks whom the laptop trusts sees that some
	 * keys are refused too (their names are not kept). */
	if ((rc = cw_peer_removed_list(cli->session.store, &gone, &ngone, &cli->err)) != 0) {
		free(p);
		return rc;
	}
	free(gone);
	if (n == 0) {
		fprintf(cli->out,
			_("no peers enrolled yet: casewatch peer add NAME KEY (KEY is what "
			  "'casewatch identity' prints on the other laptop)\n"));
	} else {
		cw_table_init(&t, 4, cols);
		/* A fingerprint is read out whole, by phone. */
		t.fit[2] = t.fit[3] = CW_COLUMN_WHOLE;
		for (size_t i = 0; i < n && rc == 0; i++) {
			char fp[CW_FINGERPRINT_TEXT_MAX], when[CW_TIME_LOCAL_MAX];

			cw_identity_fingerprint(&p[i].key, fp);
			/* Local, with its offset, as every time shown is (a trial read UTC
			 * unmarked). */
			cw_time_local_format(p[i].added, when);
			rc = cw_table_add(&t, (const char *const[]){
						      p[i].name, role_label(p[i].role), fp, when});
		}
		if (rc == 0)
			cw_table_print(&t, cli->out, cw_output_width(cli->out));
		cw_table_free(&t);
	}
	free(p);
	if (rc != 0)
		return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	if (ngone)
		fprintf(cli->out,
			P_("%zu removed key is refused: casewatch peer list --removed\n",
			   "%zu removed keys are refused: casewatch peer list --removed\n", ngone),
			ngone);
	return 0;
}

/* ---- check-signature -------------------------------------------------------------------- */

/* A signature file, whole and NUL-terminated: far smaller than `max`. Not a regular file
 * that can be read (a pipe, a folder) is CW_ENOTFOUND, as cw_file_open_regular says. */
static int read_signature(const char *path, size_t max, char **text, struct cw_error *err)
{
	ssize_t got;
	size_t len = 0;
	int fd, rc;

	*text = NULL;
	if ((rc = cw_file_open_regular(path, "signature", &fd, err)) != 0)
		return rc;
	if (!(*text = malloc(max + 1))) {
		close(fd);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	while (len <= max &&
	       ((got = read(fd, *text + len, max + 1 - len)) > 0 || (got < 0 && errno == EINTR)))
		if (got > 0)
			len += (size_t)got;
	close(fd);
	if (len > max || memchr(*text, '\0', len)) {
		free(*text);
		*text = NULL;
		return cw_error_set(err, CW_EINVAL, "signature",
				    "%.300s is not a casewatch signature file", path);
	}
	(*text)[len] = '\0';
	return 0;
}

/* A fingerprint as people write it: its hex digits, any letter case, separators anywhere;
 * -1 with the first character that is neither in bad. */
static int fingerprint_digits(const char *in, char *out, size_t len, char *bad, size_t badlen)
{
	size_t n = 0, at = 0, inlen = strlen(in);

	/* Read out by phone and written down as it was heard: the groups may be kept apart by
	 * spaces, tabs, dashes (an editor's en dash too) or colons, and the digits may be
	 * Khmer's; any other character is a mistake to point at, by itself. */
	while (at < inlen && n + 1 < len) {
		uint32_t c;
		size_t l = cw_utf8_decode(in + at, inlen - at, &c);

		if (!l)
			l = 1, c = 0xFFFD;
		if (c >= 0x17E0 && c <= 0x17E9)
			out[n++] = (char)('0' + (c - 0x17E0));
		else if (c < 0x80 && isxdigit((int)c))
			out[n++] = (char)tolower((int)c);
		else if (!(c == ' ' || c == '\t' || c == '-' || c == ':' || c == 0xA0 ||
			   c == 0x202F || (c >= 0x2010 && c <= 0x2015) || c == 0x2212)) {
			snprintf(bad, badlen, "%.*s", (int)l, in + at);
			out[n] = '\0';
			return -1;
		}
		at += l;
	}
	out[n] = '\0';
	return 0;
}

/* How far into a signed file its claim of who signs it is looked for: a report's header; and
 * what follows the claimed fingerprint there, within CLAIM_NEAR bytes. */
#define CLAIM_SCAN       (64 * 1024)
#define CLAIM_NEAR       200
#define CLAIM_CHECKED_BY "casewatch check-signature"

/* Whether text at i is a fingerprint as casewatch writes one (six groups of four hex digits,
 * one space between), not inside a longer word; its digits into digits[25]. */
static int fingerprint_at(const unsigned char *text, size_t len, size_t i, char *digits)
{
	size_t n = 0, at = i;

	if (i > 0 && (isalnum(text[i - 1]) || text[i - 1] == '_'))
		return 0;
	for (int group = 0; group < 6; group++) {
		if (group > 0 && (at >= len || text[at++] != ' '))
			return 0;
		for (int d = 0; d < 4; d++, at++) {
			if (at >= len || !isxdigit(text[at]))
				return 0;
			digits[n++] = (char)tolower(text[at]);
		}
	}
	digits[n] = '\0';
	return at >= len || !(isalnum(text[at]) || text[at] == '_');
}

/* A report signed with --sign says in its header which key signs it (rdoc.c): a file that
 * names another fingerprint there than the key that signed it was made to look like someone
 * else's (a red-team trial signed a report with its own key whose header named the
 * supervisor's). The first claim in the file's first CLAIM_SCAN bytes, the header's, when it
 * is not `got` (digits), goes into other, "" when it is or there is none (a PDF's text is
 * compressed: none is found there). */
static void claimed_other(const char *path, const char *got, char *other, size_t len)
{
	unsigned char *text;
	char digits[32];
	ssize_t r;
	size_t n = 0;
	int fd;

	other[0] = '\0';
	if (!(text = malloc(CLAIM_SCAN)))
		return;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)) >= 0) {
		while (n < CLAIM_SCAN &&
		       ((r = read(fd, text + n, CLAIM_SCAN - n)) > 0 || (r < 0 && errno == EINTR)))
			if (r > 0)
				n += (size_t)r;
		close(fd);
	}
	/* The claim is the header's line, which names the command that checks it right after
	 * the fingerprint, in every language: a fingerprint a record's notes happen to hold is
	 * not one. Only the first counts: the header comes before the records, and a record
	 * noting a taken laptop's key for the partners, with the command, made the report it is
	 * in read as forged. */
	for (size_t i = 0; i + 29 <= n; i++)
		if (isxdigit(text[i]) && fingerprint_at(text, n, i, digits) &&
		    memmem(text + i + 29, n - i - 29 < CLAIM_NEAR ? n - i - 29 : CLAIM_NEAR,
			   CLAIM_CHECKED_BY, strlen(CLAIM_CHECKED_BY))) {
			if (strcmp(digits, got) != 0)
				snprintf(other, len, "%.29s", (const char *)text + i);
			break;
		}
	free(text);
}

int cw_cmd_check_signature(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	const char *w[2] = {NULL, NULL}, *expect = NULL;
	char sigpath[4096], dbhex[CW_ID_HEX_LEN + 1], key[CW_IDENTITY_TEXT_MAX], want[64], got[64];
	char quoted[CW_CLI_QUOTED_MAX], claim[32], bad[8];
	struct cw_file_signature sig;
	char *text = NULL;
	int rc, n = 0;

	(void)cmd;
	for (int i = first_arg; i < cli->argc; i++) {
		const char *a = cli->argv[i];

		if (!strcmp(a, "--json") || !strcmp(a, "--help"))
			continue;
		if (!strcmp(a, "--fingerprint") && i + 1 < cli->argc) {
			expect = cli->argv[++i];
			continue;
		}
		if (!strncmp(a, "--fingerprint=", 14)) {
			expect = a + 14;
			continue;
		}
		if ((a[0] == '-' && a[1]) || n == 2)
			return cw_error_set(&cli->err, CW_EUSAGE, "",
					    "unexpected argument %s; usage: casewatch "
					    "check-signature FILE [SIGNATURE] [--fingerprint "
					    "FINGERPRINT] [--json]",
					    cw_cli_quoted_arg(a, quoted, sizeof quoted));
		w[n++] = a;
	}
	if (!n)
		return cw_error_set(&cli->err, CW_EUSAGE, "",
				    "usage: casewatch check-signature FILE [SIGNATURE] "
				    "[--fingerprint FINGERPRINT] [--json]");
	if ((size_t)snprintf(sigpath, sizeof sigpath, "%s%s", w[0], CW_SIGNATURE_SUFFIX) >=
	    sizeof sigpath)
		return cw_error_set(&cli->err, CW_EINVAL, "file", "the file name is too long");
	if ((rc = read_signature(w[1] ? w[1] : sigpath, 4096, &text, &cli->err)) != 0) {
		/* A bundle has no .sig beside it: its signature is inside (a partner's trial read
		 * only "cannot read ...cwb.sig"). */
		if (!w[1] && cw_bundle_file_looks_like(w[0]))
			return cw_error_set(
				&cli->err, rc, "file",
				"%.300s is a bundle, which carries its signature inside "
				"it: 'casewatch bundle inspect %.300s' says who signed it",
				w[0], w[0]);
		return rc;
	}
	rc = cw_file_signature_check(w[0], text, &sig, &cli->err);
	free(text);
	if (rc != 0)
		return rc;
	/* Given the fingerprint the author read out, only that key will do. */
	fingerprint_digits(sig.fingerprint, got, sizeof got, bad, sizeof bad);
	if (expect) {
		if (fingerprint_digits(expect, want, sizeof want, bad, sizeof bad) != 0) {
			char *safe = cw_text_for_terminal(bad, 0);

			rc = cw_error_set(&cli->err, CW_EUSAGE, "fingerprint",
					  "'%s' is not a hex digit: a fingerprint is six groups of "
					  "four of 0-9 and a-f",
					  safe ? safe : "?");
			free(safe);
			return rc;
		}
		if (strlen(want) != strlen(got))
			return cw_error_set(&cli->err, CW_EUSAGE, "fingerprint",
					    "give the whole fingerprint, six groups of four hex "
					    "digits (%zu digits given, %zu needed)",
					    strlen(want), strlen(got));
		if (strcmp(want, got) != 0)
			return cw_error_set(&cli->err, CW_EDAMAGED, "fingerprint",
					    "%.300s was signed by the key with fingerprint %s, not "
					    "%.40s: not by the laptop you were told",
					    w[0], sig.fingerprint, expect);
	}
	claimed_other(w[0], got, claim, sizeof claim);
	if (claim[0])
		return cw_error_set(
			&cli->err, CW_EDAMAGED, "file",
			"%.300s says it is signed by the key with fingerprint %s, but "
			"the key with fingerprint %s signed it: it was made to look like "
			"another's",
			w[0], claim, sig.fingerprint);
	cw_id_hex(&sig.database, dbhex);
	cw_identity_text_of_database(&sig.signer, &sig.database, key);
	if (cli->json) {
		json_t *o = json_pack(
			"{s:s,s:s,s:s,s:s,s:o,s:I,s:o}", "file", w[0], "signed_at", sig.signed_at,
			"fingerprint", sig.fingerprint, "signer", key, "database_claimed",
			cw_id_is_zero(&sig.database) ? json_null() : json_string(dbhex), "bytes",
			(json_int_t)sig.bytes, "fingerprint_matched",
			/* null: none was given to match */
			expect ? json_true() : json_null());

		return cw_cli_print_json(cli, o);
	}
	cw_print_safe(cli->out, w[0], 0);
	if (expect)
		fprintf(cli->out,
			_(": every byte as signed by the key with fingerprint %s, the one you "
			  "gave; it says it signed on %s (UTC, by its own clock)\n"),
			sig.fingerprint, sig.signed_at);
	else
		fprintf(cli->out,
			_(": every byte as signed by the key with fingerprint %s; it says it "
			  "signed on %s (UTC, by its own clock)\n"
			  "this proves nothing about who signed it until you compare that "
			  "fingerprint with the one its author reads you, or give that one with "
			  "--fingerprint\n"),
			sig.fingerprint, sig.signed_at);
	return 0;
}
