/**
 * Comment lines that tools read in a Dockerfile, by the key they open with after `#` (and blanks), case aside.
 * Such a line is no note on the instruction below it, and a tool finds it only where it is: collapse-run never
 * moves one into a RUN's continuation. Keys are the tools' own words: `# r-e1071: dependency of caret` is a note.
 */

/**
 * Keys followed by a blank or the line's end (`# renovate: datasource=npm depName=b`): Renovate's custom
 * managers, Dependabot, Semgrep's `nosemgrep:`, the scanners' (trivy, checkov, kics-scan, tfsec, snyk), and the
 * commands test and check runners take from the file (`# test: curl --version`).
 */
export const TOOL_COMMENT_KEYS: readonly string[] = ['test', 'check', 'renovate', 'dependabot', 'nosemgrep', 'trivy', 'checkov', 'kics-scan', 'tfsec', 'snyk'];

/**
 * Keys that scripts grep for wherever the line stands, the value right after the colon or a blank
 * (`# bashbrew-architectures:amd64 arm64v8`, `# release-status:Stable`): docker-library's metadata comments.
 * The generate-stackbrew-library.sh of an official image (mongo, MariaDB/mariadb-docker's .architectures-lib:
 * `grep -m1 'bashbrew-architectures:'`) reads the architectures a version is built for; MariaDB's reads the
 * release's status and support type (`release-status:`, `support-type:`), which pick the tags it gets.
 */
export const GREPPED_COMMENT_KEYS: readonly string[] = ['bashbrew-architectures', 'release-status', 'release-support-type'];

/** A comment line (from its `#`) that a tool reads: one of TOOL_COMMENT_KEYS or GREPPED_COMMENT_KEYS, then its colon. */
export const TOOL_COMMENT = new RegExp(
  `^#\\s*(?:(?:${TOOL_COMMENT_KEYS.map(literal).join('|')}):(?:\\s|$)|(?:${GREPPED_COMMENT_KEYS.map(literal).join('|')}):)`,
  'i',
);

function literal(key: string): string {
  return key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
