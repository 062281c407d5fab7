import { ARCHIVE_HEAD_BYTES, archiveSuffix, readArchive, tailMayBeArchive } from '../src/dockerfile/archive.js';
import {
  contextRelative,
  copyArguments,
  isPattern,
  literalTail,
  matchInContext,
  namesFolder,
  sourceKind,
  type CopySource,
} from '../src/dockerfile/copySources.js';
import type { Instruction, ParsedDockerfile } from '../src/dockerfile/types.js';
import type { BuildContext } from '../src/engine/context.js';
import { change, defineTransform, refusal, type Finding } from '../src/engine/types.js';

type Options = { trustNames: boolean };

/** Flags ADD and COPY both accept, with the same meaning. */
const SHARED_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude']);
/** Flags only ADD accepts: each asks for something COPY cannot do. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

/**
 * ADD copies like COPY, and also downloads URLs, clones git repositories and
 * extracts local tar archives. When a given ADD does none of that, COPY says
 * the same thing plainly (hadolint DL3020). BuildKit decides "archive" by
 * content, so a file the build context holds is read; one it does not hold is
 * judged by its name, and the change says so.
 */
export default defineTransform<Options>({
  meta: {
    name: 'add-to-copy',
    summary: 'Turn ADD of local files and folders into COPY when ADD would do nothing more.',
    docs: `Rewrites \`ADD src… dest\` as \`COPY src… dest\` (hadolint DL3020) when every source is a local file or
folder that ADD would only copy. Only the keyword changes, in the file's case (\`add\` becomes \`copy\`),
taking one of the spaces after it when there are several, so arguments lined up in a column stay there;
flags both accept (\`--chown\`, \`--chmod\`, \`--link\`, \`--exclude\`), exec form (\`ADD ["a b", "/x/"]\`)
and heredoc sources (\`ADD <<EOF /x\`, never extracted) stay as written.

ADD extracts a local file when its *content* is a tar archive, plain or compressed with gzip, bzip2,
xz or zstd: BuildKit looks at the bytes, not the name. So, for each source:
- a folder (\`.\`, \`src/\`, or a folder of the build context) is only copied;
- a file of the build context is read: its leading bytes, inflated when gzip, must not start a tar
  archive. bzip2, xz and zstd streams cannot be looked into and are refused as archives;
- a wildcard is matched against the build context and each match is read;
- a source the build context does not hold (the file is built before \`docker build\`, the context
  is another folder, or there is none, as with \`--stdin\`) is judged by its name: one ending in a
  tar, compression or tar-package suffix (\`.tar\`, \`.tgz\`, \`.gz\`, \`.xz\`, \`.zst\`, \`.gem\`, …) is
  refused, any other name is rewritten and the change says it was decided from the name. A
  wildcard whose matches could end in such a suffix (\`Cargo.*\`, \`dist/*\`) is refused. Set
  \`-o add-to-copy.trustNames=false\` to refuse every source the context does not hold instead.
\`.zip\`, \`.jar\`, \`.war\`, \`.whl\`, \`.deb\` files are not extracted by ADD and are rewritten.

Refuses, leaving the ADD as it is:
- \`url\`: a source is an http(s) URL, which ADD downloads;
- \`git-source\`: a source is a git repository (\`https://….git#ref\`, \`git@host:repo\`);
- \`archive\`: a source in the build context is a tar archive, or a compressed stream that may hold one;
- \`archive-name\`: a source not in the build context has an archive's name;
- \`wildcard\`: a wildcard the build context does not resolve, whose matches may be archives;
- \`not-in-context\`: with \`trustNames=false\`, a source the build context does not hold;
- \`variable-source\`: a source uses a build argument, or a variable the base image may set, which
  could name a URL or an archive at build time (an ENV set to a literal in the Dockerfile is read);
- \`add-only-flag\`: \`--checksum\`, \`--keep-git-dir\` or \`--unpack\`, which COPY does not accept;
- \`unknown-flag\`: a flag ADD does not accept (\`--from\`, \`--parents\`): BuildKit fails that ADD,
  and COPY would accept it, so the rewrite would change a failing build into another one;
- \`onbuild\`: \`ONBUILD ADD\` runs in a downstream build, with a build context this run cannot see.`,
    hadolint: ['DL3020'],
    defaultEnabled: true,
    options: {
      trustNames: {
        default: true,
        description: 'Judge a source the build context does not hold by its name (false: refuse it).',
      },
    },
    touches: { instructions: { ADD: ['remove'], COPY: ['add'] } },
    refusals: {
      url: 'a source is a URL, which ADD downloads',
      'git-source': 'a source is a git repository, which ADD clones',
      archive: 'a source in the build context is a tar archive (or a compressed stream that may hold one), which ADD extracts',
      'archive-name': 'a source not in the build context is named like an archive, which ADD would extract',
      wildcard: 'a wildcard the build context does not resolve could match an archive',
      'not-in-context': 'a source is not in the build context, and trustNames is off',
      'variable-source': 'a source uses a variable whose value is only known at build time',
      'add-only-flag': 'a flag only ADD has (--checksum, --keep-git-dir, --unpack)',
      'unknown-flag': 'a flag ADD does not accept, which COPY would',
      onbuild: 'ONBUILD ADD runs in a downstream build, whose context this run cannot see',
    },
  },
  run(file, { options, buildContext }) {
    const findings: Finding[] = [];
    for (const inst of file.instructions) {
      if (inst.keyword === 'ADD') {
        const finding = decide(file, inst, buildContext, options);
        if (finding !== null) findings.push(finding);
      } else if (inst.keyword === 'ONBUILD' && /^add\b/i.test(argsText(file, inst))) {
        findings.push(refusal(inst.span.start, 'onbuild', 'ONBUILD ADD runs in the build of a downstream image, whose build context this run cannot see'));
      }
    }
    return findings;
  },
});

