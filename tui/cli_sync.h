/* cli_sync.h - the sync commands: `bundle export|import|inspect|content|peers`, `conflicts`
 * (list and resolve) and `audit`. Thin: every capability is in store/sync.h. */
#ifndef CW_CLI_SYNC_H
#define CW_CLI_SYNC_H

#include "cli.h"

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

#endif
