/* commands.h - every command of the command line, for run.c's table. A command parses its
 * options (cli.h), calls the layers below, prints, and returns 0 or a CW_E* code. */
#ifndef CW_CLI_COMMANDS_H
#define CW_CLI_COMMANDS_H

#include "cli/cli.h"

/* Records (cmd_records.c). */
int cw_cmd_init(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_add(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_edit(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_delete(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_list(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_show(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_timeline(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_import(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_seed(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_articles(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_undo(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_merge(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_init_help[];
extern const char cw_merge_help[];
extern const char cw_undo_help[];

/* The agenda (cmd_agenda.c). */
int cw_cmd_agenda(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_agenda_help[];
/* Drafts (cmd_agenda.c too): drafts, drafts delete. */
int cw_cmd_drafts(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_drafts_help[];

/* Reports and exports (cmd_report.c). */
int cw_cmd_report(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_export(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_report_help[];
extern const char cw_export_help[];

/* Sync (cmd_sync.c): bundle export|import|inspect|content|peers, conflicts, audit. Thin: every
 * capability is in store/sync.h. */
int cw_cmd_bundle_export(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_bundle_import(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_bundle_inspect(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_bundle_content(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_bundle_peers(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_conflicts(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_audit(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_bundle_export_help[];
extern const char cw_bundle_import_help[];
extern const char cw_bundle_inspect_help[];
extern const char cw_bundle_content_help[];
extern const char cw_conflicts_help[];
extern const char cw_audit_help[];

/* Identity and enrolled peers (cmd_identity.c): identity, peer add|list|role|remove. */
int cw_cmd_identity(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_peer_add(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_peer_list(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_peer_remove(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_peer_role(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
/* check-signature: a file written with --sign against its signature; needs no database. */
int cw_cmd_check_signature(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_check_signature_help[];
extern const char cw_identity_help[];
extern const char cw_peer_help[];

/* Keys (cmd_keys.c): encrypt, unlock, lock, passphrase, destroy-key, key export|import. */
int cw_cmd_encrypt(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_unlock(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_lock(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_passphrase(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_destroy_key(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_key_export(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_key_import(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_keys_help[];
extern const char cw_lock_help[];
extern const char cw_encrypt_help[];

/* Attachments (cmd_attach.c): attach, attachments, open, detach. */
int cw_cmd_attach(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_attachments(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_open(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_detach(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_caption(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_attach_help[];
extern const char cw_attachments_help[];
extern const char cw_open_help[];
extern const char cw_detach_help[];
extern const char cw_caption_help[];

/* verify (cmd_verify.c). */
int cw_cmd_verify(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_verify_help[];
/* Verifies the open store: a line per problem and the summary on cli->out, or, with out, all of
 * it as a JSON object in *out (the caller's). CW_EDAMAGED when anything is wrong. */
int cw_cli_verify_open(struct cw_cli *cli, json_t **out);

/* Backups (cmd_backup.c): backup, restore. */
int cw_cmd_backup(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_compact(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_compact_help[];
/* After a bulk write (import, seed): closes the session and compacts the database file when a
 * fifth or more of a file over 8 MiB is free pages and nobody else has it open; says so, or
 * why not, and never fails (what was written is durable already). */
int cw_cli_compact_if_worth(struct cw_cli *cli);
int cw_cmd_restore(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_backup_help[];
extern const char cw_restore_help[];

/* upgrade (cmd_verify.c): opens the database for writing, which upgrades an earlier one. */
int cw_cmd_upgrade(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_upgrade_help[];

#endif
