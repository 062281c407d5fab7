/** Readers for the file commands transforms care about: rm, curl, wget, tar. */
import { basename, grammar, splitArgs, type SplitArgs } from './argv.js';
import { cacheOfWord } from './caches.js';
import type { CacheKind, CommandOption, ShellWord } from './types.js';

const RM = grammar([], true);

export function readRm(words: readonly ShellWord[]): SplitArgs & {
  recursive: boolean;
  force: boolean;
  paths: { word: ShellWord; cache: CacheKind | null }[];
} {
  const split = splitArgs(words, RM);
  const has = (...names: string[]): boolean => split.options.some((o) => names.includes(o.name));
  return {
    options: split.options,
    positionals: split.positionals,
    recursive: has('-r', '-R', '--recursive'),
    force: has('-f', '--force'),
    paths: split.positionals.map((word) => ({ word, cache: cacheOfWord(word) })),
  };
}

const CURL = grammar(
  ['-o', '-d', '-H', '-u', '-X', '-A', '-e', '-m', '-w', '-T', '-x', '-b', '-c', '-F', '-K', '-r', '-z', '-E', '-C', '-U',
    '-Q', '-t', '-Y', '-y', '-D', '-P',
    '--output', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--header', '--user', '--request',
    '--user-agent', '--referer', '--max-time', '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time',
    '--write-out', '--upload-file', '--proxy', '--cookie', '--cookie-jar', '--form', '--config', '--range',
    '--time-cond', '--cert', '--cacert', '--capath', '--key', '--output-dir', '--url', '--proto', '--proto-redir',
    '--limit-rate', '--speed-time', '--speed-limit', '--interface', '--resolve', '--dns-servers', '--ciphers',
    '--netrc-file', '--dump-header', '--continue-at', '--max-filesize', '--max-redirs', '--oauth2-bearer',
    '--json', '--form-string', '--data-ascii', '--url-query', '--variable', '--connect-to', '--noproxy', '--stderr',
    '--trace', '--trace-ascii', '--etag-save', '--etag-compare', '--tls-max', '--unix-socket', '--proxy-user',
    '--proxy-header', '--request-target', '--socks5', '--socks5-hostname', '--cert-type', '--key-type', '--pass',
    '--pinnedpubkey', '--crlfile', '--expect100-timeout', '--keepalive-time', '--local-port', '--rate', '--aws-sigv4',
    '--create-file-mode', '--parallel-max', '--quote', '--ftp-port', '--ftp-method', '--mail-from', '--mail-rcpt'],
  true,
);

const WGET = grammar(
  ['-O', '-o', '-a', '-P', '-t', '-T', '-w', '-U', '-e', '-i', '-B', '-Q', '-l', '-A', '-R', '-D', '-I', '-X',
    '--output-document', '--output-file', '--append-output', '--directory-prefix', '--tries', '--timeout',
    '--user-agent', '--header', '--user', '--password', '--post-data', '--post-file', '--input-file', '--execute',
    '--wait', '--load-cookies', '--save-cookies', '--ca-certificate', '--certificate', '--private-key',
    '--progress', '--quota', '--limit-rate', '--referer', '--method', '--body-data', '--http-user', '--http-password',
    '--connect-timeout', '--read-timeout', '--dns-timeout', '--waitretry', '--ca-directory', '--bind-address',
    '--max-redirect', '--level', '--accept', '--reject', '--domains', '--exclude-domains', '--include-directories',
    '--exclude-directories', '--cut-dirs', '--secure-protocol', '--restrict-file-names', '--local-encoding',
    '--remote-encoding', '--retry-on-http-error', '--default-page', '--config', '--base'],
  true,
);

/** A one-letter curl option that takes a value (`o` of `-o FILE`): in a bundle, the rest of the word or the next word. */
export function curlTakesValue(letter: string): boolean {
  return CURL.valued.has(`-${letter}`);
}

export interface DownloadArgs extends SplitArgs {
  urls: ShellWord[];
  output: string | null;
  outputWord: ShellWord | null;
  toStdout: boolean;
}

export function readCurl(words: readonly ShellWord[]): DownloadArgs {
  const split = splitArgs(words, CURL);
  const urls = [...split.positionals, ...valueWords(split.options, '--url')];
  const option = split.options.filter((o) => o.name === '-o' || o.name === '--output').at(-1);
  const remoteName = split.options.some((o) => ['-O', '--remote-name', '--remote-name-all'].includes(o.name));
  const explicit = option?.value;
  let output: string | null = null;
  if (explicit !== undefined) output = explicit === '-' ? null : explicit;
  else if (remoteName) output = urlFile(urls.at(-1));
  const toStdout = explicit === '-' || (explicit === undefined && !remoteName);
  return { options: split.options, positionals: split.positionals, urls, output, outputWord: option?.valueWord ?? null, toStdout };
}

