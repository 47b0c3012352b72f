/* completion.c - `casewatch completion bash|zsh`: shell completion scripts made from the table
 * of commands (run.c) and each command's --help, so they name exactly what casewatch takes.
 *
 * For each command: its options are the --words its help names (usage, help text, record
 * fields, filters); an option's values are the words after it joined by '|' ("--format
 * md|html|csv|json") or the "one of:" line under it; positional words are the usage's other
 * word|word lists ("persons|cases|records"). Options that take a file or a name complete as
 * the shell would by default (files). */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "models/i18n.h"
#include "models/record.h"
#include "cli/commands.h"
#include "cli/run.h"

/* What every command takes among its options (cli.c, run.c). */
static const char common_options[] = "[--help] [--no-pager] --passphrase-file --passphrase-fd";

#define MAX_VALUES 48

struct comp {
	char opts[8192]; /* " --a --b " */
	char words[256]; /* positional words */
	char flags[512]; /* options that take no value: "[--json]" in a usage */
	struct {
		char opt[48];
		char words[512];
	} vals[MAX_VALUES];
	int nvals;
};

static int word_char(int c)
{
	return islower(c) || isdigit(c) || c == '_' || c == '-';
}

/* Adds w (of n bytes) to a space-separated list unless it is there. */
static void add_word(char *list, size_t len, const char *w, size_t n)
{
	char needle[96];
	size_t used = strlen(list);

	if (n == 0 || n + 2 >= sizeof needle)
		return;
	snprintf(needle, sizeof needle, " %.*s ", (int)n, w);
	if (strstr(list, needle) || used + n + 2 >= len)
		return;
	if (!used)
		list[used++] = ' ';
	snprintf(list + used, len - used, "%.*s ", (int)n, w);
}

/* "a|b|c" (after brackets are taken off): every part a lower-case word. */
static int is_choice(const char *t, size_t n)
{
	int bars = 0;

	for (size_t i = 0; i < n; i++) {
		if (t[i] == '|' && i && i + 1 < n && t[i - 1] != '|')
			bars++;
		else if (!word_char((unsigned char)t[i]) || (t[i] == '-' && i == 0))
			return 0;
	}
	return bars > 0;
}

static void add_values(struct comp *c, const char *opt, const char *words, size_t n, char sep)
{
	int i;

	for (i = 0; i < c->nvals; i++)
		if (!strcmp(c->vals[i].opt, opt))
			break;
	if (i == c->nvals) {
		if (c->nvals == MAX_VALUES)
			return;
		snprintf(c->vals[i].opt, sizeof c->vals[i].opt, "%s", opt);
		c->vals[i].words[0] = '\0';
		c->nvals++;
	}
	for (size_t p = 0; p < n;) {
		size_t q = p;

		while (q < n && words[q] != sep)
			q++;
		if (q > p && word_char((unsigned char)words[p]))
			add_word(c->vals[i].words, sizeof c->vals[i].words, words + p, q - p);
		p = q + 1;
	}
}

/* Reads one command's help text into c. `usage_words` is how many words of the first line
 * name the command ("casewatch log hearing": 3). */
