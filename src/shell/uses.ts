/**
 * What a command needs from the system that a package may only recommend:
 * certificates for https, the C headers to compile, build tools for pip, a
 * keyserver client, gpg, an ssh client, gcc for cgo, ghostscript for ImageMagick, the
 * Docker CLI's build and compose plugins, lintian. Read liberally: a
 * command counts when it may need the thing, because the caller restores a
 * recommendation, which costs a package, while missing one breaks a build.
 */
import { pypiAlwaysWheel } from '../knowledge/musl.js';
import type { RecommendedUse } from '../knowledge/recommends.js';
import { own } from '../own.js';
import { composerInvocation, invokedProgram, recognise } from './commands.js';
import { SHELL_PROGRAMS, shellCommandString } from './options.js';
import { nestedShellStrings } from './strings.js';
import type { ShellScript, ShellWord, SimpleCommand } from './types.js';

export type { RecommendedUse } from '../knowledge/recommends.js';

export interface CommandUse {
  readonly use: RecommendedUse;
  /** False when the command only might need it (`pip install flask` builds from source only when no wheel fits). */
  readonly sure: boolean;
}

/** Programs that compile or link C, or drive a build that may (`pip install`, `npm ci`, `go build`…). */
const COMPILERS = new Set([
  'gcc', 'cc', 'c89', 'c99', 'g++', 'c++', 'clang', 'clang++', 'ld', 'make', 'gmake', 'ninja', 'meson', 'configure',
  'node-gyp', 'cargo', 'rustc', 'cpanm', 'cpan', 'bundle', 'bundler', 'R', 'Rscript', 'phpize', 'pecl', 'autoreconf', 'dpkg-buildpackage',
]);

/** Programs that speak https with the system's certificates. */
const TLS_CLIENTS = new Set(['curl', 'wget', 'wget2', 'aria2c', 'openssl', 'composer', 'gem', 'bundle', 'bundler', 'go', 'conda', 'mamba', 'update-ca-certificates']);

/**
 * Subcommands of package tools that read and write only local settings and files, never a
 * server nor a compiler (\`bundle config set --local without development\`, \`composer dump-autoload\`), and
 * the version flags. Not \`bundle exec\` or \`composer run-script\`: what they run may fetch.
 */
const LOCAL_SUBCOMMANDS: Readonly<Record<string, ReadonlySet<string>>> = {
  bundle: new Set(['config', 'version', 'help', 'env', 'list', 'info', 'show', 'check', 'clean', 'binstubs', 'platform', 'init', '--version', '-v']),
  gem: new Set(['list', 'which', 'contents', 'env', 'environment', 'help', 'uninstall', 'cleanup', 'build', '--version', '-v']),
  composer: new Set(['config', 'dump-autoload', 'dumpautoload', 'clear-cache', 'clearcache', 'cc', 'validate', '--version', '-V']),
};

/** A package tool's subcommand that reaches no server (`gem list --remote` does). */
function localOnly(name: string, values: readonly (string | null)[]): boolean {
  const local = own(LOCAL_SUBCOMMANDS, name === 'bundler' ? 'bundle' : name);
  const sub = values.find((v) => v === null || !v.startsWith('-') || local?.has(v) === true);
  return local !== undefined && sub !== undefined && sub !== null && local.has(sub) && !values.some((v) => v === '--remote' || v === '-r');
}

/** Composer commands that download and unpack packages (`composer global require` too). */
const COMPOSER_INSTALLS = new Set(['install', 'i', 'update', 'u', 'upgrade', 'require', 'r', 'create-project', 'global']);

/** git subcommands that reach a remote. */
const GIT_REMOTE = new Set(['clone', 'fetch', 'pull', 'push', 'ls-remote', 'submodule', 'archive', 'remote']);

const KEYSERVER_OPTIONS = /^--(?:recv-keys?|recv|keyserver|search-keys|refresh-keys|fetch-keys|locate-keys|locate-external-keys|auto-key-locate|auto-key-retrieve)\b/;

/** MPI's compiler wrappers (MPICH's and Open MPI's, and Debian's suffixed names: `mpicc.mpich`). */
const MPI_WRAPPERS = /^(?:mpicc|mpicxx|mpic\+\+|mpiCC|mpifort|mpif77|mpif90)(?:\.(?:mpich|openmpi))?$/;

/** ImageMagick's programs (Debian's versioned names too: `convert-im6.q16`) and GraphicsMagick's `gm`. */
const MAGICK_PROGRAMS = /^(?:convert|magick|mogrify|identify|montage|composite|compare|conjure|stream|animate|display|import)(?:-im[67](?:\.q16(?:hdri)?)?)?$|^gm$/;