export function readWget(words: readonly ShellWord[]): DownloadArgs {
  const split = splitArgs(words, WGET);
  const option = split.options.filter((o) => o.name === '-O' || o.name === '--output-document').at(-1);
  const explicit = option?.value;
  const prefix = split.options.filter((o) => o.name === '-P' || o.name === '--directory-prefix').at(-1)?.value;
  const urls = split.positionals;
  let output: string | null = null;
  if (explicit !== undefined) output = explicit === '-' ? null : explicit;
  else {
    const file = urlFile(urls.at(-1));
    output = file === null || prefix === null ? null : prefix === undefined ? file : `${prefix.replace(/\/+$/, '')}/${file}`;
  }
  return { options: split.options, positionals: split.positionals, urls, output, outputWord: option?.valueWord ?? null, toStdout: explicit === '-' };
}

/** curl -O and wget save under the URL's last path segment. */
function urlFile(url: ShellWord | undefined): string | null {
  if (url?.value == null) return null;
  const name = basename(url.value);
  return name === '' || /^[a-z]+:$/i.test(name) ? null : name;
}

function valueWords(options: readonly CommandOption[], name: string): ShellWord[] {
  return options.filter((o) => o.name === name && o.valueWord !== null).map((o) => o.valueWord!);
}

const TAR = grammar(
  ['-f', '-C', '-T', '-X', '-b', '-H', '-K', '-N', '-g', '-V', '-I',
    '--file', '--directory', '--files-from', '--exclude-from', '--use-compress-program', '--owner', '--group',
    '--mode', '--transform', '--format', '--to-command', '--newer', '--listed-incremental', '--label',
    '--strip-components', '--exclude'],
  true,
);

export interface TarArgs extends SplitArgs {
  extract: boolean;
  archive: string | null;
  archiveWord: ShellWord | null;
  fromStdin: boolean;
  directory: string | null;
}

/** unzip(1): the options that take a value; getopt bundles (`-qo`) allowed, options after the archive too. */
const UNZIP = grammar(['-d', '-P'], true);

/** Options that make unzip list, test, print or pipe the archive instead of extracting it. */
const UNZIP_NO_EXTRACT = new Set(['-l', '-t', '-v', '-z', '-Z', '-p', '-c']);

export interface UnzipArgs extends SplitArgs {
  extract: boolean;
  archive: string | null;
  archiveWord: ShellWord | null;
  directory: string | null;
}

/** `unzip [-opts] file[.zip] [list] [-x xlist] [-d exdir]`: the archive is the first operand. */
export function readUnzip(words: readonly ShellWord[]): UnzipArgs {
  const split = splitArgs(words, UNZIP);
  const archiveWord = split.positionals[0] ?? null;
  return {
    options: split.options,
    positionals: split.positionals,
    extract: archiveWord !== null && !split.options.some((o) => UNZIP_NO_EXTRACT.has(o.name)),
    archive: archiveWord?.value ?? null,
    archiveWord,
    directory: split.options.filter((o) => o.name === '-d').at(-1)?.value ?? null,
  };
}

/** tar in getopt form (`tar -xzf a.tgz`), long form, or the old bundled form (`tar xzf a.tgz`). */
export function readTar(words: readonly ShellWord[]): TarArgs {
  const split = oldStyleTar(words) ?? splitArgs(words, TAR);
  const extract = split.options.some((o) => o.name === '-x' || o.name === '--extract' || o.name === '--get');
  const file = split.options.filter((o) => o.name === '-f' || o.name === '--file').at(-1);
  const directory = split.options.filter((o) => o.name === '-C' || o.name === '--directory').at(-1)?.value ?? null;
  const archive = file === undefined || file.value === '-' ? null : file.value;
  return { options: split.options, positionals: split.positionals, extract, archive, archiveWord: file?.valueWord ?? null, fromStdin: file === undefined || file.value === '-', directory };
}