static void scan_help(struct comp *c, const char *text, int usage_words)
{
	char last_opt[48] = "";
	int line = 0, word = 0;

	for (const char *p = text; *p;) {
		const char *t, *end;
		size_t n;

		if (*p == '\n') {
			line++;
			p++;
			word = 0;
			continue;
		}
		if (isspace((unsigned char)*p)) {
			p++;
			continue;
		}
		/* "one of: a b c" under an option: its values. */
		if (word == 0 && !strncmp(p, "one of:", 7) && last_opt[0]) {
			const char *eol = strchr(p, '\n');

			p += 7;
			n = eol ? (size_t)(eol - p) : strlen(p);
			while (n && *p == ' ') {
				p++;
				n--;
			}
			add_values(c, last_opt, p, n, ' ');
			p += n;
			continue;
		}
		t = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		end = p;
		word++;
		if (line == 0 && word <= usage_words + 1) /* "usage:" and the command's words */
			continue;
		/* "[--json]": an option alone in its brackets takes no value. */
		if (end - t > 4 && !strncmp(t, "[--", 3) && end[-1] == ']')
			add_word(c->flags, sizeof c->flags, t + 1, (size_t)(end - t - 2));
		/* Take off brackets, quotes and punctuation around the token. */
		while (t < end && strchr("[(\"'", *t))
			t++;
		while (end > t && strchr("]),.;:\"'", end[-1]))
			end--;
		n = (size_t)(end - t);
		if (n > 2 && t[0] == '-' && t[1] == '-' && islower((unsigned char)t[2])) {
			size_t k = 2;

			while (k < n && word_char((unsigned char)t[k]))
				k++;
			add_word(c->opts, sizeof c->opts, t, k);
			snprintf(last_opt, sizeof last_opt, "%.*s", (int)k, t);
			/* The next token may be its values: "--format md|html|csv|json". */
			{
				const char *v = p, *ve;

				while (*v == ' ')
					v++;
				ve = v;
				while (*ve && !isspace((unsigned char)*ve))
					ve++;
				while (ve > v && strchr("]),.;:", ve[-1]))
					ve--;
				if (is_choice(v, (size_t)(ve - v)))
					add_values(c, last_opt, v, (size_t)(ve - v), '|');
			}
		} else if (n == 2 && t[0] == '-' && islower((unsigned char)t[1])) {
			add_word(c->opts, sizeof c->opts, t, n);
		} else if (line == 0 && is_choice(t, n)) {
			/* A choice on the usage line not after an option: positional words. */
			const char *before = t;

			while (before > text && before[-1] != ' ')
				before--;
			if (before > text) {
				const char *b = before - 1;

				while (b > text && b[-1] != ' ')
					b--;
				while (*b == '[' || *b == '(')
					b++;
				if (b[0] == '-' && b[1] == '-')
					continue;
			}
			for (size_t i = 0; i < n;) {
				size_t j = i;

				while (j < n && t[j] != '|')
					j++;
				add_word(c->words, sizeof c->words, t + i, j - i);
				i = j + 1;
			}
		}
	}
}

/* The help of cmd as `casewatch ... --help` prints it, scanned into c. */
static int scan_command(struct comp *c, const struct cw_command *cmd)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return CW_ENOMEM;
	cw_cli_print_command_help(f, cmd);
	if (fclose(f) != 0 || !text) {
		free(text);
		return CW_ENOMEM;
	}
	scan_help(c, text, cmd->sub ? 3 : 2);
	free(text);
	return 0;
}

static int same_command(const struct cw_command *a, const struct cw_command *b)
{
	return !strcmp(a->name, b->name) &&
	       (a->sub == b->sub || (a->sub && b->sub && !strcmp(a->sub, b->sub)));
}

/* Options whose words the help gives in prose rather than in a "one of:" line: whose account
 * (a record's --view, a filter's --account) from its word table, and a filter's kinds. */
static void add_table_values(struct comp *c)
{
	static const char kinds[] = "hearing visit demonstration milestone incident";
	static const char *const views[] = {"--view", "--account"};

	for (size_t v = 0; v < sizeof views / sizeof views[0]; v++) {
		char needle[16];

		snprintf(needle, sizeof needle, " %s ", views[v]);
		if (strstr(c->opts, needle))
			for (size_t i = 0; i < cw_words_view.n; i++)
				add_values(c, views[v], cw_words_view.words[i],
					   strlen(cw_words_view.words[i]), ' ');
	}
	if (strstr(c->opts, " --kind "))
		add_values(c, "--kind", kinds, sizeof kinds - 1, ' ');
}

/* Everything one command takes: `edit` takes the options of every kind of record. */
static int command_comp(const struct cw_command *table, size_t n, const struct cw_command *cmd,
			struct comp *c)
{
	int rc;