function argsText(file: ParsedDockerfile, inst: Instruction): string {
  return inst.argsSpan === null ? '' : file.text.slice(inst.argsSpan.start, inst.argsSpan.end);
}

/** Why a source keeps its ADD, or how we know it is only copied. */
type Judgement =
  | { readonly ok: false; readonly code: string; readonly reason: string }
  | { readonly ok: true; readonly byName: string | null };

const keep = (code: string, reason: string): Judgement => ({ ok: false, code, reason });
const proven: Judgement = { ok: true, byName: null };

/** The change or refusal for one ADD; null for an ADD BuildKit rejects anyway (no destination). */
function decide(file: ParsedDockerfile, inst: Instruction, ctx: BuildContext | null, options: Options): Finding | null {
  const at = inst.span.start;
  for (const flag of inst.flags) {
    const name = flag.name.toLowerCase();
    if (ADD_ONLY_FLAGS.has(name)) return refusal(at, 'add-only-flag', `--${flag.name} only exists for ADD`);
    if (!SHARED_FLAGS.has(name)) return refusal(at, 'unknown-flag', `ADD does not accept --${flag.name} (BuildKit fails it); COPY would`);
  }
  const args = copyArguments(file, inst);
  if (args === null) return null;
  const byName: string[] = [];
  for (const source of args.sources) {
    const j = judge(source, ctx, options);
    if (!j.ok) return refusal(at, j.code, j.reason);
    if (j.byName !== null) byName.push(j.byName);
  }
  const written = file.text.slice(inst.keywordSpan.start, inst.keywordSpan.end);
  const where = ctx === null ? 'no build context to read' : 'not in the build context';
  const note = byName.length === 0 ? '' : ` (judged by name, ${where}: ${byName.map((n) => JSON.stringify(n)).join(', ')})`;
  // A file that lines up its arguments after the keywords (`ADD     ./src ./`) keeps them in
  // their column: the keyword's extra letter takes one of the spaces after it.
  const { end } = inst.keywordSpan;
  const aligned = file.text.startsWith('  ', end);
  return change(at, `ADD to COPY: nothing to download, clone or extract${note}`, [
    { start: inst.keywordSpan.start, end: aligned ? end + 1 : end, text: copyKeyword(written) },
  ]);
}