/** `tar xzf FILE -C DIR`: a first word of letters without a dash, whose valued letters take the next words in turn. */
function oldStyleTar(words: readonly ShellWord[]): SplitArgs | null {
  const first = words[0];
  if (first?.value == null || !/^[A-Za-z]+$/.test(first.value) || !/[Acdrtux]/.test(first.value)) return null;
  const options: CommandOption[] = [];
  let next = 1;
  for (const letter of first.value) {
    const name = `-${letter}`;
    if (TAR.valued.has(name)) {
      const valueWord = words[next] ?? null;
      if (valueWord !== null) next++;
      options.push({ name, value: valueWord?.value ?? null, word: first, valueWord });
    } else options.push({ name, value: null, word: first, valueWord: null });
  }
  const rest = splitArgs(words.slice(next), TAR);
  return { options: [...options, ...rest.options], positionals: rest.positionals };
}

/** zip's options that take the next word (`-b DIR`, `-O FILE`, `-t DATE`). */
const ZIP = grammar(['-b', '-n', '-t', '-tt', '-O', '-P', '-s', '-sp', '-Z', '-ds', '-ll', '--output-file', '--temp-path', '--suffixes', '--from-date', '--before-date', '--password', '--split-size', '--compression-method'], true);

/**
 * The archive a `tar` or `zip` command writes (`tar czf out.tgz …`, `zip -r out.zip .`, zip's
 * `-O FILE`), as its word: null when it writes none, or only to its output (`tar cf - …`, `zip - …`).
 */
export function archiveWritten(program: string, words: readonly ShellWord[]): ShellWord | null {
  if (program === 'tar') {
    const tar = readTar(words);
    const writes = tar.options.some((o) => /^(?:-[cru]|--create|--append|--update)$/.test(o.name));
    const file = tar.options.filter((o) => o.name === '-f' || o.name === '--file').at(-1);
    return writes && file?.valueWord != null && file.value !== '-' ? file.valueWord : null;
  }
  if (program === 'zip') {
    const split = splitArgs(words, ZIP);
    const out = split.options.filter((o) => o.name === '-O' || o.name === '--output-file').at(-1);
    if (out?.valueWord != null) return out.valueWord;
    const archive = split.positionals[0];
    return archive === undefined || archive.value === '-' ? null : archive;
  }
  return null;
}

/**
 * coreutils' and BusyBox's `install`: the options that take the next word (`-m 755`, `-o root`,
 * `-t DIR`, `-S .bak`, `--strip-program strip`). The others (`-s`, `-D`, `-d`, `-c`, `-p`, `-v`,
 * `-C`, `-b`, `-T`, `-Z`) take none; `--backup` and `--context` take theirs only after `=`.
 */
const INSTALL = grammar(['-m', '--mode', '-o', '--owner', '-g', '--group', '-t', '--target-directory', '-S', '--suffix', '--strip-program'], true);

export interface InstallArgs extends SplitArgs {
  /** `-d`: every operand is a folder it makes; nothing is copied. */
  readonly directories: boolean;
  /** What it copies (empty with `-d`). */
  readonly sources: readonly ShellWord[];
  /** Where the sources go (its value null when only known at build time): the `-t` folder, else the last operand; null with `-d` or too few operands. */
  readonly dest: { readonly value: string | null } | null;
  /**
   * How `dest` is read: `folder` (`-t`, several sources, a trailing slash: each source lands in it
   * under its own name), `file` (`-T`, or `-D`, which makes the folders above a file), or `either`
   * (one source: into the folder when one is there, else as that file).
   */
  readonly destKind: 'folder' | 'file' | 'either';
}

/** `install -s -m755 build/app /usr/local/bin/app`, `install -Dm644 a b`, `install -t DIR a b`, `install -d DIR…`. */
export function readInstall(words: readonly ShellWord[]): InstallArgs {
  const split = splitArgs(words, INSTALL);
  const has = (...names: string[]): boolean => split.options.some((o) => names.includes(o.name));
  const base = { options: split.options, positionals: split.positionals };
  if (has('-d', '--directory')) return { ...base, directories: true, sources: [], dest: null, destKind: 'folder' };
  const target = split.options.filter((o) => o.name === '-t' || o.name === '--target-directory').at(-1);
  if (target !== undefined) {
    return { ...base, directories: false, sources: split.positionals, dest: { value: target.value }, destKind: 'folder' };
  }
  const operands = split.positionals;
  if (operands.length < 2) return { ...base, directories: false, sources: operands, dest: null, destKind: 'either' };
  const dest = operands.at(-1)!;
  const destKind = has('-T', '--no-target-directory') ? 'file' : operands.length > 2 || (dest.value ?? dest.raw).endsWith('/') ? 'folder' : has('-D') ? 'file' : 'either';
  return { ...base, directories: false, sources: operands.slice(0, -1), dest, destKind };
}
