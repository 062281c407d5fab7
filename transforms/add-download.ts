import * as path from 'node:path';
import { baseImageText, certain, downloadToolsAt, isRoot, userAt, type DownloadToolsAt } from '../src/analysis/stageTools.js';
import { preview } from '../src/analysis/preview.js';
import { copyArguments, namesFolder, sourceKind } from '../src/dockerfile/copySources.js';
import { removeInstructionInto } from '../src/dockerfile/edit.js';
import { PerStage, shippedStages } from '../src/dockerfile/stages.js';
import { publishedTargets } from '../src/analysis/buildTargets.js';
import { resolveIn as resolveImagePath, workdirAt, type ImagePath } from '../src/dockerfile/workdir.js';
import { logicalText } from '../src/dockerfile/logical.js';
import type { Instruction, ParsedDockerfile, Stage } from '../src/dockerfile/types.js';
import { properties, variablesAt } from '../src/dockerfile/variables.js';
import { expandWord } from '../src/dockerfile/words.js';
import { defineTransform, dependingOn, refusal, reviewChange, type Edit, type Finding } from '../src/engine/types.js';
import { mounts } from '../src/shell/mounts.js';
import { addPosition, countBefore, nextInAny } from '../src/sorted.js';
import { BODY_REFUSALS, errexitBefore, fileStart, folderMove, isValidShell, recognise, runBody, runLayout, type RunBody, type ShellWord } from '../src/shell/index.js';
import { pathIn } from '../src/analysis/paths.js';
import { FileMemo, Memo } from '../src/memo.js';

/**
 * `ADD https://…/x.tar.gz /tmp/` followed by `RUN tar -xzf /tmp/x.tar.gz … && rm /tmp/x.tar.gz`
 * stores the archive in the ADD's layer for good: the RUN's removal only hides it
 * in a later layer. Downloading in the RUN that extracts and removes it keeps it
 * out of every layer.
 */
