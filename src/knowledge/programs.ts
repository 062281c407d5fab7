/**
 * Facts about programs a RUN may call, by what they do to the file system: the analyses of
 * merged RUNs (src/shell/installs.ts) and of downloads (alpine-base) read them.
 */

/**
 * Programs that unpack archives or compressed files: given a file, they write its contents
 * wherever the archive says (`unzip`, `cpio`) or beside it (`gunzip tool.gz` → `tool`); piped
 * a download, they turn it into files rather than read it as text.
 */
export const UNPACKERS: ReadonlySet<string> = new Set([
  'tar', 'bsdtar', 'unzip', 'funzip', '7z', '7za', 'cpio', 'rpm2cpio',
  'gunzip', 'gzip', 'zcat', 'xz', 'unxz', 'xzcat', 'bunzip2', 'bzcat', 'zstd',
]);

/** Programs that build sources (besides the compilers and make): an archive unpacked before one runs holds sources. */
export const SOURCE_BUILDERS: ReadonlySet<string> = new Set(['configure', 'cmake', 'meson', 'ninja', 'phpize', 'clang', 'clang++', 'scons']);

/** Programs that install what their words name (with `install`, `get`, `global`, `add`): `cargo install`, `go install`. */
export const LANGUAGE_INSTALLERS: ReadonlySet<string> = new Set([
  'cargo', 'go', 'pipx', 'uv', 'cpanm', 'cpan', 'conda', 'mamba', 'micromamba', 'luarocks', 'stack', 'cabal', 'composer', 'dotnet',
  'python', 'python2', 'python3', 'easy_install', 'opam', 'nix-env', 'brew',
]);

/**
 * Programs of the base system that no install puts earlier on PATH under the same name:
 * package managers, the shells, coreutils, busybox applets and the account tools.
 */
export const BASE_SYSTEM_PROGRAMS: ReadonlySet<string> = new Set([
  'apt-get', 'apt', 'apt-cache', 'apt-key', 'apt-mark', 'dpkg', 'dpkg-reconfigure', 'add-apt-repository', 'apk', 'yum', 'dnf', 'microdnf', 'rpm', 'zypper', 'pacman',
  'sh', 'bash', 'dash', 'ash', 'cat', 'cp', 'mv', 'rm', 'ln', 'mkdir', 'rmdir', 'chmod', 'chown', 'chgrp', 'touch', 'ls', 'env', 'sleep', 'tee', 'head',
  'tail', 'sort', 'uniq', 'cut', 'tr', 'wc', 'basename', 'dirname', 'readlink', 'realpath', 'mktemp', 'install', 'stat', 'id', 'whoami', 'date', 'sed',
  'grep', 'egrep', 'fgrep', 'awk', 'gawk', 'mawk', 'find', 'xargs', 'tar', 'gzip', 'gunzip', 'bzip2', 'xz', 'unzip', 'zip', 'useradd', 'groupadd',
  'usermod', 'adduser', 'addgroup', 'passwd', 'chpasswd', 'su', 'sudo', 'update-ca-certificates', 'update-alternatives', 'ldconfig', 'locale-gen',
  'curl', 'wget', 'echo', 'printf', 'test', 'true', 'false',
]);
