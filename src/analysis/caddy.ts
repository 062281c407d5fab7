/**
 * Where Caddy listens when the container starts it: read from the Caddyfile its command names (the
 * build context's file a COPY puts there, or the official image's own), or from the flags of the
 * subcommands that serve on their own (\`caddy file-server\`, \`caddy reverse-proxy\`).
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { stageLineage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { envAtEnd } from '../dockerfile/variables.js';
import { CADDY } from '../knowledge/caddy.js';
import type { IdentifiedImage } from '../knowledge/types.js';
import { contextFileAt } from './copiedFiles.js';
import { originAtEnd, workdirAtEnd } from './paths.js';
import { runScripts } from './runScripts.js';
import { baseName } from './startCommand.js';

/** A port Caddy serves on, and the address (or setting) that makes it listen there. */
export interface CaddyPort {
  readonly port: number;
  readonly address: string;
}

/** A file or folder the Caddyfile has Caddy write when it starts: a log's \`output file\`, the \`storage file_system\` root. */
export interface CaddyWrite {
  readonly path: string;
  /** The Caddyfile's words that say so (\`output file /var/log/caddy/access.log\`). */
  readonly setting: string;
  readonly folder: boolean;
}

export type CaddyListening =
  /** `where`: what decides it (\`/etc/caddy/Caddyfile (the build context's Caddyfile)\`, \`--listen :8080\`). */
  | { readonly kind: 'ports'; readonly ports: readonly CaddyPort[]; readonly where: string; readonly writes?: readonly CaddyWrite[] }
  | { readonly kind: 'unknown'; readonly why: string };

/**
 * Where the Caddy the command starts listens, or null when the command starts no Caddy server
 * (\`caddy version\`, another program). \`words\` are the command's; a stage that sets none on the
 * caddy image runs the image's CMD, as the caller passes it.
 */
export function caddyListening(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, words: readonly string[]): CaddyListening | null {
  const at = words.findIndex((w) => baseName(w) === 'caddy');
  if (at === -1) return null;
  const args = words.slice(at + 1);
  const sub = args.findIndex((w) => !w.startsWith('-'));
  const subcommand = sub === -1 ? null : args[sub]!;
  const rest = sub === -1 ? [] : args.slice(sub + 1);
  let vars: Map<string, string> | undefined;
  const env = (name: string) => (vars ??= stageEnv(file, stage)).get(name) ?? null;
  if (subcommand === 'run' || subcommand === 'start') return fromConfig(file, stage, ctx, rest, env);
  if (subcommand === null || CADDY.quietSubcommands.has(subcommand)) return null;
  const serving = CADDY.servingSubcommands[subcommand];
  if (serving === undefined) return { kind: 'unknown', why: `\`caddy ${subcommand}\` is a plugin's subcommand, not the standard build's, and where it serves is not read` };
  const given = flagValue(rest, serving.flags);
  // file-server's --domain serves that host over HTTPS, as a site of that name would be.
  const domain = subcommand === 'file-server' ? flagValue(rest, ['--domain', '-d']) : null;
  const address = given ?? domain ?? serving.address;
  const ports = addressPorts(address, DEFAULT_OPTIONS);
  if (ports === null) return { kind: 'unknown', why: `\`caddy ${subcommand}\` serves ${address}, whose port cannot be read` };
  const where = given !== null ? `\`caddy ${subcommand}\` given ${address}` : domain !== null ? `\`caddy ${subcommand}\` given the domain ${domain}` : `\`caddy ${subcommand}\`, which serves ${address} when not told`;
  return { kind: 'ports', ports: ports.map((port) => ({ port, address })), where };
}

/**
 * What the official image gives its /usr/bin/caddy (cap_net_bind_service, from 2.6.3 on), and
 * whether the stage kept it: a COPY of another caddy over it (an xcaddy build from the builder
 * image) brings a file whose capability most builders' COPY does not carry. Null when the stage
 * is not on the caddy image.
 */
export function caddyCapability(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, image: IdentifiedImage | null): { readonly replaced: Instruction | null } | null {
  if (image?.repository.name !== 'caddy' || image.options.flavour === 'builder') return null;
  const copied = originAtEnd(file, stage, CADDY.binary, ctx);
  return { replaced: copied === null ? null : copied.inst };
}

