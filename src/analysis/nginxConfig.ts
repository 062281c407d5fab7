/**
 * Whether the official nginx image, as a stage prepares it, can start as its own user nginx instead of
 * root: every site in effect listens on a port above 1023, and nginx may write its pid file, its temp
 * files and its logs. Each of those is proven from what the stage copies in (read from the build context)
 * and what its RUNs give to the user; anything not read (a variable, a file from another stage, an
 * include of an unknown file, a RUN that edits the configuration) leaves it to root, with the reason.
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { contextPath } from '../engine/context.js';
import { stageLineage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import type { NginxLayout, UserFacts } from '../knowledge/types.js';
import { folderMove } from '../shell/index.js';
import { fileOwners, groupWritableFolders, worldWritableFolders } from './accounts.js';
import { contextFileAt, copySteps, globRegExp } from './copiedFiles.js';
import { commandPath } from './paths.js';
import { programOf, runScripts } from './runScripts.js';

/** Ready: the change's reason. Blocked: why nginx must still start as root, at the instruction that shows it. */
export type NginxVerdict = { readonly kind: 'ready'; readonly why: string } | { readonly kind: 'blocked'; readonly reason: string; readonly at: number | null };

/** Ports below this need root to bind. */
const FIRST_UNPRIVILEGED_PORT = 1024;

/** One directive of an nginx configuration: its words (null: holds a variable), its line, the blocks around it. */
interface Directive {
  readonly name: string;
  readonly args: readonly (string | null)[];
  /** The words as written, variables and all. */
  readonly raws: readonly string[];
  readonly line: number;
  readonly block: Block | null;
}

interface Block {
  readonly name: string;
  readonly line: number;
  readonly parent: Block | null;
}

/** The directives of a configuration, with the blocks that open (server's among them); null when it does not read as one. */
function parseConfig(text: string): { readonly directives: readonly Directive[]; readonly blocks: readonly Block[] } | null {
  const directives: Directive[] = [];
  const blocks: Block[] = [];
  let words: { value: string | null; raw: string; line: number }[] = [];
  let block: Block | null = null;
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === ';' || c === '{' || c === '}') {
      i++;
      if (c === '}') {
        if (words.length > 0 || block === null) return null;
        block = block.parent;
        continue;
      }
      const [first, ...rest] = words;
      words = [];
      if (first === undefined || first.value === null) return null;
      if (c === ';') {
        directives.push({ name: first.value, args: rest.map((w) => w.value), raws: rest.map((w) => w.raw), line: first.line, block });
        continue;
      }
      // Lua's and njs's blocks hold code, not directives.
      if (/_by_lua_block$|^js_/.test(first.value)) return null;
      block = { name: first.value, line: first.line, parent: block };
      blocks.push(block);
      continue;
    }
    // A word: quoted, or up to a space or one of ;{}.
    const start = line;
    let value = '';
    while (i < text.length && !/[\s;{}]/.test(text[i]!)) {
      const q = text[i]!;
      if (q === '"' || q === "'") {
        let j = i + 1;
        while (j < text.length && text[j] !== q) {
          if (text[j] === '\\') j++;
          if (text[j] === '\n') line++;
          j++;
        }
        if (j >= text.length) return null;
        value += text.slice(i + 1, j);
        i = j + 1;
        continue;
      }
      // A variable in braces (\`${port}\`) is part of the word.
      if (q === '$' && text[i + 1] === '{') {
        const close = text.indexOf('}', i);
        if (close === -1) return null;
        value += text.slice(i, close + 1);
        i = close + 1;
        continue;
      }
      if (q === '\\' && i + 1 < text.length) i++;
      value += text[i]!;
      i++;
    }
    words.push({ value: value.includes('$') ? null : value, raw: value, line: start });
  }
  return words.length === 0 && block === null ? { directives, blocks } : null;
}

/** The port a \`listen\` address binds (\`8080\`, \`127.0.0.1:8080\`, \`[::]:8080\`; an address alone is port 80), 0 for a unix socket. */
function listenPort(address: string): number | null {
  if (address.startsWith('unix:')) return 0;
  if (/^\d+$/.test(address)) return Number(address);
  const v6 = /^\[[^\]]*\](?::(\d+))?$/.exec(address);
  if (v6 !== null) return v6[1] === undefined ? 80 : Number(v6[1]);
  const m = /^[^:[\]]*:(\d+)$/.exec(address);
  if (m !== null) return Number(m[1]);
  return address.includes(':') ? null : 80;
}