	memset(c, 0, sizeof *c);
	if ((rc = scan_command(c, cmd)) != 0)
		return rc;
	if (cmd->run == cw_cmd_edit)
		for (size_t i = 0; i < n; i++)
			if (table[i].kind && (rc = scan_command(c, &table[i])) != 0)
				return rc;
	scan_help(c, common_options, -1);
	add_table_values(c);
	return 0;
}

/* The key of a command in the scripts: "list", "log hearing". */
static void key_of(const struct cw_command *cmd, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s", cmd->name, cmd->sub ? " " : "", cmd->sub ? cmd->sub : "");
}

static const char *trim(const char *list)
{
	return list[0] == ' ' ? list + 1 : list;
}

/* The first words of the table, and the second words of each group, space-separated. */
static void command_words(const struct cw_command *t, size_t n, char *buf, size_t len)
{
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		add_word(buf, len, t[i].name, strlen(t[i].name));
}

static void sub_words(const struct cw_command *t, size_t n, const char *name, char *buf, size_t len)
{
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		if (t[i].sub && !strcmp(t[i].name, name))
			add_word(buf, len, t[i].sub, strlen(t[i].sub));
}

/* Whether `name` also runs alone (conflicts, beside conflicts resolve). */
static int runs_alone(const struct cw_command *t, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!t[i].sub && !strcmp(t[i].name, name))
			return 1;
	return 0;
}

/* Writes the functions both scripts use: each a case over the commands. */
static int write_tables(FILE *out, const struct cw_command *t, size_t n)
{
	struct comp *c = malloc(sizeof *c);
	char key[64], list[1024], flags[1024];
	int rc = 0;

	if (!c)
		return CW_ENOMEM;
	/* _casewatch_subs NAME: a group's second words; "+" first when NAME runs alone too. */
	fputs("_casewatch_subs() {\n\tcase $1 in\n", out);
	for (size_t i = 0; i < n; i++) {
		if (!t[i].sub || (i && t[i - 1].sub && !strcmp(t[i - 1].name, t[i].name)))
			continue;
		sub_words(t, n, t[i].name, list, sizeof list);
		fprintf(out, "\t%s) echo '%s%s' ;;\n", t[i].name,
			runs_alone(t, n, t[i].name) ? "+ " : "", trim(list));
	}
	fputs("\tesac\n}\n\n", out);
	/* _casewatch_opts KEY, _casewatch_words KEY, _casewatch_values KEY OPTION. */
	fputs("_casewatch_opts() {\n\tcase $1 in\n", out);
	for (size_t i = 0; i < n && rc == 0; i++) {
		int dup = 0;

		for (size_t j = 0; j < i; j++)
			dup |= same_command(&t[i], &t[j]);
		if (dup || (rc = command_comp(t, n, &t[i], c)) != 0)
			continue;
		key_of(&t[i], key, sizeof key);
		fprintf(out, "\t'%s') echo '%s' ;;\n", key, trim(c->opts));
	}
	fputs("\tesac\n}\n\n", out);
	fputs("_casewatch_words() {\n\tcase $1 in\n", out);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if ((rc = command_comp(t, n, &t[i], c)) != 0 || !c->words[0])
			continue;
		key_of(&t[i], key, sizeof key);
		fprintf(out, "\t'%s') echo '%s' ;;\n", key, trim(c->words));
	}
	fputs("\tesac\n}\n\n", out);
	/* Options that take no value, whichever command: after them come positional words. */
	flags[0] = '\0';
	for (size_t i = 0; i < n && rc == 0; i++) {
		if ((rc = command_comp(t, n, &t[i], c)) != 0)
			continue;
		for (const char *f = c->flags; *f;) {
			size_t len;

			f += strspn(f, " ");
			len = strcspn(f, " ");
			add_word(flags, sizeof flags, f, len);
			f += len;
		}
	}
	fprintf(out, "_casewatch_flags='%s'\n\n", flags);
	fputs("_casewatch_values() {\n\tcase \"$1|$2\" in\n", out);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if ((rc = command_comp(t, n, &t[i], c)) != 0)
			continue;
		key_of(&t[i], key, sizeof key);
		for (int v = 0; v < c->nvals; v++)
			fprintf(out, "\t'%s|%s') echo '%s' ;;\n", key, c->vals[v].opt,
				trim(c->vals[v].words));
	}
	fputs("\tesac\n}\n\n", out);
	free(c);
	return rc;
}

