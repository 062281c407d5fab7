/**
 * The package an OS package manager's operand names: without a version (`curl=7.88.1-10`, apk's
 * `python3~=3.11`, `nginx>1.24`), a release (`haproxy/bookworm-backports`) or an architecture
 * (`libc6-dev:amd64`). A local package file is named by its file, as Debian names them
 * (`NAME_VERSION_ARCH.deb`), or by its name alone: SeleniumHQ's `/tmp/chromium/chromium-common.deb`,
 * influxdata's `./influxdb_1.11.8-1_amd64.deb` (apt reads a word as a file only when it holds a slash).
 */
export function packageOperandName(operand: string): string {
  const file = /(?:^|\/)([a-z0-9][a-z0-9+.-]+)(?:_[^/]*)?\.deb$/.exec(operand);
  if (file !== null && operand.includes('/')) return file[1]!;
  return operand.replace(/[=<>~/].*$/, '').replace(/:[a-z0-9-]+$/, '');
}