function judge(source: CopySource, ctx: BuildContext | null, options: Options): Judgement {
  if (source.heredoc) return proven;
  // As written when quoted already (`ADD "https://…" /x`), else in quotes.
  const shown = /^["']/.test(source.raw) ? source.raw : JSON.stringify(source.raw);
  if (source.value === null) {
    // A variable after a scheme cannot make the source local: say what it is.
    const remote = /^[a-zA-Z0-9]+:\/\//.test(source.shape) ? sourceKind(source.shape) : null;
    if (remote === 'url') return keep('url', `${shown} is a URL: ADD downloads it`);
    if (remote === 'git') return keep('git-source', `${shown} is a git repository: ADD clones it`);
    return keep('variable-source', `${shown} uses ${source.vars.map((v) => `$${v}`).join(', ')}, only known at build time: it could name a URL or an archive`);
  }
  const value = source.value;
  const kind = sourceKind(value);
  if (kind === 'url') return keep('url', `${shown} is a URL: ADD downloads it`);
  if (kind === 'git') return keep('git-source', `${shown} is a git repository: ADD clones it`);
  if (namesFolder(value)) return proven;
  if (isPattern(value)) return judgePattern(shown, value, ctx, options);
  const rel = contextRelative(value);
  const kindInContext = ctx?.kind(rel) ?? null;
  if (kindInContext === 'dir') return proven;
  if (kindInContext === 'file') return judgeContent(ctx!, rel, shown);
  return judgeName(shown, value, options);
}

function judgePattern(shown: string, value: string, ctx: BuildContext | null, options: Options): Judgement {
  const matches = ctx === null ? null : matchInContext(ctx, value);
  if (matches !== null && matches.length > 0) {
    for (const m of matches) {
      if (ctx!.kind(m) !== 'file') continue;
      const j = judgeContent(ctx!, m, `${shown} (${JSON.stringify(m)})`);
      if (!j.ok) return j;
    }
    return proven;
  }
  if (!options.trustNames) return keep('not-in-context', `${shown} matches nothing in the build context`);
  if (tailMayBeArchive(literalTail(value))) return keep('wildcard', `${shown} matches nothing in the build context, and could match an archive`);
  return { ok: true, byName: value };
}

function judgeContent(ctx: BuildContext, rel: string, shown: string): Judgement {
  const head = ctx.head(rel, ARCHIVE_HEAD_BYTES);
  if (head === null) return keep('archive', `${shown} could not be read to tell whether ADD extracts it`);
  const verdict = readArchive(head, head.length < ARCHIVE_HEAD_BYTES);
  if (verdict.kind === 'tar') return keep('archive', `${shown} is a ${verdict.compression === null ? '' : `${verdict.compression}-compressed `}tar archive: ADD extracts it`);
  if (verdict.kind === 'compressed') return keep('archive', `${shown} is ${verdict.compression}-compressed: ADD extracts it if it holds a tar archive`);
  return proven;
}

function judgeName(shown: string, value: string, options: Options): Judgement {
  if (!options.trustNames) return keep('not-in-context', `${shown} is not in the build context to be read`);
  const suffix = archiveSuffix(value);
  if (suffix !== null) return keep('archive-name', `${shown} is not in the build context, and its name (${suffix}) says it is an archive ADD would extract`);
  return { ok: true, byName: value };
}

/** COPY in the case ADD was written in: ADD, add, Add. */
function copyKeyword(written: string): string {
  if (written === written.toLowerCase()) return 'copy';
  if (written === written.toUpperCase()) return 'COPY';
  return written[0] === written[0]!.toUpperCase() ? 'Copy' : 'COPY';
}