/* Finding the command words among what was typed, the same in both shells: global options
 * and their values come first. */
static const char find_command_sh[] =
	"\t# The command: the first word that is no global option or its value.\n"
	"\twhile [ \"$i\" -lt \"$cword\" ]; do\n"
	"\t\tcase ${w[$i]} in\n"
	"\t\t--db | --passphrase-file | --passphrase-fd | --new-passphrase-file | "
	"--new-passphrase-fd)\n"
	"\t\t\ti=$((i + 2)) ;;\n"
	"\t\t-*) i=$((i + 1)) ;;\n"
	"\t\t*) break ;;\n"
	"\t\tesac\n"
	"\tdone\n";

static void bash_script(FILE *out, const char *commands, const char *globals)
{
	fprintf(out,
		"_casewatch() {\n"
		"\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= cword=$COMP_CWORD i=1 key subs "
		"list\n"
		"\tlocal -a w=(\"${COMP_WORDS[@]}\")\n"
		"\t[ \"$cword\" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
		"\tCOMPREPLY=()\n"
		"%s"
		"\tif [ \"$i\" -ge \"$cword\" ]; then\n"
		"\t\tcase $prev in\n"
		"\t\t--db | --passphrase-file | --new-passphrase-file) return ;;\n"
		"\t\tesac\n"
		"\t\tcase $cur in\n"
		"\t\t-*) list='%s' ;;\n"
		"\t\t*) list='%s' ;;\n"
		"\t\tesac\n"
		"\t\tCOMPREPLY=($(compgen -W \"$list\" -- \"$cur\"))\n"
		"\t\treturn\n"
		"\tfi\n"
		"\tkey=${w[$i]}\n"
		"\tsubs=$(_casewatch_subs \"$key\")\n"
		"\tif [ -n \"$subs\" ]; then\n"
		"\t\tif [ $((i + 1)) -eq \"$cword\" ] && [[ $cur != -* ]]; then\n"
		"\t\t\tCOMPREPLY=($(compgen -W \"${subs#+ }\" -- \"$cur\"))\n"
		"\t\t\treturn\n"
		"\t\tfi\n"
		"\t\tcase \" ${subs#+ } \" in\n"
		"\t\t*\" ${w[$((i + 1))]} \"*) key=\"$key ${w[$((i + 1))]}\" ;;\n"
		"\t\tesac\n"
		"\tfi\n"
		"\tlist=$(_casewatch_values \"$key\" \"$prev\")\n"
		"\tif [ -n \"$list\" ]; then\n"
		"\t\tCOMPREPLY=($(compgen -W \"$list\" -- \"$cur\"))\n"
		"\telif [[ $cur == -* ]]; then\n"
		"\t\tCOMPREPLY=($(compgen -W \"$(_casewatch_opts \"$key\")\" -- \"$cur\"))\n"
		"\telse\n"
		"\t\tcase $prev in\n"
		"\t\t-*) [[ $_casewatch_flags == *\" $prev \"* ]] || return ;; # a value: files\n"
		"\t\tesac\n"
		"\t\tCOMPREPLY=($(compgen -W \"$(_casewatch_words \"$key\")\" -- \"$cur\"))\n"
		"\tfi\n"
		"}\n"
		"complete -o default -F _casewatch casewatch\n",
		find_command_sh, globals, commands);
}

