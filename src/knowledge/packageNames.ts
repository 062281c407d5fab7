/**
 * The package an OS package manager's operand names: without a version (`curl=7.88.1-10`, apk's
 * `python3~=3.11`, `nginx>1.24`), a release (`haproxy/bookworm-backports`), an architecture
 * (`libc6-dev:amd64`) or apk's repository tag (`docker-cli@community`). A local package file is named by
 * its file, as Debian names them (`NAME_VERSION_ARCH.deb`), or by its name alone: SeleniumHQ's
 * `/tmp/chromium/chromium-common.deb`, influxdata's `./influxdb_1.11.8-1_amd64.deb` (apt reads a word as
 * a file only when it holds a slash). A group (dnf's `@development-tools`) names no package: ''.
 */
export function packageOperandName(operand: string): string {
  const file = /(?:^|\/)([a-z0-9][a-z0-9+.-]*)(?:_[^/]*)?\.deb$/.exec(operand);
  if (file !== null && operand.includes('/')) return file[1]!;
  return operand.replace(/[=<>~/@].*$/, '').replace(/:[a-z0-9-]+$/, '');
}

/**
 * Whether the operand installs a package of another architecture than the build's (`libpq-dev:arm64`, after
 * `dpkg --add-architecture`): its files are not the native package's, though it has the same name. An
 * architecture written out counts as another (the build's own is not known here); `:native`, `:any` and `:all`
 * do not.
 */
export function foreignArchitecture(operand: string): boolean {
  // A letter first: dnf's module streams (`nodejs:18`) are no architecture.
  const arch = /:([a-z][a-z0-9-]*)$/.exec(operand.replace(/[=<>~/@].*$/, ''))?.[1];
  return arch !== undefined && arch !== 'native' && arch !== 'any' && arch !== 'all';
}