/** The Caddyfile `caddy run` (or `start`) loads, read; its JSON or another adapter's configuration is not. */
function fromConfig(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, args: readonly string[], env: (name: string) => string | null): CaddyListening {
  const config = flagValue(args, ['--config', '-c']);
  const adapter = flagValue(args, ['--adapter', '-a']);
  const workdir = workdirAtEnd(file, stage);
  // Without --config, caddy run loads ./Caddyfile when there is one, and serves nothing else.
  const named = config ?? 'Caddyfile';
  if (!named.startsWith('/') && workdir === null) return { kind: 'unknown', why: `its configuration, ${named}, lies in the working folder, which is not known` };
  const where = path.posix.resolve(workdir ?? '/', named);
  const caddyfile = adapter === 'caddyfile' || (adapter === null && /^Caddyfile|\.caddyfile$/i.test(path.posix.basename(where)));
  if (!caddyfile) return { kind: 'unknown', why: `its configuration, ${where}, is ${adapter === null ? 'JSON' : `read by the ${adapter} adapter`}, which is not read here` };
  const origin = contextFileAt(file, stage, ctx, where);
  if (origin.kind === 'unknown') return { kind: 'unknown', why: `its Caddyfile, ${where}, cannot be read (${origin.why})` };
  let text: string | null;
  let from: string;
  if (origin.kind === 'not-copied') {
    const written = stageLineage(file, stage).some((s) => runScripts(file, s).some((r) => r.text.includes(where)));
    if (written) return { kind: 'unknown', why: `a RUN names its Caddyfile, ${where}, and may write it` };
    // Not there: caddy run without --config serves nothing but its admin endpoint (localhost:2019).
    if (config === null) return { kind: 'ports', ports: [], where: 'no Caddyfile' };
    if (where !== CADDY.imageConfig || !onCaddyImage(file, stage)) return { kind: 'unknown', why: `no COPY puts its Caddyfile, ${where}, in the image` };
    text = `${CADDY.imageConfigAddress} {\n}\n`;
    from = `${where} (the image's own)`;
  } else if (origin.kind === 'inline') {
    text = origin.text;
    from = `${where} (the heredoc of line ${origin.inst.line})`;
  } else {
    text = ctx?.read(origin.path) ?? null;
    from = `${where} (the build context's ${origin.path})`;
  }
  if (text === null) return { kind: 'unknown', why: `its Caddyfile, ${where}, cannot be read` };
  const read = caddyfilePorts(text, env);
  return read.kind === 'unknown' ? { kind: 'unknown', why: `its Caddyfile, ${from}, ${read.why}` } : { kind: 'ports', ports: read.ports, where: from, writes: read.writes };
}

function onCaddyImage(file: ParsedDockerfile, stage: Stage): boolean {
  const root = stageLineage(file, stage).at(-1)!;
  return root.base.kind === 'image' && /^(?:(?:docker\.io\/)?(?:library\/)?)caddy(?::|@|$)/.test(root.base.ref.raw);
}

/** The value of the first of `names` given (`--config X`, `--config=X`), or null. */
function flagValue(args: readonly string[], names: readonly string[]): string | null {
  for (const [i, a] of args.entries()) {
    for (const n of names) {
      if (a === n) return args[i + 1] ?? null;
      if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return null;
}

/** The values the stage's ENVs leave, as the Caddyfile's \`{$VAR}\` reads them. */
function stageEnv(file: ParsedDockerfile, stage: Stage): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, { value }] of envAtEnd(file, stage)) if (value !== null) out.set(name, value);
  return out;
}

interface GlobalOptions {
  readonly httpPort: number;
  readonly httpsPort: number;
  /** `auto_https off` or `disable_redirects`: no listener on the HTTP port for redirects. */
  readonly redirects: boolean;
}

const DEFAULT_OPTIONS: GlobalOptions = { httpPort: CADDY.httpPort, httpsPort: CADDY.httpsPort, redirects: true };

/**
 * The ports a Caddyfile's sites are served on, with the global options' \`http_port\`, \`https_port\` and
 * \`auto_https\`; \`{$VAR}\` is read from \`env\` (or its default, \`{$VAR:8080}\`). Unknown when a site's address
 * or the file's shape cannot be read: a placeholder only known when it runs, an \`import\` at the top level.
 */
