/**
 * Comment lines that tools read in a Dockerfile, by the key they open with after `#` (and blanks), case aside.
 * Such a line is no note on the instruction below it, and a tool finds it only where it is: collapse-run never
 * moves one into a RUN's continuation. Keys are the tools' own words: `# r-e1071: dependency of caret` is a note.
 */

/**
 * Keys followed by a blank or the line's end (`# renovate: datasource=npm depName=b`): Renovate's custom
 * managers, Dependabot, and the commands test and check runners take from the file (`# test: curl --version`).
 */
export const TOOL_COMMENT_KEYS: readonly string[] = ['test', 'check', 'renovate', 'dependabot'];

/**
 * Keys whose value follows the colon at once, as the tools write them: the scanners' inline ignores
 * (`#trivy:ignore:AVD-DS-0002`, `#checkov:skip=CKV_DOCKER_3:reason`, `#tfsec:ignore:…`, `# snyk:…`), and
 * docker-library's metadata comments, which scripts grep for wherever the line stands
 * (`# bashbrew-architectures:amd64 arm64v8`, `# release-status:Stable`): the generate-stackbrew-library.sh of an
 * official image (mongo, MariaDB/mariadb-docker's .architectures-lib: `grep -m1 'bashbrew-architectures:'`) reads the
 * architectures a version is built for; MariaDB's reads the release's status and support type, which pick its tags.
 */
export const TOOL_COMMENT_PREFIXES: readonly string[] = ['trivy', 'checkov', 'tfsec', 'snyk', 'bashbrew-architectures', 'release-status', 'release-support-type'];

/**
 * Words a tool reads on their own, or before a colon or a blank: Semgrep's `# nosemgrep` (`# nosemgrep: rule-id`)
 * and KICS's `# kics-scan ignore-line` (also `ignore-block`, `disable=…`, `enable=…`).
 */
export const TOOL_COMMENT_WORDS: readonly string[] = ['nosemgrep', 'kics-scan'];

/** A comment line (from its `#`) that a tool reads: one of the keys or words above, as its tool writes it. */
export const TOOL_COMMENT = new RegExp(
  `^#\\s*(?:(?:${TOOL_COMMENT_KEYS.map(literal).join('|')}):(?:\\s|$)|(?:${TOOL_COMMENT_PREFIXES.map(literal).join('|')}):|(?:${TOOL_COMMENT_WORDS.map(literal).join('|')})(?:[\\s:]|$))`,
  'i',
);

function literal(key: string): string {
  return key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