export default defineTransform({
  meta: {
    name: 'add-download',
    summary: 'Download an ADD of a URL in the RUN that uses it, so the archive never lands in a layer.',
    docs: `Turns \`ADD https://… dest\` into a download at the start of the RUN that uses the file, and removes the ADD.
When that RUN extracts and removes the archive (\`tar -xzf … && rm …\`), the archive is in no layer any more:
ADD kept it in its own layer, which the later \`rm\` only hides.

The download uses the tool the stage has before that RUN: \`curl -fsSL -o FILE URL\`, or \`wget -q -O FILE URL\`
when there is no curl. A tool counts when the base image has it (the knowledge base: the full language images,
php, Alpine's busybox wget), or a RUN before installed or ran it for sure and nothing removed it since. An https
URL also needs the CA certificates (installed explicitly, brought by apt's Recommends or apk's dependencies, or in
the base image). A \`--checksum=sha256:…\` (or \`sha512:\`) becomes \`echo "HEX  FILE" | sha256sum -c -\` right after
the download. When a base-image transform (slim-base, alpine-base) switches the stage's image in the
same run, the tool is chosen for the image it leaves (Alpine: busybox wget; slim: neither, so the ADD stays).

What ADD would have set is kept: the file name (a destination ending in \`/\`, or a folder every image has
such as \`/tmp\` or the WORKDIR, takes the URL's last path segment, else the destination is the file), missing parent folders (\`mkdir -p\`, mode 755 as ADD makes
them), and, when the file outlives the RUN, its mode (600, or \`--chmod\`) and owner (\`--chown\`). Variables keep
their meaning: a URL or destination may use build arguments and environment variables the stage sets, which the
RUN's shell expands as ADD did.

Only when the first RUN that names the file either removes it (\`rm\`, also of its folder or through a glob), or
is the only instruction that ever uses it; the download is added to that RUN's \`&&\` list (or, under \`set -e\`, as
its own commands), so a failed download still fails the build. The comment right above the ADD goes with the
download, above the RUN's own comment, rather than stay to describe whatever follows the ADD.

**Review tier.** The download now runs in the build container: through its network, proxy and DNS settings,
not BuildKit's. Without \`--checksum\`, BuildKit re-checks an ADD's URL on every build, while the RUN is cached by its
text: a file changed upstream is not fetched again until the cache is dropped. The file's modification time no
longer comes from the server's Last-Modified header. With a folder destination BuildKit names the file after the
server's Content-Disposition header when it sends one: the RUN names the file it expects, which the rewrite
writes to.

Refuses, leaving the ADD as it is:
- \`no-downloader\`: neither curl nor wget is known to be in the stage before the RUN;
- \`no-ca-certificates\`: an https URL, and no CA certificates are known to be there;
- \`not-used-by-run\`: no RUN of the stage uses the file after the ADD (it is kept for run time, or copied out);
- \`several-uses\`: the file outlives the RUN that uses it first, and later instructions use it too;
- \`unclear-use\`: a RUN may reach the file through a glob or a variable before one names it, an ADD or COPY
  writes into its folder first, or the RUN mounts over its folder or has no network;
- \`unclear-source\`: the URL, destination or a flag uses quotes (other than around the whole word: \`"https://…/\${V}.tgz"\`
  reads the same to ADD and the shell, and \`'…'\` too when nothing inside would expand), escapes, or a variable the stage does not set
  (or sets again before the RUN), or a relative destination whose WORKDIR changes before the RUN, or a
  destination without a trailing slash that an instruction of the stage makes or uses as a folder
  (\`mkdir -p /opt/dl\`, \`/opt/dl/x.tgz\`): ADD saves into an existing folder;
- \`url-name\`: a folder destination, and a URL whose path names no file;
- \`several-sources\`: the ADD downloads more than one URL;
- \`unsupported-flag\`: \`--unpack\`, \`--keep-git-dir\`, \`--exclude\`, a symbolic \`--chmod\`, a checksum other than
  sha256 or sha512, an owner without a group for a file that outlives the RUN, or a \`--chown\` with a folder
  ADD may create for the file (ADD gives it that owner; \`mkdir -p\` leaves it to root);
- \`non-root-user\`: the RUN runs as a user other than root, where ADD wrote as root;
- \`unsafe-sequence\`: the RUN runs several commands without \`set -e\`, or with \`||\`: a failed download would
  not stop it;
- \`exec-form\`, \`heredoc\`, \`non-posix-shell\`, \`unparsable-shell\`: the RUN is written in a form the shell layer
  does not rewrite.

Works on the stages that end up in the final image: the last stage and the stages it is built FROM,
and as much for a stage the project publishes with \`--target\` (see the README's "Which stages").
A build stage whose layers are not shipped gains nothing from keeping the archive out of a layer, and
would only trade ADD's checks for the build container's network, so it is left alone unless
\`-o add-download.allStages=true\`.`,
    hadolint: [],
    review: 'the download moves from ADD into a RUN: it now needs curl or wget and CA certificates in the image, and runs as part of that RUN',
    defaultEnabled: false,
    options: {
      allStages: { default: false, description: 'Also download in stages the final image is not built on (build stages whose layers are not shipped).' },
    },
    touches: { instructions: { ADD: ['remove'], RUN: ['edit'] } },
    refusals: {
      'no-downloader': 'neither curl nor wget is known to be in the stage before the RUN',
      'no-ca-certificates': 'an https URL, and no CA certificates are known to be in the stage',
      'not-used-by-run': 'no RUN of the stage uses the downloaded file',
      'several-uses': 'the file outlives the RUN that uses it, and other instructions use it too',
      'unclear-use': 'what reaches the file before the RUN that names it, or what that RUN sees there, is not clear',
      'unclear-source': 'the URL, destination or a flag cannot be written in the RUN with the meaning ADD gives it',
      'url-name': 'a folder destination, and the URL names no file',
      'several-sources': 'the ADD has several sources',
      'unsupported-flag': 'a flag or flag value the RUN cannot reproduce',
      'non-root-user': 'the RUN runs as another user than root',
      'unsafe-sequence': 'a failed download would not stop the RUN',
      'exec-form': BODY_REFUSALS['exec-form'],
      heredoc: BODY_REFUSALS.heredoc,
      'non-posix-shell': BODY_REFUSALS['non-posix-shell'],
      'unparsable-shell': BODY_REFUSALS['unparsable-shell'],
    },
  },
  run(file, { options, buildContext, path: dockerfilePath, input }) {
    const findings: Finding[] = [];
    const shipped = options.allStages ? null : shippedStages(file, publishedTargets(buildContext, dockerfilePath, input?.text));
    for (const stage of file.stages) {
      if (shipped !== null && !shipped.has(stage.index)) continue;
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'ADD') continue;
        const finding = decide(file, stage, inst);
        if (finding !== null) findings.push(finding);
      }
    }
    return findings;
  },
});

type Refuse = (code: string, reason: string) => Finding;

/** Flags ADD takes that a download in a RUN can reproduce (`--link` only changes how the layer is stored). */
const KEPT_FLAGS = new Set(['chown', 'chmod', 'checksum', 'link']);

/** Folders every Linux base image has: no `mkdir -p` for them. */
const ALWAYS_THERE = new Set(['/', '/tmp', '/root', '/usr', '/usr/local', '/usr/local/bin', '/usr/bin', '/bin', '/sbin', '/etc', '/opt', '/var', '/var/tmp']);

/** The downloaded file: how to write it in the RUN, and where it is. */
interface Target {
  /** As the RUN writes it (variables kept, relative when ADD's destination was). */
  readonly raw: string;
  /** The file name as written, and with default values expanded (null when a value is only known at build time). */
  readonly nameRaw: string;
  readonly nameValue: string | null;
  /** Absolute, with default values expanded; null when not known. */
  readonly abs: string | null;
}