/** A configuration file nginx reads: where it is in the image, what it says, how a message names it. */
interface Config {
  readonly imagePath: string;
  readonly named: string;
  readonly text: string;
  /** Rendered by the entrypoint into the folder of sites. */
  readonly template: boolean;
  /** The COPY that puts it there. */
  readonly inst: Instruction;
}

/**
 * Whether \`stage\`, on the official nginx image (its files in \`layout\`), can run as the image's \`user\`
 * with the image's command. See the module's comment for what is proven.
 */
export function nginxAsUser(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, layout: NginxLayout, user: UserFacts): NginxVerdict {
  const blocked = (reason: string, inst?: Instruction | null): NginxVerdict => ({ kind: 'blocked', reason, at: inst?.span.start ?? null });
  const etc = path.posix.dirname(layout.config);
  const under = (p: string, folder: string) => p === folder || p.startsWith(`${folder}/`);
  const lineage = stageLineage(file, stage).reverse();

  // A path of the configuration nginx reads, or a folder above it; not its other files (certificates, html).
  const config = (p: string) =>
    p === layout.config || under(p, layout.sites) || under(p, layout.templates.folder) || under(etc, p) || (path.posix.dirname(p) === etc && /[*?[]/.test(p));
  // What the RUNs do to the configuration: remove files (`rm /etc/nginx/conf.d/default.conf`), or change it some way not read here.
  const removals: { readonly pattern: string; readonly inst: Instruction }[] = [];
  const harmless = new Set(['chown', 'chgrp', 'chmod', 'mkdir', 'ls', 'cat', 'nginx', 'echo', 'test', '[', 'true']);
  for (const s of lineage) {
    for (const run of runScripts(file, s)) {
      if (run.parsed === null) {
        if (run.text.includes(etc)) return blocked(`the RUN on line ${run.inst.line} names ${etc} in a script not read here, so the configuration nginx starts with is not known`, run.inst);
        continue;
      }
      for (const c of run.parsed.commands) {
        const folder = folderMove(run.parsed, c);
        const at = (p: string) => commandPath(file, { inst: run.inst, folder }, p);
        const cwd = at('.');
        const whole = run.text.slice(c.start, c.end).replace(/\\\n\s*/g, ' ');
        const shown = whole.length > 100 ? `${whole.slice(0, 99)}…` : whole;
        const written = c.redirects.some((r) => r.op.includes('>') && (r.target?.value == null || config(at(r.target.value) ?? '/')));
        const program = path.posix.basename(programOf(c) ?? '');
        const paths = c.words.slice(1).map((w) => (w.value === null ? null : at(w.value)));
        const touches = written || cwd === null || under(cwd, etc) || paths.some((p) => p !== null && config(p));
        if (!touches || (harmless.has(program) && !written)) continue;
        if (program === 'rm' && !written && cwd !== null) {
          for (const p of paths) if (p !== null && config(p)) removals.push({ pattern: p, inst: run.inst });
          continue;
        }
        return blocked(`the RUN on line ${run.inst.line} changes nginx's configuration (\`${shown}\`), which is not read here, so the ports it listens on are not known`, run.inst);
      }
    }
  }
  const removedAfter = (p: string, inst: Instruction | null) =>
    removals.some((r) => (inst === null || r.inst.index > inst.index) && (under(p, r.pattern) || globRegExp(r.pattern).test(p)));

  // The entrypoint's templates elsewhere, or rendered elsewhere (NGINX_ENVSUBST_TEMPLATE_DIR, _OUTPUT_DIR…): not followed here.
  const moved = lineage.flatMap((s) => s.instructions).find((i) => (i.keyword === 'ENV' || i.keyword === 'ARG') && /\bNGINX_ENVSUBST_/.test(file.text.slice(i.span.start, i.span.end)));
  if (moved !== undefined) return blocked(`line ${moved.line} sets where the entrypoint reads or renders its templates (NGINX_ENVSUBST_…), which is not followed here`, moved);

  // The files the COPYs put where nginx reads its configuration (every file of the templates' folder: stream templates too).
  const relevant = (p: string) => p === layout.config || (path.posix.dirname(p) === layout.sites && p.endsWith('.conf')) || under(p, layout.templates.folder);
  const candidates = new Set<string>();
  for (const s of lineage) {
    for (const step of copySteps(file, s)) {
      const reaches = step.dest === null || under(step.dest, etc) || under(etc, step.dest);
      if (!reaches) continue;
      if (step.dest === null || step.sources.some((x) => x === null)) return blocked(`line ${step.inst.line} copies into ${etc} a path only known at build time`, step.inst);
      if (step.from !== null) {
        // A single file from another stage may be followed to the build context; a folder is not listed.
        if (!step.destIsDir && step.sources.length === 1) {
          if (relevant(step.dest)) candidates.add(step.dest);
          continue;
        }
        return blocked(`line ${step.inst.line} copies into ${step.dest} from ${step.from}, whose files are not read here, so the configuration nginx starts with is not known`, step.inst);
      }
      if (ctx === null) return blocked(`line ${step.inst.line} copies into ${step.dest} from a build context not read here`, step.inst);
      for (const source of step.sources as string[]) {
        const src = contextPath(source);
        if (src === null) return blocked(`line ${step.inst.line} copies ${source} into ${step.dest}, which is not in the build context`, step.inst);
        const matched = /[*?[]/.test(path.posix.basename(src))
          ? (ctx.list(path.posix.dirname(src) === '.' ? undefined : path.posix.dirname(src)) ?? []).filter((e) => globRegExp(path.posix.basename(src)).test(path.posix.basename(e.path))).map((e) => e.path)
          : [src];
        for (const m of matched) {
          const kind = ctx.kind(m);
          if (kind === 'file') {
            const to = step.destIsDir || matched.length > 1 || m !== src ? path.posix.join(step.dest, path.posix.basename(m)) : step.dest;
            if (relevant(to)) candidates.add(to);
          } else if (kind === 'dir') {
            const walk = ctx.walk();
            if (!walk.complete) return blocked(`line ${step.inst.line} copies the folder ${m} into ${step.dest}, too large to list here`, step.inst);
            for (const e of walk.entries) {
              if (e.kind !== 'file' || !(m === '.' || e.path.startsWith(`${m}/`))) continue;
              const to = path.posix.join(step.dest, m === '.' ? e.path : e.path.slice(m.length + 1));
              if (relevant(to)) candidates.add(to);
            }
          } else {
            return blocked(`line ${step.inst.line} copies ${source} into ${step.dest}, which is not in the build context to read`, step.inst);
          }
        }
      }
    }
  }

  // Read each, as the last step that wrote it left it.
  const configs: Config[] = [];
  for (const p of candidates) {
    const origin = contextFileAt(file, stage, ctx, p);
    if (origin.kind === 'not-copied') continue;
    if (origin.kind === 'unknown') return blocked(`${p} is not read here: ${origin.why}`, origin.inst);
    if (removedAfter(p, origin.inst)) continue;
    const text = origin.kind === 'inline' ? origin.text : (ctx?.read(origin.path) ?? null);
    const named = `${origin.kind === 'context' ? origin.path : p} (the ${origin.inst.keyword} on line ${origin.inst.line} puts it at ${p})`;
    if (text === null) return blocked(`${named} cannot be read`, origin.inst);
    // The entrypoint renders only \`*.template\` into the sites; a stream template goes to a stream block it appends to nginx.conf.
    if (under(p, layout.templates.folder) && !p.endsWith(layout.templates.suffix)) {
      if (p.endsWith('-template')) return blocked(`${named} is a stream template, which the entrypoint renders into a stream block it appends to ${layout.config}: not followed here`, origin.inst);
      continue;
    }
    configs.push({ imagePath: p, named, text, template: under(p, layout.templates.folder), inst: origin.inst });
  }

  // The main configuration: the image's, or the one copied over it.
  const main = configs.find((c) => c.imagePath === layout.config) ?? null;
  const sitesGlob = `${layout.sites}/*.conf`;
  let sitesRead = main === null;
  let pidFile = layout.pidFile;
  const tempsMoved = new Set<string>();
  const parsed = new Map<Config, NonNullable<ReturnType<typeof parseConfig>>>();
  for (const c of configs) {
    const p = parseConfig(c.text);
    if (p === null) return blocked(`${c.named} does not read as an nginx configuration here, so the ports it listens on are not known`, c.inst);
    parsed.set(c, p);
    for (const d of p.directives) {
      if (d.name !== 'include') continue;
      const target = d.args[0] === null || d.args[0] === undefined ? null : path.posix.resolve(etc, d.args[0]);
      if (target === sitesGlob) sitesRead = true;
      else if (target === null || !(path.posix.dirname(target) === etc && layout.ownFiles.includes(path.posix.basename(target)))) {
        return blocked(`line ${d.line} of ${c.named}: \`include ${d.raws[0] ?? ''}\` names files not read here, which may listen on a port below ${FIRST_UNPRIVILEGED_PORT}`, c.inst);
      }
    }
    if (c !== main) continue;
    for (const d of p.directives) {
      if (d.name === 'pid' && d.block === null) {
        if (d.args[0] == null) return blocked(`line ${d.line} of ${c.named}: the pid file is only known when nginx starts`, c.inst);
        pidFile = path.posix.resolve(etc, d.args[0]);
      }
      if (layout.tempDirectives.includes(d.name) && d.block?.name === 'http' && d.block.parent === null) tempsMoved.add(d.name);
    }
  }

  // Who may write where: nginx's own user, by a chown (or a chmod that opens a folder to all), or anyone in /tmp.
  const links = Object.entries(layout.links);
  const real = (p: string) => links.reduce((q, [from, to]) => (under(q, from) ? to + q.slice(from.length) : q), path.posix.normalize(p));
  const everyOwner = fileOwners(file, stage);
  const owners = everyOwner.filter((o) => o.user === user.name || o.user === String(user.uid));
  /** When another user than nginx is given `p` or its folder: who, and where, for a reason that says so. */
  const givenElsewhere = (p: string): string => {
    const other = everyOwner.find((o) => !owners.includes(o) && o.paths.some((q) => real(q) === real(p) || real(q) === path.posix.dirname(real(p))));
    if (other !== undefined) return `; line ${other.inst.line} gives it to ${other.user}, not to ${user.name}, the user the image's nginx runs as`;
    // Opened to root's group above the file's folder: whether the mode reached the folder itself (\`chmod -R\`) is not followed.
    const group = groupOpened.find((g) => under(real(p), real(g.path)));
    return group === undefined ? '' : `; line ${group.inst.line} opens ${group.path} to root's group (chmod ${group.mode}), not ${p} or its folder`;
  };
  // Folders the stage opens to root's group only (\`chgrp -R 0\` and \`chmod -R g=u\`, made for OpenShift's arbitrary uid
  // in group 0): non-root-user runs the user in that group then (\`USER 101:0\`), so nginx may write them.
  const groupOpened = groupWritableFolders(file, stage);
  const byGroup = new Set(groupOpened.map((g) => g.inst));
  const given = [
    ...owners.flatMap((o) => o.paths.map((p) => ({ path: real(p), inst: o.inst }))),
    ...worldWritableFolders(file, stage).map((f) => ({ path: real(f.path), inst: f.inst })),
    ...groupOpened.map((g) => ({ path: real(g.path), inst: g.inst })),
  ];
  /** The step that lets nginx create or write `p` (the file itself, or its folder), or 'tmp'; null when none does. */
  const writer = (p: string): Instruction | 'tmp' | null => {
    const r = real(p);
    if (under(r, '/tmp') || under(r, '/var/tmp')) return 'tmp';
    return given.find((g) => g.path === r || g.path === path.posix.dirname(r))?.inst ?? null;
  };

  // 1. The ports of every site in effect.
  const sites = configs.filter((c) => c !== main && (c.template || sitesRead));
  const defaultReplaced = sites.some((c) => c.imagePath === layout.defaultSite.path || (c.template && path.posix.join(layout.sites, path.posix.relative(layout.templates.folder, c.imagePath).slice(0, -layout.templates.suffix.length)) === layout.defaultSite.path));
  if (sitesRead && !defaultReplaced && !removedAfter(layout.defaultSite.path, null)) {
    return blocked(`the image's own site, ${layout.defaultSite.path}, listens on port ${layout.defaultSite.port}, and nothing replaces or removes it`);
  }
  const ports: number[] = [];
  for (const c of [...(main === null ? [] : [main]), ...sites]) {
    const p = parsed.get(c)!;
    for (const b of p.blocks) {
      if (b.name !== 'server' || (b.parent !== null && b.parent.name !== 'http')) continue;
      if (b.parent === null && c === main) continue;
      if (!p.directives.some((d) => d.name === 'listen' && d.block === b)) {
        return blocked(`line ${b.line} of ${c.named}: a server with no \`listen\` listens on port 80 when nginx starts as root`, c.inst);
      }
    }
    for (const d of p.directives) {
      if (d.name !== 'listen') continue;
      const address = d.args[0];
      const port = address == null ? null : listenPort(address);
      if (port === null) return blocked(`line ${d.line} of ${c.named}: \`listen ${d.raws[0] ?? ''}\` names a port only known when the container starts${c.template ? ' (the entrypoint fills the template in from the environment)' : ''}`, c.inst);
      if (port > 0 && port < FIRST_UNPRIVILEGED_PORT) return blocked(`line ${d.line} of ${c.named} listens on port ${port}, which only root may bind`, c.inst);
      if (port > 0) ports.push(port);
    }
  }
  // Templates are rendered into the folder of sites when the container starts, as its user.
  const template = sites.find((c) => c.template);
  if (template !== undefined && writer(layout.sites) === null) {
    return blocked(`the entrypoint renders ${template.named} into ${layout.sites} when the container starts, and only root may write there (give the folder to ${user.name})`, template.inst);
  }

  // 2. The pid file.
  const pidWriter = writer(pidFile);
  if (pidWriter === null) {
    const note = givenElsewhere(pidFile);
    const who = note.includes("root's group") ? `${user.name} cannot write` : 'only root can write';
    // The stage opened other folders to root's group: opening this one too is the way it chose.
    const alsoGroup = note === '' && groupOpened.length > 0 ? `, open its folder to root's group as line ${groupOpened[0]!.inst.line} opens ${groupOpened[0]!.path}` : '';
    return blocked(`the pid file ${pidFile}${main === null ? ", which the image's nginx.conf names," : ''} is in a folder ${who} (create it and give it to ${user.name}${alsoGroup}, or name one in /tmp with \`pid\`)${note}`);
  }

  // 3. The temp files: in /var/cache/nginx unless the main configuration moves each of them.
  const cacheNeeded = layout.tempDirectives.some((d) => !tempsMoved.has(d));
  const cacheWriter = cacheNeeded ? writer(layout.tempFolder) : 'tmp';
  if (cacheWriter === null) {
    const note = givenElsewhere(layout.tempFolder);
    const whose = note.includes("root's group") ? `not ${user.name}'s` : "root's";
    return blocked(`${layout.tempFolder}, where nginx makes its temp folders when it starts, is ${whose} (give it to ${user.name} with \`chown\`, or move every *_temp_path to /tmp)${note}`);
  }
  for (const c of configs) {
    for (const d of parsed.get(c)!.directives) {
      // A cache (\`proxy_cache_path /var/cache/nginx/app levels=1:2 …\`) is a folder nginx makes and writes as well.
      if (!layout.tempDirectives.includes(d.name) && !/_cache_path$/.test(d.name)) continue;
      if (d.args[0] == null || writer(path.posix.resolve(etc, d.args[0])) === null) return blocked(`line ${d.line} of ${c.named}: \`${d.name} ${d.raws[0] ?? ''}\` is in a folder only root can write`, c.inst);
    }
  }

  // The TLS keys, which the master reads as root: another user may read one only when it is given the key (or its folder).
  for (const c of configs) {
    for (const d of parsed.get(c)!.directives) {
      if (d.name !== 'ssl_certificate_key' || d.args[0]?.startsWith('data:') === true) continue;
      if (d.args[0] == null || writer(path.posix.resolve(etc, d.args[0])) === null) {
        return blocked(`line ${d.line} of ${c.named}: the TLS key \`${d.raws[0] ?? ''}\` is read by nginx's master, which reads it as root, and the stage does not give it to ${user.name} (keys are often made readable by root only)`, c.inst);
      }
    }
  }

  // 4. The logs: the image's own are links to the container's output; others need a folder nginx may write.
  for (const c of configs) {
    for (const d of parsed.get(c)!.directives) {
      if (d.name !== 'access_log' && d.name !== 'error_log') continue;
      const target = d.args[0];
      if (target === 'off' || target === 'stderr' || target?.startsWith('syslog:') || target?.startsWith('memory:')) continue;
      const abs = target == null ? null : path.posix.resolve(etc, target);
      if (abs !== null && (under(abs, '/dev') || layout.logLinks.includes(abs) || writer(abs) !== null)) continue;
      return blocked(`line ${d.line} of ${c.named}: \`${d.name} ${d.raws[0] ?? ''}\` writes a log ${abs === null ? 'named only when nginx starts' : 'in a folder only root can write'}`, c.inst);
    }
  }

  const listed = [...new Set(ports)].sort((a, b) => a - b);
  const line = (w: Instruction | 'tmp', what: string) =>
    w === 'tmp' ? `${what} is in /tmp` : byGroup.has(w) ? `${what} is opened to root's group on line ${w.line}` : `${what} is given to it on line ${w.line}`;
  const parts = [
    listed.length === 0 ? 'its sites listen on no port below 1024' : `its sites listen on ${listed.join(', ')} only`,
    line(pidWriter, `the pid file ${pidFile}`),
    ...(cacheNeeded ? [line(cacheWriter, layout.tempFolder)] : ['its temp paths are moved to /tmp']),
  ];
  return { kind: 'ready', why: `nginx need not start as root: ${parts.join(', ')}` };
}