/** A file ImageMagick hands to ghostscript: by its extension (a page selector `doc.pdf[0]` allowed) or a format prefix (`pdf:-`). */
const GHOSTSCRIPT_FILE = /\.(?:pdf|ps|eps|epsi|epsf|ept|ai|ps2|ps3)(?:\[[^\]]*\])?$|^(?:pdf|pdfa|epdf|ps|ps2|ps3|eps|epsi|epsf|ept|ai):/i;

const SSH_URL = /^(?:ssh:\/\/|git\+ssh:\/\/|[\w.-]+@[\w.-]+:)/;

/**
 * A repository or server over ssh in another tool's argument (\`pip install "lib @ git+ssh://…"\`,
 * \`hg clone ssh://…\`, \`lftp -c 'open sftp://…'\`): the tool runs ssh (git's, or its own).
 */
const VCS_SSH_ARG = /(?:^|[\s@=])(?:git\+|hg\+)?s(?:sh|ftp):\/\/|^git@[\w.-]+:/;

/** The uses of one simple command (not of the commands nested in it: those are commands of their own). */
export function usesOf(command: SimpleCommand): CommandUse[] {
  const program = invokedProgram(command);
  if (program === null) return [];
  // Composer run as its phar by PHP (\`php composer.phar install\`) is read as \`composer install\`.
  const composer = composerInvocation(command);
  const name = composer !== null ? 'composer' : program.name;
  const args = composer !== null ? composer.args : program.args;
  const values = args.map((w) => w.value);
  const out: CommandUse[] = [];
  const add = (use: RecommendedUse, sure = true) => {
    if (!out.some((u) => u.use === use && (u.sure || !sure))) out.push({ use, sure });
  };

  const local = localOnly(name, values);
  if (TLS_CLIENTS.has(name) && !plainHttpOnly(command) && !local) add('tls');
  if ((COMPILERS.has(name) && !local) || /^(?:gcc|g\+\+|clang)-\d+/.test(name) || (name === 'python' || /^python[\d.]*$/.test(name) ? values.includes('setup.py') : false)) add('c-headers');
  const cmake = name === 'cmake' ? cmakeMode(values) : null;
  if (cmake === 'configure' || cmake === 'build') add('c-headers');
  if (name === 'make' || name === 'gmake' || (cmake === 'configure' && makefileGenerator(values))) add('make');
  // Whether a gem has a native extension is in the Gemfile or the gem, not the command.
  if ((name === 'bundle' || name === 'bundler') && ['install', 'update', undefined].includes(values.find((v) => v === null || !v.startsWith('-')) ?? undefined)) add('gem-native-build', false);
  if (name === 'gem' && (values[0] === 'install' || values[0] === 'i')) add('gem-native-build', false);
  if (name === 'cargo') add('cargo');
  // MPI's compiler wrappers compile against mpi.h; a make or cmake build after an MPI install may call them.
  if (MPI_WRAPPERS.test(name)) add('mpi-headers');
  if (name === 'make' || name === 'gmake' || cmake === 'configure' || cmake === 'build') add('mpi-headers', false);
  if (name === 'composer' && COMPOSER_INSTALLS.has(values.find((v) => v === null || !v.startsWith('-')) ?? '')) add('unzip');
  if (name === 'git' && values.some((v) => v !== null && GIT_REMOTE.has(v))) {
    if (args.some((w) => w.value === null || /^https:\/\//.test(w.value)) || !args.some((w) => w.value !== null && /^[\w+.-]+:\/\/|@/.test(w.value))) add('tls');
    if (args.some((w) => w.value !== null && SSH_URL.test(w.value))) add('ssh');
  }
  if (name === 'git' && command.assigns.some((a) => a.name === 'GIT_SSH_COMMAND' || a.name === 'GIT_SSH')) add('ssh');
  if (name !== 'git' && values.some((v) => v !== null && VCS_SSH_ARG.test(v))) add('ssh');
  if (['ssh', 'scp', 'sftp', 'ssh-keyscan', 'ssh-add', 'ssh-agent'].includes(name)) add('ssh');
  if (name === 'apt-key' || name === 'gpg' || name === 'gpg2') {
    add('gpg');
    if (values.some((v) => v !== null && KEYSERVER_OPTIONS.test(v))) add('keyserver');
  }
  if (name === 'dirmngr') add('keyserver');
  if (name === 'docker') {
    // The subcommand after the CLI's own options (\`docker --context ci build .\`), or a management command's (\`docker image build\`).
    const sub = dockerSubcommand(values);
    if (sub === 'build' || sub === 'buildx' || sub === 'image build' || sub === 'builder') add('docker-buildx');
    if (sub === 'compose') add('docker-compose');
  }
  // debuild checks what it built with lintian unless told not to.
  if (name === 'lintian' || (name === 'debuild' && !values.includes('--no-lintian'))) add('lintian');
  // Reading a PDF or PostScript file needs ghostscript; a file only known at build time may be one.
  if (MAGICK_PROGRAMS.test(name)) {
    if (values.some((v) => v !== null && GHOSTSCRIPT_FILE.test(v))) add('ghostscript');
    else if (values.includes(null)) add('ghostscript', false);
  }
  if (name === 'go' && ['build', 'install', 'test', 'run', 'get', 'vet', 'generate'].includes(values[0] ?? '')) {
    if (envValue(command, 'CGO_ENABLED') !== '0') add('cgo');
    add('tls');
    add('c-headers', envValue(command, 'CGO_ENABLED') !== '0');
  }
  const pip = pipBuild(command);
  if (pip !== null) {
    add('pip-source-build', pip);
    add('c-headers');
  }
  if (['npm', 'yarn', 'pnpm', 'bun'].includes(name) && (recognise(command)?.kind === 'package' || values[0] === 'rebuild')) add('c-headers');
  // `npx pnpm@9 install`: a manager a runner runs installs the same way.
  else if (['npx', 'pnpx', 'bunx', 'corepack'].includes(name) && recognise(command)?.kind === 'package') add('c-headers');
  if (runsScript(program.path, args)) {
    // A script we cannot see into: it may download, compile (with make), or install with pip.
    add('tls');
    add('c-headers');
    add('cgo');
    add('make');
    add('pip-source-build', false);
    add('ghostscript');
    add('mpi-headers', false);
    add('lintian', false);
  }
  return out;
}

/** The Docker CLI's options that take a value (\`--context ci\`, \`-H tcp://…\`, \`--config dir\`, \`-l debug\`). */
const DOCKER_VALUED = new Set(['--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);

/** The docker subcommand (\`build\`; \`image build\` for a management command's), past the CLI's own options; null when unknown. */
function dockerSubcommand(values: readonly (string | null)[]): string | null {
  let i = 0;
  while (i < values.length && values[i] !== null && values[i]!.startsWith('-')) i += DOCKER_VALUED.has(values[i]!) ? 2 : 1;
  const first = values[i];
  if (first === undefined || first === null) return null;
  return first === 'image' ? `image ${values[i + 1] ?? ''}` : first;
}

/**
 * What a cmake command does: configure a project (which looks for the compilers and the
 * generator's build tool), build one (`--build`, with the tool configure chose), or neither
 * (a script mode `-E`/`-P`, `--install`, a query such as `--version`).
 */
function cmakeMode(values: readonly (string | null)[]): 'configure' | 'build' | null {
  if (values.some((v) => v !== null && /^(?:-E|-P|--install|--version|--help|-h|--system-information|--find-package)$/.test(v))) return null;
  return values.includes('--build') ? 'build' : 'configure';
}

/** cmake's default generator, Unix Makefiles, unless `-G` names another (Ninja needs no make). */
function makefileGenerator(values: readonly (string | null)[]): boolean {
  const g = values.findIndex((v) => v !== null && /^-G/.test(v));
  if (g < 0) return true;
  const generator = values[g] === '-G' ? values[g + 1] : values[g]!.slice(2);
  return generator === null || generator === undefined || /Makefiles/.test(generator);
}

/**
 * curl fetching only \`http://\` URLs and not following redirects (\`HEALTHCHECK CMD curl -f
 * http://localhost:8080/health\`): no certificate is ever checked. A redirect (-L) may lead to https,
 * an option may name an https server (\`--proxy https://…\`, \`--doh-url\`), and a config file (-K) anything;
 * so may a proxy whose address is not written out (\`--proxy "$PROXY"\`, \`http_proxy=$P curl …\`).
 * wget only on the loopback, with no variables set for it (a proxy).
 */
function plainHttpOnly(command: SimpleCommand): boolean {
  const r = recognise(command);
  if (r?.kind !== 'download' || r.urls.length === 0) return false;
  // wget follows redirects, which may lead to https; on the container's own loopback (a health check's
  // `wget -qO- http://localhost:3000/health`) nothing it reaches is verified with the CA bundle.
  if (r.tool === 'wget') return command.assigns.length === 0 && r.urls.every((u) => LOOPBACK_HTTP.test(u.raw));
  if (r.tool !== 'curl') return false;
  if (r.hasFlag('-L', '--location', '--location-trusted', '-K', '--config')) return false;
  if (r.options.some((o) => CURL_PROXY_OPTIONS.has(o.name) && o.value === null)) return false;
  if (command.assigns.some((a) => CURL_PROXY_VARIABLES.has(a.name) && (a.value === null || /^https:/i.test(a.value)))) return false;
  return r.urls.every((u) => /^["']?http:\/\//i.test(u.raw)) && !r.options.some((o) => o.value !== null && /^https:/i.test(o.value));
}

/** A plain http URL, its text as written, to the container itself. */
const LOOPBACK_HTTP = /^["']?http:\/\/(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)(?:[:/"']|$)/i;

/** curl's options naming a proxy it reaches first. */
const CURL_PROXY_OPTIONS: ReadonlySet<string> = new Set(['-x', '--proxy', '--preproxy']);
/** The variables curl takes a proxy for an \`http://\` URL from (it reads no HTTP_PROXY in capitals). */
const CURL_PROXY_VARIABLES: ReadonlySet<string> = new Set(['http_proxy', 'all_proxy', 'ALL_PROXY']);

/**
 * Every use of a script's commands, in source order, with the offset of the
 * command; `sh -c '…'` scripts are read too.
 */
export function scriptUses(script: ShellScript): { at: number; end: number; uses: CommandUse[] }[] {
  const out: { at: number; end: number; uses: CommandUse[] }[] = [];
  for (const c of script.commands) {
    const uses = usesOf(c);
    // Scripts inside scripts (`sh -c "sh -c '…'"`).
    for (const inner of nestedShellStrings(c)) {
      if (inner.parsed.ok) for (const nested of inner.parsed.commands) uses.push(...usesOf(nested));
    }
    if (uses.length > 0) out.push({ at: c.start, end: c.end, uses });
  }
  return out;
}

/** For a pip install: true when it surely builds from source, false when it may, null when it is not one or only installs wheels. */
function pipBuild(command: SimpleCommand): boolean | null {
  const r = recognise(command);
  if (r?.kind !== 'package' || r.manager !== 'pip') return null;
  const sub = r.subcommand[0]?.value;
  if (sub === 'wheel') return true;
  if (sub !== 'install' && sub !== 'download') return null;
  const onlyBinary = r.options.some((o) => o.name === '--only-binary' && o.value === ':all:');
  if (onlyBinary) return null;
  const fromSource =
    r.options.some((o) => o.name === '--no-binary' || o.name === '-e' || o.name === '--editable') ||
    r.operands.some((w) => w.value !== null && /^(?:\.{1,2}(?:\/|$)|\/|file:|(?:git|hg|svn|bzr)\+|.*\.(?:tar\.gz|tgz|tar\.bz2|zip)$)/.test(w.value));
  if (fromSource) return true;
  const requirements = r.options.some((o) => o.name === '-r' || o.name === '--requirement');
  // `pip install --upgrade pip setuptools wheel` installs wheels only: it builds nothing.
  if (!requirements && r.operands.length > 0 && r.operands.every(alwaysWheel)) return null;
  return r.operands.length > 0 || requirements ? false : null;
}

/** A version specifier clause of a requirement: `>=23`, `==69.5.1`, `<70`. */
const SPECIFIER = String.raw`(?:===?|[<>]=?|~=|!=)\s*[\w.*+!]+`;
/** A bare requirement: a project name and optional version clauses, without extras, markers or a URL. */
const BARE_REQUIREMENT = new RegExp(String.raw`^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:${SPECIFIER}(?:\s*,\s*${SPECIFIER})*)?$`);

/** An operand naming a project that pip always installs from a wheel (pip itself, setuptools, wheel). */
function alwaysWheel(w: ShellWord): boolean {
  const m = w.value === null ? null : BARE_REQUIREMENT.exec(w.value);
  return m !== null && pypiAlwaysWheel(m[1]!);
}

/** The value the command gives `name` for its program: `NAME=v go build`, or through `env NAME=v`. */
function envValue(command: SimpleCommand, name: string): string | null | undefined {
  const env = invokedProgram(command)?.env;
  return env?.has(name) === true ? env.get(name) : command.assigns.find((a) => a.name === name)?.value;
}

/** `./install.sh`, `bash setup.sh`, `sh -` (a script piped in): we cannot see what it needs. */
function runsScript(path: string, args: readonly ShellWord[]): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/\.(?:sh|bash)$/.test(name)) return true;
  if (!SHELL_PROGRAMS.has(name)) return false;
  return shellCommandString([path, ...args.map((w) => w.value)]) === null;
}