function decide(file: ParsedDockerfile, stage: Stage, add: Instruction): Finding | null {
  const at = add.span.start;
  const refuse: Refuse = (code, reason) => refusal(at, code, reason);
  const args = copyArguments(file, add);
  if (args === null) return null;
  const urls = args.sources.filter((s) => !s.heredoc && sourceKind(s.value ?? s.shape) === 'url');
  if (urls.length === 0) return null;
  if (args.sources.length > 1) return refuse('several-sources', `ADD has ${args.sources.length} sources; only an ADD of one URL becomes a download`);
  const url = unquoted(urls[0]!.raw);

  const flags = new Map<string, string | null>();
  for (const f of add.flags) {
    const name = f.name.toLowerCase();
    if (!KEPT_FLAGS.has(name)) return refuse('unsupported-flag', `--${f.name} has no equivalent in a download`);
    flags.set(name, f.value === null ? null : unquoted(f.value));
  }
  const chmod = flags.get('chmod') ?? null;
  if (chmod !== null && !/^[0-7]{3,4}$/.test(chmod)) return refuse('unsupported-flag', `--chmod=${chmod} is not an octal mode`);
  const checksum = flags.has('checksum') ? /^(sha256|sha512):(.+)$/.exec(flags.get('checksum') ?? '') : null;
  if (flags.has('checksum') && checksum === null) return refuse('unsupported-flag', `--checksum=${flags.get('checksum')}: only sha256 and sha512 are verified here`);

  // Every word goes into the RUN as the shell would read it: no quotes or escapes, only variables the stage sets.
  const vars = variablesAt(file, add);
  const dest = unquoted(args.dest);
  const words = [url, dest, ...[...flags.values()].filter((v): v is string => v !== null)];
  const used = new Set<string>();
  // Quoted as written, between backticks, as other reasons quote a file's text.
  const quoted = (w: string) => (w.includes('`') ? JSON.stringify(w) : `\`${w}\``);
  for (const w of words) {
    if (/['"\\`]|\$\(/.test(w)) return refuse('unclear-source', `${quoted(w)} uses quotes, escapes or a command substitution, which ADD and the shell read differently`);
    for (const v of expandWord(w, () => null, file.escape).vars) {
      if (!vars.has(v)) return refuse('unclear-source', `${quoted(w)} uses $${v}, which the stage does not set: ADD and the shell may see different values`);
      used.add(v);
    }
  }
  const lookup = (name: string) => vars.get(name)?.value ?? null;
  const expand = (w: string) => expandWord(w, lookup, file.escape).value;

  const workdir = workdirAt(file, add);
  // BuildKit saves into a destination that is an existing folder, trailing slash or not.
  const folder = namesFolder(dest) ? 'named' : folderAt(file, stage, add, dest, expand, workdir);
  if (typeof folder !== 'string') {
    return refuse('unclear-source', `the destination ${dest} has no trailing slash, and ${preview(file, folder.by)} makes or uses it as a folder, where ADD would save the file under the URL's name: which path the download should write is not clear`);
  }
  const target = targetOf(url, folder === 'there' ? `${dest}/` : dest, workdir, expand);
  if (target === null) return refuse('url-name', `ADD saves ${url} into the folder ${dest}, and the URL's path names no file: the name would come from the server`);

  const run = firstUse(file, stage, add, target, used);
  if ('code' in run) return refuse(run.code, run.reason);
  const use = run.inst;

  const body = runBody(file, use);
  if (!body.ok) return refuse(body.code, `${body.reason}: ${preview(file, use)}, which uses the file, cannot take the download`);
  const user = userAt(file, use);
  if (user !== null && !isRoot(user.user)) return refuse('non-root-user', `${preview(file, use)} runs as ${user.user} (${user.from}), where ADD wrote the file as root`);

  const tools = downloadToolsAt(file, use);
  const https = /^https:/i.test(url);
  const tool = tools.curl !== null ? 'curl' : tools.wget !== null ? 'wget' : null;
  if (tool === null) return refuse('no-downloader', `neither curl nor wget is known to be in the stage before ${preview(file, use)}${baseNote(tools)}`);
  if (https && tools.caCertificates === null) return refuse('no-ca-certificates', `${tool} is there (${tools[tool]!.how}), but no CA certificates are known to be, which an https download needs${baseNote(tools)}`);

  const removed = removesFile(body, target, workdirAt(file, use), (raw) => expandWord(raw, (name) => variablesAt(file, use).get(name)?.value ?? null, file.escape).value);
  if (!removed) {
    const later = laterUse(file, use, target);
    if (later !== null) return refuse('several-uses', `${preview(file, use)} keeps the file, and ${preview(file, later)} uses it too: the download would not save a layer`);
  }
  const owner = flags.get('chown') ?? null;
  // ADD gives the folders it creates for the file to --chown's owner, and they outlive any `rm` of the file.
  const made = owner === null ? null : createdFolder(target, workdir);
  if (made !== null) return refuse('unsupported-flag', `--chown=${owner} would also own ${made} if ADD had to create it, where \`mkdir -p\` in the RUN would leave it to root`);
  let chown: string | null = null;
  if (!removed && owner !== null) {
    if (owner.includes(':')) chown = owner;
    else if (/^\d+$/.test(owner)) chown = `${owner}:${owner}`;
    else return refuse('unsupported-flag', `--chown=${owner} names a user without a group, whose numeric id ADD uses as the group: chown in the RUN would keep root's group`);
  }

  const commands = downloadCommands(tool, url, target, {
    checksum: checksum === null ? null : { algorithm: checksum[1]!, digest: checksum[2]! },
    keep: removed ? null : { mode: chmod ?? '600', owner: chown },
  });
  const insertion = insertDownload(file, body, commands);
  if ('code' in insertion) return refuse(insertion.code, insertion.reason);
  // The ADD's own comment says what the download is for: it goes with the download, above the RUN.
  const removal = removeInstructionInto(file, add, use);
  if (removal === null) return null;

  const fate = removed ? 'removes it again: the file is in no layer' : 'is the only instruction to use it: one layer holds it, not two';
  const why = [
    `${tool} now downloads in the build container, through its network and proxy settings, instead of BuildKit: check that ${url} is reachable there`,
    checksum === null ? 'without --checksum, the RUN is cached by its text: a file changed upstream is not fetched again until the cache is dropped (ADD re-checked the URL)' : null,
    'the file no longer takes its modification time from the Last-Modified header',
  ].filter((s): s is string => s !== null).join('; ');
  const change = reviewChange(at, `ADD of a URL becomes a download (${tool}) in ${preview(file, use)}, which ${fate}`, [...removal, insertion.edit], why);
  // The downloader was chosen for this base image: after a base switch in the pass, choose again.
  return dependingOn(change, baseImageText(file, stage));
}

function baseNote(tools: DownloadToolsAt): string {
  return tools.baseImage === null ? ' (the base image is not one the knowledge base knows)' : '';
}

/**
 * The folder the RUN would make with \`mkdir -p\` that ADD may create itself, as written; null when it is
 * known to be there: one every base image has, or the WORKDIR at the ADD (which made it) or a folder above it.
 */
function createdFolder(target: Target, workdir: ImagePath): string | null {
  const folder = path.posix.dirname(target.raw);
  if (folder === '.' || ALWAYS_THERE.has(folder)) return null;
  const abs = target.abs === null ? null : path.posix.dirname(target.abs);
  const here = resolveIn('.', workdir);
  if (abs !== null && (here === abs || here.startsWith(abs === '/' ? '/' : `${abs}/`))) return null;
  return folder;
}

/**
 * Whether a destination written without a trailing slash is a folder at the ADD: \`there\` for one every
 * base image has, or the WORKDIR (or above it); the instruction when one of the stage makes or names it
 * as one (\`mkdir -p /opt/dl\` before, \`/opt/dl/x.tgz\` anywhere); else \`file\`.
 */
function folderAt(file: ParsedDockerfile, stage: Stage, add: Instruction, dest: string, expand: (w: string) => string | null, workdir: ImagePath): 'there' | 'file' | { readonly by: Instruction } {
  const value = expand(dest);
  const abs = value === null ? null : resolveIn(value, workdir);
  const here = resolveIn('.', workdir);
  if (abs !== null && (ALWAYS_THERE.has(abs) || here === abs || here.startsWith(abs === '/' ? '/' : `${abs}/`))) return 'there';
  const spellings = [...new Set([dest.replace(/\/\.$/, ''), ...(abs === null ? [] : [abs])])].map(escapeRegExp);
  const under = new RegExp(`(?:^|[\\s=:'"(])(?:${spellings.join('|')})/[^\\s]`);
  const exact = new RegExp(`(?:^|[\\s=:'"(])(?:${spellings.join('|')})/?(?=[\\s;&|'")]|$)`);
  for (const inst of stage.instructions) {
    if (inst === add || inst.keyword === 'FROM') continue;
    const text = inst.argsSpan === null ? '' : logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text;
    const makes = inst.index < add.index && (inst.keyword === 'WORKDIR' || /\bmkdir\b/.test(text)) && exact.test(text);
    if (makes || under.test(text)) return { by: inst };
  }
  return 'file';
}

/** The file ADD writes: the destination, or the URL's last path segment in a destination folder. Null when the URL names no file. */
function targetOf(url: string, dest: string, workdir: ImagePath, expand: (w: string) => string | null): Target | null {
  let raw: string;
  let nameRaw: string;
  if (namesFolder(dest)) {
    const pathPart = url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
    // BuildKit names the file after the URL's decoded path (`tool%2Dx.tar.gz` is `tool-x.tar.gz`);
    // a name that decodes to anything but plain characters is left alone.
    const decoded = decodedPath(pathPart);
    if (decoded === null) return null;
    nameRaw = decoded.slice(decoded.lastIndexOf('/') + 1);
    if (nameRaw === '' || nameRaw === '.' || nameRaw === '..') return null;
    const folder = dest === '.' || dest === '' ? '' : dest.replace(/\/\.?$/, '');
    raw = folder === '' ? nameRaw : `${folder}/${nameRaw}`;
  } else {
    raw = dest;
    nameRaw = dest.slice(dest.lastIndexOf('/') + 1);
  }
  const value = expand(raw);
  const nameValue = expand(nameRaw);
  const abs = value === null ? null : resolveIn(value, workdir);
  return { raw, nameRaw, nameValue, abs };
}

/** A URL path with its %-escapes decoded; null when one is malformed or gives a character that is not plain in a file name. */
function decodedPath(pathPart: string): string | null {
  if (!pathPart.includes('%')) return pathPart;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return null;
  }
  return /^[A-Za-z0-9._+/-]*$/.test(decoded) ? decoded : null;
}

/** Stands for the base image's working directory, which the Dockerfile does not name, so relative paths still compare as strings. */
const IMAGE_WORKDIR = '/.dockshift-image-workdir';

/** A path resolved against a working directory, as one string that compares and globs like a path. */
function resolveIn(p: string, workdir: ImagePath): string {
  return pathText(resolveImagePath(workdir, p));
}

function pathText(p: ImagePath): string {
  return p.base === 'root' ? p.path : path.posix.join(IMAGE_WORKDIR, p.path);
}

type Use = { readonly inst: Instruction } | { readonly code: string; readonly reason: string };

/** The first RUN of the stage after the ADD that reaches the file, checking what happens in between. */
function firstUse(file: ParsedDockerfile, stage: Stage, add: Instruction, target: Target, used: ReadonlySet<string>): Use {
  const folder = target.abs === null ? null : path.posix.dirname(target.abs);
  const { instructions } = stage;
  const next = stopFinder(laterStops.of(file, stage), target, folder, used);
  // What stands between the ADD and the RUN only matters when a RUN comes: frigate's rockchip image ADDs
  // ffmpeg and ffprobe into one folder, and no RUN uses either.
  let between: Use | null = null;
  for (let k = next(countBefore(instructions, (i) => i.index <= add.index)); k < instructions.length; k = next(k + 1)) {
    const inst = instructions[k]!;
    if (between !== null) {
      if (inst.keyword === 'RUN' && reaches(file, inst, target) !== 'no') return between;
      continue;
    }
    const stop = stopAt(file, inst, target, folder, used);
    if (stop === null) continue;
    if (inst.keyword === 'RUN') return stop;
    between = stop;
  }
  return { code: 'not-used-by-run', reason: `no RUN after the ADD uses ${target.raw}: ADD already stores it in one layer` };
}

/** Whether the walk from the ADD ends at `inst`: the RUN that uses the file, or why the download cannot move there; null to go on. */
function stopAt(file: ParsedDockerfile, inst: Instruction, target: Target, folder: string | null, used: ReadonlySet<string>): Use | null {
  switch (inst.keyword) {
    case 'RUN': {
      const reach = reaches(file, inst, target);
      if (reach === 'no') return null;
      if (reach === 'maybe') return { code: 'unclear-use', reason: `${preview(file, inst)} may reach the file through a glob or a variable before any RUN names it` };
      for (const m of mounts(inst)) {
        const mountTarget = m.target === null ? null : resolveIn(m.target, workdirAt(file, inst));
        if (folder !== null && mountTarget !== null && (folder === mountTarget || folder.startsWith(`${mountTarget}/`))) {
          return { code: 'unclear-use', reason: `${preview(file, inst)} mounts over ${mountTarget}, where the file is` };
        }
      }
      const network = inst.flags.find((f) => f.name.toLowerCase() === 'network');
      if (network?.value === 'none') return { code: 'unclear-use', reason: `${preview(file, inst)} has no network to download with` };
      return { inst };
    }
    case 'WORKDIR':
      if (!target.raw.startsWith('/')) return { code: 'unclear-source', reason: `the destination is relative, and ${preview(file, inst)} changes the folder before the RUN` };
      return null;
    case 'ARG':
    case 'ENV': {
      const again = properties(file, inst).find((p) => used.has(p.name));
      return again === undefined ? null : { code: 'unclear-source', reason: `${preview(file, inst)} sets $${again.name} again before the RUN` };
    }
    case 'COPY':
    case 'ADD': {
      const written = destinationOf(file, inst);
      if (written === undefined) return null;
      if (written === null) return { code: 'unclear-use', reason: `${preview(file, inst)} writes to a place only known at build time before the RUN` };
      if (written.dest === target.abs || (written.dest === folder && written.folder)) {
        return { code: 'unclear-use', reason: `${preview(file, inst)} writes into the file's folder before the RUN` };
      }
      return null;
    }
    default:
      return null;
  }
}

const destinations = new Memo<Instruction, { readonly written: Written | null | undefined }>();

/** Where a COPY/ADD writes. */
interface Written {
  /** Resolved against the WORKDIR. */
  readonly dest: string;
  /** Into that folder (rather than as that path): a folder destination, or several sources. */
  readonly folder: boolean;
}

/** Where a COPY/ADD writes: undefined when its arguments cannot be read (it stops nothing), null when only known at build time. */
function destinationOf(file: ParsedDockerfile, inst: Instruction): Written | null | undefined {
  let known = destinations.get(inst);
  if (known === undefined) {
    const args = copyArguments(file, inst);
    const dest = args === null ? '' : unquoted(args.dest);
    const written = args === null ? undefined : /[$'"\\]/.test(dest) ? null : { dest: resolveIn(dest, workdirAt(file, inst)), folder: namesFolder(dest) || args.sources.length > 1 };
    destinations.set(inst, (known = { written }));
  }
  return known.written;
}

/**
 * The instructions of a stage at which a walk from an ADD may stop, as sorted positions in
 * `stage.instructions`, filed by what they touch: each ADD asks only the lists that can hold
 * a stop for its file, so thousands of ADDs no longer each walk the rest of the stage.
 */
interface Later {
  /** RUNs, by each word (a longest run of letters, digits, `_`, `.` and `-`) of their text. */
  readonly runsByWord: ReadonlyMap<string, readonly number[]>;
  readonly runs: readonly number[];
  /** RUNs that may reach a file through a glob or a variable. */
  readonly globRuns: readonly number[];
  readonly workdirs: readonly number[];
  readonly setsByName: ReadonlyMap<string, readonly number[]>;
  /** COPY/ADDs by where they write; those whose destination is only known at build time. */
  readonly copiesByDest: ReadonlyMap<string, readonly number[]>;
  readonly copiesAnywhere: readonly number[];
}

const laterStops = new PerStage(readLater);

function readLater(file: ParsedDockerfile, stage: Stage): Later {
  const later = {
    runsByWord: new Map<string, number[]>(), runs: [] as number[], globRuns: [] as number[], workdirs: [] as number[],
    setsByName: new Map<string, number[]>(), copiesByDest: new Map<string, number[]>(), copiesAnywhere: [] as number[],
  };
  stage.instructions.forEach((inst, j) => {
    switch (inst.keyword) {
      case 'RUN': {
        later.runs.push(j);
        const text = inst.argsSpan === null ? '' : logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text;
        for (const m of text.matchAll(/[\w.-]+/g)) addPosition(later.runsByWord, m[0], j);
        const body = runBody(file, inst);
        const globs = body.ok ? body.parsed.commands.some((c) => c.words.some((w) => w.pattern)) : /[*?]/.test(text);
        if (globs) later.globRuns.push(j);
        break;
      }
      case 'WORKDIR':
        later.workdirs.push(j);
        break;
      case 'ARG':
      case 'ENV':
        for (const p of properties(file, inst)) addPosition(later.setsByName, p.name, j);
        break;
      case 'COPY':
      case 'ADD': {
        const written = destinationOf(file, inst);
        if (written === null) later.copiesAnywhere.push(j);
        else if (written !== undefined) addPosition(later.copiesByDest, written.dest, j);
        break;
      }
      default:
        break;
    }
  });
  return later;
}

/**
 * For one ADD's file, a function from a position to the first position at or after it where
 * the walk may stop (Infinity when none): every instruction `stopAt` can stop at is among
 * them; some it then passes may be too.
 */
function stopFinder(later: Later, target: Target, folder: string | null, used: ReadonlySet<string>): (from: number) => number {
  const lists: (readonly number[])[] = [later.globRuns, later.copiesAnywhere];
  const names = fileNames(target);
  // `names` looks for the file's name as a whole word: a name of other characters is looked for in every RUN.
  if (names.every((n) => /^[\w.-]+$/.test(n))) for (const n of names) lists.push(later.runsByWord.get(n) ?? []);
  else lists.push(later.runs);
  if (!target.raw.startsWith('/')) lists.push(later.workdirs);
  for (const name of used) lists.push(later.setsByName.get(name) ?? []);
  for (const dest of [target.abs, folder]) if (dest !== null) lists.push(later.copiesByDest.get(dest) ?? []);
  return nextInAny(lists);
}

/** Does a RUN name the file (`yes`), possibly reach it through a glob or a variable (`maybe`), or not? */
function reaches(file: ParsedDockerfile, inst: Instruction, target: Target): 'yes' | 'maybe' | 'no' {
  const text = inst.argsSpan === null ? '' : logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text;
  if (names(text, target)) return 'yes';
  const body = runBody(file, inst);
  if (!body.ok) return /[*?]/.test(text) ? 'maybe' : 'no';
  for (const command of body.parsed.commands) {
    for (const w of command.words) {
      if (w.pattern && globMayMatch(w.value ?? w.raw, target)) return 'maybe';
    }
  }
  return 'no';
}

/** The file's name as written and, when it differs, with default values expanded. */
function fileNames(target: Target): string[] {
  return target.nameValue === null || target.nameValue === target.nameRaw ? [target.nameRaw] : [target.nameRaw, target.nameValue];
}

const namePatterns = new WeakMap<Target, readonly RegExp[]>();

/** Does the text name the file: its name, not inside a longer word or path segment of letters, digits, `_`, `.` and `-`? */
function names(text: string, target: Target): boolean {
  let patterns = namePatterns.get(target);
  if (patterns === undefined) namePatterns.set(target, (patterns = fileNames(target).map((n) => new RegExp(`(?:^|[^\\w.-])${escapeRegExp(n)}(?![\\w.-])`))));
  return patterns.some((p) => p.test(text));
}

const wordsByFile = new FileMemo<Map<string, number[]>>();

/**
 * Where each word of the file starts, a word being what `names` looks for: a longest
 * run of letters, digits, `_`, `.` and `-`. Built once per file: the later uses of a
 * file, asked for every ADD, were a scan of the rest of the file each.
 */
function wordStarts(file: ParsedDockerfile): Map<string, number[]> {
  let words = wordsByFile.get(file);
  if (words === undefined) {
    words = new Map();
    for (const m of file.text.matchAll(/[\w.-]+/g)) {
      const at = words.get(m[0]);
      if (at === undefined) words.set(m[0], [m.index]);
      else at.push(m.index);
    }
    wordsByFile.set(file, words);
  }
  return words;
}

/** Could a glob word (`/tmp/*`, `*.tgz`, `$DIR/*`) match the file? Words with variables may match anything. */
function globMayMatch(pattern: string, target: Target): boolean {
  if (pattern.includes('$')) return true;
  const last = pattern.replace(/\/+$/, '').split('/').at(-1) ?? '';
  const name = target.nameValue ?? target.nameRaw;
  return globRegExp(last).test(name) || (target.abs !== null && target.abs.startsWith(pattern.replace(/[*?[].*$/, '')));
}

function globRegExp(glob: string): RegExp {
  let out = '';
  for (const c of glob) out += c === '*' ? '.*' : c === '?' ? '.' : escapeRegExp(c);
  return new RegExp(`^${out}$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Does the RUN remove the file for sure: `rm` of it, of a folder holding it, or a glob matching it? */
function removesFile(body: RunBody, target: Target, workdir: ImagePath, expand: (raw: string) => string | null): boolean {
  if (target.abs === null) return false;
  for (const command of body.parsed.commands) {
    if (command.enclosing.length > 0) continue;
    const cwd = pathIn(pathText(workdir), folderMove(body.parsed, command), '.');
    const r = recognise(command);
    if (r?.kind !== 'remove-files' || !certain(body, command)) continue;
    for (const { word } of r.paths) {
      const p = resolveWord(word, cwd, expand);
      if (p === null) continue;
      if (word.pattern ? globRegExpPath(p).test(target.abs) : p === target.abs || (r.recursive && target.abs.startsWith(`${p}/`))) return true;
    }
  }
  return false;
}

/** A path word as an absolute path; a word with variables is read with the values the Dockerfile gives them. */
function resolveWord(word: ShellWord, cwd: string | null, expand: (raw: string) => string | null): string | null {
  const v = word.value ?? (/[`(]/.test(word.raw) ? null : expand(word.raw));
  if (v === null || v === '') return null;
  if (v.startsWith('/')) return path.posix.normalize(v).replace(/(.)\/+$/, '$1');
  return cwd === null ? null : path.posix.join(cwd, v).replace(/(.)\/+$/, '$1');
}

/** A glob over a whole path: `*` and `?` stay inside one path element. */
function globRegExpPath(glob: string): RegExp {
  let out = '';
  for (const c of glob) out += c === '*' ? '[^/]*' : c === '?' ? '[^/]' : escapeRegExp(c);
  return new RegExp(`^${out}$`);
}

/** The first instruction after `use` (in any stage) that names the file, or null. */
function laterUse(file: ParsedDockerfile, use: Instruction, target: Target): Instruction | null {
  const { instructions, text } = file;
  let first: Instruction | null = null;
  for (const name of fileNames(target)) {
    // Each run of word characters in the name stands as a whole word wherever the name does
    // (`names` wants no word character on either side): look the longest up, then check the rest.
    const anchor = [...name.matchAll(/[\w.-]+/g)].reduce<RegExpMatchArray | null>((a, b) => (a === null || b[0].length > a[0].length ? b : a), null);
    if (anchor === null) {
      // No word character at all: read each later instruction.
      for (let k = countBefore(instructions, (i) => i.index <= use.index); k < instructions.length; k++) {
        const inst = instructions[k]!;
        if (names(text.slice(inst.span.start, inst.span.end), target)) return inst;
      }
      return null;
    }
    const offset = anchor.index!;
    const starts = wordStarts(file).get(anchor[0]) ?? [];
    for (let k = countBefore(starts, (p) => p - offset < use.span.end); k < starts.length; k++) {
      const at = starts[k]! - offset;
      const inst = instructions[countBefore(instructions, (i) => i.span.start <= at) - 1];
      // Inside an instruction after the use (not the use itself, nor a comment or blank line between), as a word.
      if (inst === undefined || inst.index <= use.index || at + name.length > inst.span.end || !text.startsWith(name, at)) continue;
      if ((at > inst.span.start && /[\w.-]/.test(text[at - 1]!)) || (at + name.length < inst.span.end && /[\w.-]/.test(text[at + name.length]!))) continue;
      if (first === null || inst.index < first.index) first = inst;
      break;
    }
  }
  return first;
}

/**
 * A word written whole in double quotes (\`"https://…/v\${V}/x.tgz"\`) with no quote, backslash, backquote or
 * \`$(\` inside, as the text between: BuildKit's lexer reads it so, variables expanded, and so does the shell,
 * where shellWord quotes it again. In single quotes, when nothing inside would expand. Else the word as written.
 */
function unquoted(w: string): string {
  const m = /^"([^"\\`]*)"$/.exec(w) ?? /^'([^'\\$`]*)'$/.exec(w);
  return m === null || m[1]!.includes('$(') ? w : m[1]!;
}

/** Quotes a word for the RUN's shell so that it expands the variables ADD expanded, and nothing else. */
function shellWord(w: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w)) return w;
  return w.includes('$') ? `"${w}"` : `'${w}'`;
}

