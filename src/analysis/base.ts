/**
 * A stage's base image as a base-image transform sees it, and the edits that
 * switch it: the FROM's reference replaced in place (registry spelling,
 * `--platform`, `AS name` and keyword case kept), or, when the tag comes from a
 * build argument used by that FROM alone, the argument's default.
 */
import * as path from 'node:path';
import type { ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { replaceFromImage } from '../dockerfile/edit.js';
import { canonicalName, parseImageRef } from '../dockerfile/imageRef.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { PerStage, rootStage } from '../dockerfile/stages.js';
import type { BuildContext } from '../engine/context.js';
import { dockerfileWord, isDockerfileName } from '../engine/dockerfileName.js';
import { AUTOMATIC_ARGS, fromArgsWithoutDefault, globalArgs, properties, resolveBase, type ResolvedBase } from '../dockerfile/variables.js';
import { expandWord } from '../dockerfile/words.js';
import type { Edit, SizeEffect } from '../engine/types.js';
import { findRepository, identifyImage, sizeLabel, sizeSaving } from '../knowledge/index.js';
import type { IdentifiedImage, SizeEstimate } from '../knowledge/types.js';

export type BaseOf =
  /** Not an image the knowledge base knows (a stage, scratch, a private or unknown image, a value known only at build time). */
  | { readonly kind: 'skip' }
  | { readonly kind: 'image'; readonly image: IdentifiedImage; readonly resolved: ResolvedBase };

export const BASE_REFUSALS = {
  'digest-pinned': 'the image is pinned by digest: a new digest needs the registry, which dockshift does not ask',
  'arg-shared': 'the reference comes from a build argument that other FROM lines or stages also use: editing it would switch them too',
  'arg-default': 'the reference comes from build arguments in a way dockshift cannot rewrite (several arguments, a part outside the argument, no default)',
} as const;

export type BaseRefusalCode = keyof typeof BASE_REFUSALS;

/**
 * Another Dockerfile beside this one (in its folder when that is in the build context, else in the
 * context's root) whose last stage already builds on `reference`: the files are the variants of one
 * image, built side by side (gleam's containers/node.dockerfile, node-slim.dockerfile and
 * node-alpine.dockerfile), and switched, this one would build what that one does. Not a file that builds
 * on what the other makes (outline's Dockerfile, FROM outlinewiki/outline-base, beside the Dockerfile.base that
 * builds it): the two are steps of one build, a builder and a runtime, not alternatives. Its path in the
 * context, or null.
 */
export function variantBeside(ctx: BuildContext | null, dockerfilePath: string | null, reference: string): string | null {
  const target = parseImageRef(reference);
  if (ctx === null || target === null) return null;
  const rel = dockerfilePath === null ? null : path.relative(ctx.root, path.resolve(dockerfilePath)).split(path.sep).join('/');
  const own = rel !== null && rel !== '' && !rel.startsWith('../') && !path.isAbsolute(rel) ? rel : null;
  const wanted = `${canonicalName(target)}:${target.tag ?? 'latest'}`;
  const bases = folderBases(ctx, own === null ? '.' : path.posix.dirname(own));
  const self = bases.find((b) => b.path === own);
  // A Dockerfile outside the context (\`-f ../Dockerfile.base\`) is still named what it is.
  const name = dockerfilePath === null ? null : path.basename(dockerfilePath);
  return bases.find((b) => b.path !== own && b.image === wanted && !(name !== null && buildsOnImageOf(b, name)) && !(self !== undefined && buildsOnImageOf(self, b.path)))?.path ?? null;
}

/**
 * Whether a Dockerfile builds FROM the image the file at \`producer\` makes, as far as names tell: an image no
 * knowledge names (none a registry publishes for all) whose repository's last part has the word the file's name
 * adds to "Dockerfile" (\`outlinewiki/outline-base\` for Dockerfile.base, \`acme/app-builder\` for builder.Dockerfile).
 */
function buildsOnImageOf(consumer: FolderBase, producer: string): boolean {
  const word = dockerfileWord(path.posix.basename(producer));
  if (word === null) return false;
  // Whole words only: \`base\` is in outline-base, not in database.
  const words = (name: string) => `-${name.toLowerCase().replace(/[_.]/g, '-')}-`;
  return consumer.unknownBases.some((repository) => words(repository.slice(repository.lastIndexOf('/') + 1)).includes(words(word)));
}

/** A Dockerfile of a folder: the image its last stage builds on (\`name:tag\`), and the repositories of its FROMs no knowledge names. */
interface FolderBase {
  readonly path: string;
  readonly image: string | null;
  readonly unknownBases: readonly string[];
}

/** The Dockerfiles directly in a folder of the context, read once per context. */
function folderBases(ctx: BuildContext, folder: string): readonly FolderBase[] {
  let byFolder = folderBasesMemo.get(ctx);
  if (byFolder === undefined) folderBasesMemo.set(ctx, (byFolder = new Map()));
  let bases = byFolder.get(folder);
  if (bases !== undefined) return bases;
  const files = (ctx.list(folder === '.' ? undefined : folder) ?? []).filter((e) => e.kind === 'file' && isDockerfileName(path.posix.basename(e.path)));
  // A folder of many Dockerfiles (a corpus, a test suite's inputs) is not a set of variants of one image.
  bases = files.length > MAX_VARIANT_FILES ? [] : files.map((e) => ({ path: e.path, ...basesOf(ctx.read(e.path)) }));
  byFolder.set(folder, bases);
  return bases;
}

const MAX_VARIANT_FILES = 32;
const folderBasesMemo = new WeakMap<BuildContext, Map<string, readonly FolderBase[]>>();

/**
 * The image (\`name:tag\`) the last stage of a Dockerfile's text builds on, with build arguments' defaults (null when
 * unknown or pinned by digest), and the repositories its stages build on that no knowledge names.
 */
function basesOf(text: string | null): Omit<FolderBase, 'path'> {
  const none = { image: null, unknownBases: [] };
  if (text === null) return none;
  let file: ParsedDockerfile;
  try {
    file = parseDockerfile(text);
  } catch {
    return none;
  }
  const last = file.stages.at(-1);
  const ref = last === undefined ? null : (resolveBase(file, rootStage(file, last))?.ref ?? null);
  const unknownBases = file.stages.flatMap((stage) => {
    const from = stage.base.kind === 'stage' ? null : (resolveBase(file, stage)?.ref ?? null);
    return from === null || identifyImage(from) !== null ? [] : [canonicalName(from)];
  });
  return { image: ref === null || ref.digest !== null ? null : `${canonicalName(ref)}:${ref.tag ?? 'latest'}`, unknownBases };
}

/** The image a stage's FROM names, with build arguments' defaults applied. */
export function baseOf(file: ParsedDockerfile, stage: Stage): BaseOf {
  return stageBases.of(file, stage);
}

/** By stage: every check of a RUN that depends on the image (its users, its tools, its home) asks again. */
const stageBases = new PerStage(readBase);

function readBase(file: ParsedDockerfile, stage: Stage): BaseOf {
  const resolved = resolveBase(file, stage);
  if (resolved === null || resolved.ref === null) return { kind: 'skip' };
  const image = identifyImage(resolved.ref);
  return image === null ? { kind: 'skip' } : { kind: 'image', image, resolved };
}

/**
 * The image a stage's FROM names when all the build leaves open is its architecture: one build argument without a
 * default that fills the tag's architecture token (\`gcr.io/distroless/static:nonroot-\${ARCH}\`, given with
 * \`--build-arg ARCH=arm64\`, or the platform's \`\${TARGETARCH}\`), where every architecture the repository is
 * published for names an image with the same facts but its size. Null otherwise (a version or a variant left open:
 * \`golang:\${GO_VERSION}-alpine\`; an argument that is the whole tag, \`static:\${TAG}\`, or not named for an
 * architecture). The image is the first architecture's, its \`raw\` the reference as the FROM writes it.
 */
export function identifiedWhateverArchitecture(file: ParsedDockerfile, stage: Stage): IdentifiedImage | null {
  const unset = fromArgsWithoutDefault(file, stage);
  if (unset.length !== 1 || stage.imageSpan === null || !/arch/i.test(unset[0]!)) return null;
  const globals = globalArgs(file);
  const word = file.text.slice(stage.imageSpan.start, stage.imageSpan.end);
  // The argument is the tag's last token, after others written out (\`nonroot-\${ARCH}\`): not the whole tag, which may be any.
  const archToken = new RegExp(`:[^/:@$]+-\\$(?:\\{${unset[0]}\\}|${unset[0]}(?![A-Za-z0-9_]))$`);
  if (!archToken.test(word)) return null;
  const refFor = (value: string) => {
    const text = expandWord(word, (name) => (name === unset[0] ? value : (globals.get(name)?.value ?? null)), file.escape).value;
    return text === null || text.includes('$') ? null : parseImageRef(text);
  };
  // The repository, from any value: one that the tag's grammar reads as an architecture says which.
  const probe = refFor('amd64');
  const repository = probe === null ? null : findRepository(probe);
  const architectures = repository?.axes.find((a) => a.name === 'arch')?.options ?? [];
  if (architectures.length === 0) return null;
  const images = architectures.map((o) => {
    const ref = refFor(o.render);
    const image = ref === null ? null : identifyImage(ref);
    return image !== null && image.options['arch'] === o.id ? image : null;
  });
  const first = images[0];
  if (first == null || images.some((i) => i === null)) return null;
  const same = (i: IdentifiedImage) => JSON.stringify({ ...i.facts, size: null }) === JSON.stringify({ ...first.facts, size: null });
  return images.every((i) => same(i!)) ? { ...first, raw: word } : null;
}

export type SwitchEdits = { readonly ok: true; readonly edits: Edit[] } | { readonly ok: false; readonly code: BaseRefusalCode; readonly reason: string };

/** The edits that make `stage`'s FROM name `reference` (a reference of the same registry and repository). */
export function switchEdits(file: ParsedDockerfile, stage: Stage, resolved: ResolvedBase, reference: string): SwitchEdits {
  if (resolved.ref?.digest != null) {
    return { ok: false, code: 'digest-pinned', reason: `${resolved.written} is pinned by digest; switching it needs the new image's digest from the registry` };
  }
  if (resolved.vars.length === 0) {
    const written = file.text.slice(stage.imageSpan!.start, stage.imageSpan!.end);
    const quote = /^(["'])[\s\S]*\1$/.exec(written)?.[1] ?? '';
    const edit = replaceFromImage(stage, `${quote}${reference}${quote}`);
    return edit === null ? { ok: false, code: 'arg-default', reason: 'the FROM has no image reference' } : { ok: true, edits: [edit] };
  }
  // `FROM ${DISTRO}:${VERSION}`: the tag is written for the image the default names. Given another
  // (`--build-arg DISTRO=ubuntu`), the same tag may not exist: ubuntu has no -slim.
  const nameArg = stage.imageSpan === null ? null : imageNameArgument(file.text.slice(stage.imageSpan.start, stage.imageSpan.end));
  if (nameArg !== null) {
    return { ok: false, code: 'arg-default', reason: `${resolved.written} takes the image's name from \${${nameArg}}: ${reference} is chosen for its default, and another value (\`--build-arg ${nameArg}=…\`) names another image, which may have no such tag` };
  }
  const tagSuffix = writtenTagSuffix(file, stage, resolved, reference);
  if (tagSuffix !== null) return { ok: true, edits: [tagSuffix] };
  const variant = variantAfterVariable(file, stage, resolved, reference);
  if (variant !== null) return { ok: true, edits: [variant] };
  if (resolved.sharedWith.length > 0) {
    const lines = resolved.sharedWith.map((i) => file.stages[i]!.from.line).join(', ');
    return { ok: false, code: 'arg-shared', reason: `${resolved.written} uses ${resolved.vars.map((v) => `\${${v}}`).join(', ')}, which the FROM on line ${lines} also uses (rewriting a shared argument broke builds in Renovate #5626 and Dependabot #4597)` };
  }
  if (resolved.vars.length !== 1) {
    return { ok: false, code: 'arg-default', reason: `${resolved.written} is built from ${resolved.vars.length} build arguments` };
  }
  if (resolved.args.length !== 1) {
    const name = resolved.vars[0]!;
    const why = AUTOMATIC_ARGS.has(name) ? 'which the build sets for the platform it builds for' : 'which no ARG before the first FROM declares, so BuildKit reads it as empty, whatever --build-arg says';
    return { ok: false, code: 'arg-default', reason: `${resolved.written} uses \${${name}}, ${why}` };
  }
  const name = resolved.vars[0]!;
  const arg = resolved.args[0]!;
  const redeclared = file.instructions.find((i) => i.stage >= 0 && i.keyword === 'ARG' && properties(file, i).some((p) => p.name === name));
  if (redeclared !== undefined) {
    return { ok: false, code: 'arg-shared', reason: `\${${name}} is declared again in the stage on line ${redeclared.line}, which reads its value too` };
  }
  const property = properties(file, arg).find((p) => p.name === name);
  if (property === undefined || property.raw === null || property.valueSpan === null) return { ok: false, code: 'arg-default', reason: `ARG ${name} has no default` };
  const quote = /^(["'])[\s\S]*\1$/.exec(property.raw)?.[1] ?? '';
  const value = quote === '' ? property.raw : property.raw.slice(1, -1);
  if (value.includes('$') || value.includes('\\')) return { ok: false, code: 'arg-default', reason: `the default of ARG ${name} is built from other values` };
  // The written reference with the argument's value: only that value may change.
  const at = resolved.text!.indexOf(value);
  const prefix = at === -1 ? null : resolved.text!.slice(0, at);
  const suffix = at === -1 ? null : resolved.text!.slice(at + value.length);
  const unique = at !== -1 && resolved.text!.indexOf(value, at + 1) === -1;
  if (!unique || prefix === null || suffix === null || !reference.startsWith(prefix) || !reference.endsWith(suffix) || reference.length < prefix.length + suffix.length) {
    return { ok: false, code: 'arg-default', reason: `${resolved.written} would change outside \${${name}} (${resolved.text} → ${reference})` };
  }
  const next = reference.slice(prefix.length, reference.length - suffix.length);
  if (next === '' || /\s/.test(next)) return { ok: false, code: 'arg-default', reason: `ARG ${name} would have no usable value` };
  return { ok: true, edits: [{ start: property.valueSpan.start, end: property.valueSpan.end, text: `${quote}${next}${quote}` }] };
}

/**
 * The build argument a FROM's image name is written with, where the FROM writes a tag after it
 * (\`\${PACKAGE_TYPE}:\${PACKAGE_VERSION}\`, \`\${REGISTRY}/\${IMAGE}:3.12\`), or null. Not one of the registry or
 * namespace (\`\${REGISTRY}/python:3.12\`, \`\${ARCH}/debian:12\`: the same image, mirrored or for an architecture),
 * nor one that holds the whole reference (\`\${BASE_IMAGE}\`), whose default is what a switch edits.
 */
function imageNameArgument(written: string): string | null {
  const uses = [...written.matchAll(/\$\{([A-Za-z_]\w*)[^}]*\}|\$([A-Za-z_]\w*)/g)];
  // Hide what the variables hold (\`\${REGISTRY:-docker.io/library}\`): its slashes and colons are not the reference's.
  let masked = written;
  for (const u of uses) masked = masked.slice(0, u.index) + '$'.repeat(u[0].length) + masked.slice(u.index + u[0].length);
  const slash = masked.lastIndexOf('/');
  const colon = masked.indexOf(':', slash + 1);
  if (colon === -1) return null;
  // The name is the argument when the argument is all of it: \`\${DOCKER_REGISTRY}python:3.11\` and \`\${ARCH}debian:12\`
  // write the name, and the argument only says where it comes from.
  const use = uses.find((u) => u.index === slash + 1 && u.index + u[0].length === colon);
  return use === undefined ? null : (use[1] ?? use[2])!;
}

/**
 * The suffix a sibling adds to the end of a tag the FROM writes, out or with variables (\`FROM \${REGISTRY}/python:3.11\`
 * to \`python:3.11-slim\`, \`FROM python:\${PYTHON_VERSION}\` to \`python:3.12-slim\`): it goes where the tag is
 * written, and the variables keep naming what they named, for this FROM and any other that uses them, and for the
 * value \`--build-arg\` gives. Null when the FROM writes no tag (\`FROM \${BASE}\`), or the switch is not such a suffix.
 */
function writtenTagSuffix(file: ParsedDockerfile, stage: Stage, resolved: ResolvedBase, reference: string): Edit | null {
  if (resolved.text === null || stage.imageSpan === null) return null;
  const suffix = variantInserted(resolved.text, reference, resolved.text.length);
  const written = file.text.slice(stage.imageSpan.start, stage.imageSpan.end);
  // The tag may hold variables (\`node:\${NODE_VERSION}-bookworm\` to \`node:20-bookworm-slim\`): they keep naming what they named.
  if (suffix === null || !/:(?:[\w.-]|\$\{[A-Za-z_]\w*\}|\$[A-Za-z_]\w*)+$/.test(written)) return null;
  return { start: stage.imageSpan.end, end: stage.imageSpan.end, text: suffix };
}

/**
 * The variant a sibling puts right after the one variable of a FROM's tag (\`python:\${PYTHON_VERSION}-bookworm\`
 * to \`python:3.12-slim-bookworm\`), written in the FROM after the variable: the argument keeps holding a version,
 * so \`--build-arg PYTHON_VERSION=3.11\` still builds on the slim image, and no other FROM or RUN that reads it
 * changes. Null when the switch is not such an insertion.
 */
function variantAfterVariable(file: ParsedDockerfile, stage: Stage, resolved: ResolvedBase, reference: string): Edit | null {
  if (resolved.text === null || stage.imageSpan === null || resolved.vars.length !== 1) return null;
  const written = file.text.slice(stage.imageSpan.start, stage.imageSpan.end);
  const uses = [...written.matchAll(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g)];
  if (uses.length !== 1 || written.indexOf('$') !== uses[0]!.index) return null;
  const use = uses[0]!;
  const before = written.slice(0, use.index);
  const after = written.slice(use.index + use[0].length);
  // In the tag: after the repository's colon, which follows its last slash.
  if (/["'\\]/.test(written) || !before.slice(before.lastIndexOf('/') + 1).includes(':')) return null;
  const { text } = resolved;
  if (!text.startsWith(before) || !text.endsWith(after) || text.length < before.length + after.length) return null;
  const inserted = variantInserted(text, reference, text.length - after.length);
  if (inserted === null) return null;
  const at = stage.imageSpan.start + use.index + use[0].length;
  return { start: at, end: at, text: inserted };
}

/**
 * The variant \`reference\` puts into \`text\` (a reference as a FROM resolves) at \`at\`, and nothing else:
 * \`-slim\` from \`python:3.12-bookworm\` to \`python:3.12-slim-bookworm\` at 11, or at the end from
 * \`python:3.12\` to \`python:3.12-slim\`. Null when \`reference\` is not \`text\` with one such word there.
 */
function variantInserted(text: string, reference: string, at: number): string | null {
  const after = text.slice(at);
  if (reference.length < text.length || !reference.startsWith(text.slice(0, at)) || !reference.endsWith(after)) return null;
  const inserted = reference.slice(at, reference.length - after.length);
  return /^-[a-z][a-z0-9.-]*$/.test(inserted) ? inserted : null;
}

/** How a FROM added after a stage names an image chosen for that stage's base (see followingReference). */
export type FollowingReference =
  | { readonly ok: true; readonly text: string }
  /** The image holds the value `value` of build argument `name`: it was chosen for that value alone. */
  | { readonly ok: false; readonly name: string; readonly value: string };

/**
 * How a FROM written after `stage` names `reference`, an image chosen for the stage's base as the
 * build arguments' defaults resolve it. Given another value (\`--build-arg NODE_VERSION=22\`), an
 * argument changes the stage's base, and the new FROM must follow it. Where `reference` is the base
 * itself, the stage's own text says it, variables and all (\`node:\${NODE_VERSION}-alpine\`), and a
 * sibling the tag names with a suffix adds it (\`node:\${NODE_VERSION}-slim\`). One that holds none
 * of the arguments' values (a Go build's distroless static) does not depend on them, and is written
 * as it is. One that holds a value otherwise (\`eclipse-temurin:17-jre\` for a JDK of \`\${JAVA}\`,
 * 17) was chosen for that value alone, and cannot be written to follow another.
 */
export function followingReference(file: ParsedDockerfile, stage: Stage, resolved: ResolvedBase, reference: string): FollowingReference {
  if (resolved.vars.length === 0) return { ok: true, text: reference };
  const own = stage.imageSpan === null || resolved.text === null ? null : file.text.slice(stage.imageSpan.start, stage.imageSpan.end);
  if (own !== null && reference === resolved.text) return { ok: true, text: own };
  const globals = globalArgs(file);
  // A tag written after an argument that names the image was chosen for the image its default names.
  // A sibling named by a suffix of the tag (\`-slim\`) follows the argument as the base does, unless an argument names the
  // image: the tag written after it was chosen for the image its default names. (A runtime image that holds none of the
  // arguments' values, a Go build's distroless static, is written as it is, below.)
  const suffix = own === null ? null : variantInserted(resolved.text!, reference, resolved.text!.length);
  if (own !== null && suffix !== null && !/["']$/.test(own)) {
    // An argument that holds the whole reference (\`FROM $NODE\`) holds the tag too: \`$NODE-slim\` fits its default alone.
    const nameArg = imageNameArgument(own) ?? /^\$\{?([A-Za-z_]\w*)(?:\}|:?[-+=?][^}]*\})?$/.exec(own)?.[1] ?? null;
    const nameValue = nameArg === null ? null : globals.get(nameArg)?.value;
    if (nameArg !== null && nameValue != null && nameValue !== '') return { ok: false, name: nameArg, value: nameValue };
    return { ok: true, text: own + suffix };
  }
  for (const name of resolved.vars) {
    const value = globals.get(name)?.value;
    if (value != null && value !== '' && reference.includes(value)) return { ok: false, name, value };
  }
  return { ok: true, text: reference };
}

/** The size effect of moving from one image to another, when both sizes were measured alike. */
export function sizeEffect(fromRef: string, from: SizeEstimate | null, toRef: string, to: SizeEstimate | null): SizeEffect | undefined {
  const saved = sizeSaving(from, to);
  if (saved === null || from === null || to === null) return undefined;
  return {
    savedMb: saved,
    measure: from.measure,
    note: `${fromRef} → ${toRef}: about ${Math.abs(saved)} MB ${saved >= 0 ? 'smaller' : 'larger'} (an estimate: ${sizeLabel(from)} → ${sizeLabel(to)})`,
  };
}