export function caddyfilePorts(text: string, env: (name: string) => string | null): { kind: 'ports'; ports: CaddyPort[]; writes: CaddyWrite[] } | { kind: 'unknown'; why: string } {
  let missing: string | null = null;
  const expanded = text.replace(/\{\$([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}/g, (whole, name: string, fallback: string | undefined) => {
    const value = env(name) ?? fallback ?? null;
    if (value === null) missing ??= whole;
    return value ?? whole;
  });
  if (missing !== null) return { kind: 'unknown', why: `takes ${missing} from the environment, which the Dockerfile does not set` };
  // Addresses may go on over lines that end in a comma (\`example.com,\` then \`www.example.com {\`).
  const lines = expanded
    .split('\n')
    .map(tokens)
    .filter((l) => l.length > 0)
    .reduce<string[][]>((out, l) => {
      const previous = out.at(-1);
      if (previous !== undefined && previous.at(-1)!.endsWith(',')) previous.push(...l);
      else out.push(l);
      return out;
    }, []);
  let options = DEFAULT_OPTIONS;
  const sites: string[][] = [];
  const writes: CaddyWrite[] = [];
  let depth = 0;
  /** The depth of a \`storage file_system {\` block's body, whose \`root\` is the folder. */
  let storageBody = -1;
  /** The file is one site without braces: every line after its addresses is one of its directives. */
  let single = false;
  for (const [i, line] of lines.entries()) {
    const opens = line.filter((t) => t === '{').length;
    const closes = line.filter((t) => t === '}').length;
    const [a, b, c] = line;
    const literal = (p: string | undefined) => p !== undefined && unquote(p).startsWith('/') && !/[{}]/.test(p);
    if (a === 'output' && b === 'file' && literal(c)) writes.push({ path: unquote(c!), setting: line.slice(0, 3).join(' '), folder: false });
    if (a === 'storage' && b === 'file_system' && literal(c)) writes.push({ path: unquote(c!), setting: line.slice(0, 3).join(' '), folder: true });
    if (a === 'storage' && b === 'file_system' && c === '{') storageBody = depth + 1;
    else if (depth === storageBody && a === 'root' && literal(b)) writes.push({ path: unquote(b!), setting: `storage file_system { root ${b} }`, folder: true });
    if (depth === 0 && !single) {
      const first = line[0]!;
      if (first.startsWith('<<')) return { kind: 'unknown', why: 'has a heredoc at the top level' };
      if (first === '{' && i === 0) options = globalOptions(lines, options);
      else if (first === 'import') return { kind: 'unknown', why: `imports ${line[1] ?? 'a file'} at the top level, whose sites are not read` };
      else if (first === '}') return { kind: 'unknown', why: 'has a brace that closes no block' };
      else if (!/^&?\(.*\)$/.test(first)) {
        const addresses = line.filter((t) => t !== '{' && t !== '}').join(' ').split(/[\s,]+/).filter((a) => a !== '');
        // One site without braces: its addresses are the first line, and the rest are its directives.
        if (line.at(-1) !== '{' && sites.length > 0) return { kind: 'unknown', why: `has a line at the top level that opens no block (\`${line.join(' ')}\`)` };
        sites.push(addresses);
        single = line.at(-1) !== '{';
      }
    }
    depth += opens - closes;
    if (depth < storageBody) storageBody = -1;
    if (depth < 0) return { kind: 'unknown', why: 'has a brace that closes no block' };
  }
  const ports: CaddyPort[] = [];
  for (const address of sites.flat()) {
    const found = addressPorts(address, options);
    if (found === null) return { kind: 'unknown', why: `serves ${address}, whose port cannot be read` };
    for (const port of found) if (!ports.some((p) => p.port === port)) ports.push({ port, address });
  }
  return { kind: 'ports', ports, writes };
}

function unquote(word: string): string {
  return /^".*"$/.test(word) ? word.slice(1, -1) : word;
}

/** The global options block (the first, at the file's start): the ports and redirects its sites fall back on. */
function globalOptions(lines: readonly string[][], base: GlobalOptions): GlobalOptions {
  let { httpPort, httpsPort, redirects } = base;
  let depth = 0;
  for (const line of lines) {
    if (depth === 1) {
      const [name, value] = line;
      const port = value !== undefined && /^\d{1,5}$/.test(value) ? Number(value) : null;
      if (name === 'http_port' && port !== null) httpPort = port;
      if (name === 'https_port' && port !== null) httpsPort = port;
      if (name === 'auto_https' && (value === 'off' || value === 'disable_redirects')) redirects = false;
    }
    depth += line.filter((t) => t === '{').length - line.filter((t) => t === '}').length;
    if (depth === 0) break;
  }
  return { httpPort, httpsPort, redirects };
}

/**
 * The ports a site address is served on: its own port; else http:// on the HTTP port, and a host
 * (with or without https://) on the HTTPS port, and on the HTTP port for the redirects unless turned
 * off (also for a host given another port: Caddy's redirects listen on the HTTP port). Null when the
 * address cannot be read (a placeholder, a Unix socket).
 */
function addressPorts(address: string, options: GlobalOptions): number[] | null {
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^:/[\]]*)(?::([^/]*))?(\/.*)?$/i.exec(address);
  if (m === null) return null;
  const scheme = m[1]?.toLowerCase() ?? null;
  const host = m[2] ?? '';
  if ((scheme !== null && scheme !== 'http' && scheme !== 'https') || /[{}]/.test(host)) return null;
  if (m[3] !== undefined && !/^\d{1,5}$/.test(m[3])) return null;
  const port = m[3] === undefined ? null : Number(m[3]);
  if (scheme === 'http') return [port ?? options.httpPort];
  const served = port ?? options.httpsPort;
  if (host === '' && scheme === null) return port === null ? null : [port];
  if (port === options.httpPort) return [port];
  return options.redirects && served !== options.httpPort ? [served, options.httpPort] : [served];
}

/** A Caddyfile line's tokens: words, quoted strings (kept whole), braces; a `#` that starts a word comments out the rest. */
function tokens(line: string): string[] {
  const out: string[] = [];
  const re = /"(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]+/g;
  for (const m of line.matchAll(re)) {
    if (m[0].startsWith('#')) break;
    out.push(m[0]);
  }
  return out;
}