function downloadCommands(
  tool: 'curl' | 'wget',
  url: string,
  target: Target,
  options: { checksum: { algorithm: string; digest: string } | null; keep: { mode: string; owner: string | null } | null },
): string[] {
  const file = shellWord(target.raw);
  const out: string[] = [];
  const folder = path.posix.dirname(target.raw);
  if (folder !== '.' && !ALWAYS_THERE.has(folder)) out.push(`mkdir -p ${shellWord(folder)}`);
  out.push(tool === 'curl' ? `curl -fsSL -o ${file} ${shellWord(url)}` : `wget -q -O ${file} ${shellWord(url)}`);
  if (options.checksum !== null) out.push(`echo "${options.checksum.digest}  ${target.raw}" | ${options.checksum.algorithm}sum -c -`);
  if (options.keep !== null) {
    if (options.keep.owner !== null) out.push(`chown ${shellWord(options.keep.owner)} ${file}`);
    out.push(`chmod ${options.keep.mode} ${file}`);
  }
  return out;
}

/**
 * The edit that puts the download first in the RUN: into its `&&` list when the
 * body is one such list, or as commands of their own right after a `set -e`
 * that starts it (or at the start, when the SHELL turns errexit on).
 */
function insertDownload(file: ParsedDockerfile, body: RunBody, commands: readonly string[]): { edit: Edit } | { code: string; reason: string } {
  const statements = body.parsed.statements;
  const first = statements[0];
  if (first === undefined) return { code: 'unsafe-sequence', reason: 'the RUN has no command' };
  const layout = runLayout(file, body.inst, body);
  const esc = file.escape;
  const multiline = layout.multiline;
  let at: number;
  let joiner: '&&' | ';';
  if (statements.length === 1 && first.operators.every((o) => o === '&&') && first.separator !== '&') {
    at = first.start;
    joiner = '&&';
  } else if (errexitBefore(body, 0)) {
    at = first.start;
    joiner = ';';
  } else if (statements.length > 1 && first.items.length === 1 && first.items[0]!.command !== null && errexitBefore(body, 1) && first.separator !== '&') {
    at = statements[1]!.start;
    joiner = ';';
  } else {
    return { code: 'unsafe-sequence', reason: `${preview(file, body.inst)} runs several commands without set -e (or joins them with ||): a failed download would not stop it` };
  }
  const startsLine = file.lines.lineOf(fileStart(body, at)) !== file.lines.lineOf(body.inst.span.start);
  let glue: string;
  if (!multiline) glue = joiner === '&&' ? ' && ' : '; ';
  else if (joiner === '&&' && layout.leadingOperator) glue = ` ${esc}${layout.eol}${layout.indent}&& `;
  else glue = `${joiner === '&&' ? ' &&' : ';'}${layout.tight ? '' : ' '}${esc}${layout.eol}${startsLine ? file.lines.indentOf(fileStart(body, at)) : layout.indent}`;
  const text = commands.join(glue) + glue;
  const where = fileStart(body, at);
  const edited = file.text.slice(body.inst.argsSpan!.start, where) + text + file.text.slice(where, body.inst.argsSpan!.end);
  if (!isValidShell(logicalText(edited, 0, edited.length, esc).text)) return { code: 'unsafe-sequence', reason: 'the RUN with the download would not be valid shell' };
  return { edit: { start: where, end: where, text } };
}