static void zsh_script(FILE *out, const char *commands, const char *globals)
{
	fprintf(out,
		"_casewatch() {\n"
		"\tlocal cur=${words[CURRENT]} prev=${words[CURRENT-1]} cword=$((CURRENT - 1)) "
		"i=1 key subs list\n"
		"\tlocal -a w\n"
		"\tw=(\"${(@)words}\")\n"
		"\tsetopt localoptions ksharrays # w[0] is casewatch, as in bash\n"
		"%s"
		"\tif [ \"$i\" -ge \"$cword\" ]; then\n"
		"\t\tcase $prev in\n"
		"\t\t--db | --passphrase-file | --new-passphrase-file) _files; return ;;\n"
		"\t\tesac\n"
		"\t\tcase $cur in\n"
		"\t\t-*) list='%s' ;;\n"
		"\t\t*) list='%s' ;;\n"
		"\t\tesac\n"
		"\t\tcompadd -- ${=list}\n"
		"\t\treturn\n"
		"\tfi\n"
		"\tkey=${w[$i]}\n"
		"\tsubs=$(_casewatch_subs \"$key\")\n"
		"\tif [ -n \"$subs\" ]; then\n"
		"\t\tif [ $((i + 1)) -eq \"$cword\" ] && [[ $cur != -* ]]; then\n"
		"\t\t\tcompadd -- ${=${subs#+ }}\n"
		"\t\t\treturn\n"
		"\t\tfi\n"
		"\t\tcase \" ${subs#+ } \" in\n"
		"\t\t*\" ${w[$((i + 1))]} \"*) key=\"$key ${w[$((i + 1))]}\" ;;\n"
		"\t\tesac\n"
		"\tfi\n"
		"\tlist=$(_casewatch_values \"$key\" \"$prev\")\n"
		"\tif [ -n \"$list\" ]; then\n"
		"\t\tcompadd -- ${=list}\n"
		"\telif [[ $cur == -* ]]; then\n"
		"\t\tlist=$(_casewatch_opts \"$key\")\n"
		"\t\tcompadd -- ${=list}\n"
		"\telse\n"
		"\t\tlist=$(_casewatch_words \"$key\")\n"
		"\t\tcase $prev in\n"
		"\t\t-*) [[ $_casewatch_flags == *\" $prev \"* ]] || list= ;; # a value: files\n"
		"\t\tesac\n"
		"\t\tif [ -n \"$list\" ]; then compadd -- ${=list}; else _files; fi\n"
		"\tfi\n"
		"}\n"
		"\n"
		"if [ \"${funcstack[1]}\" = _casewatch ]; then\n"
		"\t_casewatch \"$@\"\n"
		"else\n"
		"\tcompdef _casewatch casewatch\n"
		"fi\n",
		find_command_sh, globals, commands);
}

int cw_cmd_completion(struct cw_cli *cli, int argc, char **argv)
{
	size_t n;
	const struct cw_command *t = cw_cli_commands(&n);
	const char *shell = argc > 0 ? argv[0] : "";
	char commands[2048], globals[512];
	int zsh = !strcmp(shell, "zsh"), rc;

	if (argc != 1 || (!zsh && strcmp(shell, "bash") != 0))
		return cw_error_set(&cli->err, CW_EUSAGE, "completion",
				    "say which shell: casewatch completion bash|zsh");
	/* The script is read from the help in English ("one of:" lines), and is the same file
	 * whatever language its maker used: installed once for every user. */
	cw_i18n_use("en");
	command_words(t, n, commands, sizeof commands);
	snprintf(globals, sizeof globals, " %s ", cw_cli_global_options);
	if (zsh)
		fputs("#compdef casewatch\n", cli->out);
	fprintf(cli->out,
		"# %s completion for casewatch %s, made by `casewatch completion %s` from its "
		"table\n# of commands and their --help: it names what this casewatch takes.\n\n",
		zsh ? "zsh" : "bash", PACKAGE_VERSION, shell);
	if ((rc = write_tables(cli->out, t, n)) != 0)
		return cw_error_set(&cli->err, rc, "completion", "out of memory");
	if (zsh)
		zsh_script(cli->out, trim(commands), trim(globals));
	else
		bash_script(cli->out, trim(commands), trim(globals));
	return 0;
}
