import * as fs from 'node:fs';
import * as path from 'node:path';
import { crypto } from '../builtins.js';
import type { Selection } from '../engine/select.js';
import type { AppliedChange } from '../engine/types.js';
import { findCulprit, type CulpritFinding } from './culprit.js';
import { applyKnobs, knobsFor, type Knob } from './knobs.js';
import { measureLayout, type LayerCache } from './oci.js';
import { packageDelta, type PackageDelta } from './packages.js';
import { formatBytes } from './report.js';
import { rewrite, type RewriteTarget } from './rewrite.js';
import { compareSmoke, runSmoke, type SmokeComparison } from './smoke.js';
import type { Builder, Built, ImageConfig, ImageSize, PackageList, Result, SmokeRun, SmokeSpec, StepError } from './types.js';
import { checkUser, type UserCheck } from './user.js';

export interface VerifySettings {
  readonly selection: Selection;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly pull: boolean;
  readonly target?: string;
  /** Null: no smoke runs (`--no-smoke`, or a builder that cannot run containers). */
  readonly smoke: SmokeSpec | null;
  readonly culprit: boolean;
  readonly keepImages: boolean;
}

export interface VerifyContext {
  readonly builder: Builder;
  readonly settings: VerifySettings;
  /** A private folder for Dockerfile copies and exported images. */
  readonly workDir: string;
  readonly layerCache: LayerCache;
  /** Progress, one line at a time (stderr). */
  readonly log: (line: string) => void;
}

/** What verify learnt about one built image. */
export interface ImageFacts {
  readonly tag: string;
  readonly buildSeconds: number;
  readonly size: Result<ImageSize>;
  readonly config: Result<ImageConfig>;
  readonly packages: PackageList;
  /** Null when no smoke run was made. */
  readonly smoke: SmokeRun | null;
}

export type Verdict =
  /** The rewrite builds and behaves as the original. */
  | 'passed'
  /** The pipeline changes nothing: nothing to verify. */
  | 'unchanged'
  | 'broken-build'
  | 'broken-behaviour'
  /** Could not be verified: the rewrite failed, the original does not build, or a tool failed. */
  | 'error';

export interface FileVerification {
  readonly path: string;
  readonly verdict: Verdict;
  readonly changes: readonly AppliedChange[];
  readonly before: ImageFacts | null;
  readonly after: ImageFacts | null;
  /** Why the rewrite did not build. */
  readonly afterBuildError: StepError | null;
  /** Null when there was no smoke run to compare. */
  readonly behaviour: SmokeComparison | null;
  readonly user: UserCheck | null;
  readonly packages: PackageDelta | null;
  readonly culprit: CulpritFinding | null;
  /** The text that passed (the rewrite, or the rewrite without the culprit); null when none is known. */
  readonly passingText: string | null;
  /** What `--fix` turned off to get `passingText`. */
  readonly passingOff: readonly Knob[];
  /** The size of the image built from `passingText` when that is a trial's (null: not built or not measured). */
  readonly passingSize: ImageSize | null;
  readonly error: StepError | null;
  /** Caveats a reader needs, e.g. why something was not measured. */
  readonly notes: readonly string[];
}

/** A verification that stopped before it measured anything. */
export const NO_FACTS = {
  before: null,
  after: null,
  afterBuildError: null,
  behaviour: null,
  user: null,
  packages: null,
  culprit: null,
  passingText: null,
  passingOff: [],
  passingSize: null,
  notes: [],
} as const;

/**
 * Verifies one Dockerfile: rewrites it, builds the original and the rewrite
 * one after the other with the same builder and arguments, measures and
 * smoke-runs both, compares them, and when the rewrite broke something,
 * rebuilds with changes turned off until it finds the one responsible.
 */
export async function verifyFile(target: RewriteTarget, text: string, ctx: VerifyContext): Promise<FileVerification> {
  const { settings } = ctx;
  const display = target.display;
  const result = rewrite(text, settings.selection, target);
  if (!result.ok) {
    return { path: display, verdict: 'error', changes: [], ...NO_FACTS, error: { step: 'rewrite', message: result.error.message, line: result.error.line } };
  }
  const { output, changes } = result;
  if (output === text) return { path: display, verdict: 'unchanged', changes, ...NO_FACTS, passingText: text, error: null };

  const images: string[] = [];
  const tagBase = imageTag(target.path);
  const notes: string[] = [];
  if (settings.smoke === null) notes.push(ctx.builder.canRun ? 'smoke runs turned off' : `no smoke runs: ${ctx.builder.name} cannot run containers`);
  try {
    ctx.log(`${display}: building the original`);
    const beforeBuild = await buildText(ctx, target, text, `${tagBase}:before`, 'before');
    if (!beforeBuild.ok) {
      return { path: display, verdict: 'error', changes, ...NO_FACTS, error: { ...beforeBuild.error, message: `the original does not build: ${beforeBuild.error.message}` } };
    }
    images.push(`${tagBase}:before`);
    const before = await gather(ctx, `${tagBase}:before`, beforeBuild.value, display, 'original');

    ctx.log(`${display}: building the rewrite`);
    const afterBuild = await buildText(ctx, target, output, `${tagBase}:after`, 'after');
    if (afterBuild.ok) images.push(`${tagBase}:after`);
    if (!afterBuild.ok) {
      // A base image this machine lacks says nothing about the rewrite: do not blame a change for it.
      const missing = missingImage(afterBuild.error);
      if (missing !== null) {
        const how = settings.pull ? 'it could not be pulled' : 'make it locally, or verify with --pull';
        return { path: display, verdict: 'error', changes, ...NO_FACTS, before, error: { ...afterBuild.error, message: `the rewrite's base image ${missing} is not available to ${ctx.builder.name}: ${how}` } };
      }
    }
    const after = afterBuild.ok ? await gather(ctx, `${tagBase}:after`, afterBuild.value, display, 'rewrite') : null;

    const behaviour = before.smoke !== null && after?.smoke != null ? compareSmoke(before.smoke, after.smoke) : null;
    const user = after !== null && before.config.ok && after.config.ok ? checkUser(text, output, before.config.value, after.config.value) : null;
    const verdict: Verdict = after === null ? 'broken-build' : behaviour?.same === false || user?.ok === false ? 'broken-behaviour' : 'passed';

    let culprit: CulpritFinding | null = null;
    let passingText: string | null = verdict === 'passed' ? output : null;
    let passingOff: readonly Knob[] = [];
    let passingSize: ImageSize | null = null;
    if (verdict !== 'passed' && settings.culprit) {
      const knobs = knobsFor([...new Set(changes.map((c) => c.transform))], settings.selection);
      ctx.log(`${display}: the rewrite ${verdict === 'broken-build' ? 'does not build' : 'behaves differently'}; looking for the change responsible (${knobs.length} to try)`);
      const texts = new Map<string, Judged>([
        [output, { passes: false, note: 'same text as the rewrite' }],
        [text, { passes: true, note: 'same text as the original' }],
      ]);
      culprit = await findCulprit(knobs, (off) => trialOf(ctx, target, text, before, off, texts, `${tagBase}:trial`));
      if (culprit.kind !== 'none') {
        passingOff = culprit.fix;
        const fixed = rewrite(text, applyKnobs(settings.selection, culprit.fix), target);
        passingText = fixed.ok ? fixed.output : null;
        passingSize = passingText === null ? null : (texts.get(passingText)?.size ?? null);
      }
    }
    const packages = after === null ? null : packageDelta(before.packages, after.packages);
    return { path: display, verdict, changes, before, after, afterBuildError: afterBuild.ok ? null : afterBuild.error, behaviour, user, packages, culprit, passingText, passingOff, passingSize, error: null, notes };
  } finally {
    if (!settings.keepImages) await ctx.builder.removeImages(images);
  }
}

/** One rebuild with knobs off: decided from the text when it matches one already judged. */
async function trialOf(
  ctx: VerifyContext,
  target: RewriteTarget,
  original: string,
  before: ImageFacts,
  off: readonly Knob[],
  texts: Map<string, Judged>,
  tag: string,
): Promise<{ passes: boolean; note: string }> {
  const variant = rewrite(original, applyKnobs(ctx.settings.selection, off), target);
  if (!variant.ok) return { passes: false, note: `the rewrite fails: ${variant.error.message}` };
  const known = texts.get(variant.output);
  if (known !== undefined) {
    // Texts already judged: the rewrite, the original, or an earlier trial.
    return { passes: known.passes, note: known.note.startsWith('same text as') ? known.note : `same text as an earlier trial, which ${known.note}` };
  }
  ctx.log(`  trying with ${off.map((k) => (k.kind === 'option' ? `${k.transform}.${k.option}=${k.value}` : `${k.transform} off`)).join(', ')}`);
  const outcome = await judge(ctx, target, original, variant.output, before, tag);
  texts.set(variant.output, outcome);
  return { passes: outcome.passes, note: outcome.note };
}

/** A trial's verdict; a passing build is measured too, to say what the fix keeps. */
interface Judged {
  readonly passes: boolean;
  readonly note: string;
  readonly size?: ImageSize | null;
}

async function judge(ctx: VerifyContext, target: RewriteTarget, original: string, text: string, before: ImageFacts, tag: string): Promise<Judged> {
  const built = await buildText(ctx, target, text, tag, 'trial');
  if (!built.ok) return { passes: false, note: `does not build: ${lastLine(built.error.detail ?? built.error.message)}` };
  try {
    if (ctx.settings.smoke !== null && before.smoke !== null && ctx.builder.canRun) {
      const smoke = await runSmoke(ctx.builder, tag, ctx.settings.smoke);
      const same = compareSmoke(before.smoke, smoke);
      if (!same.same) return { passes: false, note: `builds; smoke differs: ${same.reason}` };
    }
    if (before.config.ok) {
      const config = await ctx.builder.inspect(tag);
      if (config.ok) {
        const user = checkUser(original, text, before.config.value, config.value);
        if (!user.ok) return { passes: false, note: `builds; runs as ${user.after || 'root'}, not ${user.expected}` };
      }
    }
    const size = await measure(ctx, tag);
    return { passes: true, note: ctx.settings.smoke === null ? 'builds (no smoke run)' : 'builds; same smoke result', size: size.ok ? size.value : null };
  } finally {
    if (!ctx.settings.keepImages) await ctx.builder.removeImages([tag]);
  }
}

/**
 * Builds a text as the Dockerfile at `target`: the copy keeps the file's name
 * and its `<name>.dockerignore`, so the builder reads the same ignore rules.
 */
async function buildText(ctx: VerifyContext, target: RewriteTarget, text: string, tag: string, role: string): Promise<Result<Built>> {
  const dir = path.join(ctx.workDir, role);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const name = path.basename(target.path);
  const dockerfile = path.join(dir, name);
  fs.writeFileSync(dockerfile, text);
  const ignore = `${target.path}.dockerignore`;
  if (fs.existsSync(ignore)) fs.copyFileSync(ignore, `${dockerfile}.dockerignore`);
  const { settings } = ctx;
  const built = await ctx.builder.build({
    dockerfile,
    context: target.context,
    tag,
    buildArgs: settings.buildArgs,
    pull: settings.pull,
    ...(settings.target === undefined ? {} : { target: settings.target }),
  });
  if (built.ok) ctx.log(`  built in ${built.value.seconds.toFixed(1)} s`);
  else ctx.log(`  build failed: ${lastLine(built.error.detail ?? built.error.message)}`);
  return built;
}

async function gather(ctx: VerifyContext, tag: string, built: Built, display: string, what: string): Promise<ImageFacts> {
  const size = await measure(ctx, tag);
  const config = await ctx.builder.inspect(tag);
  const packages = await ctx.builder.listPackages(tag);
  let smoke: SmokeRun | null = null;
  if (ctx.settings.smoke !== null && ctx.builder.canRun) {
    ctx.log(`${display}: smoke run of the ${what}`);
    smoke = await runSmoke(ctx.builder, tag, ctx.settings.smoke);
  }
  return { tag, buildSeconds: built.seconds, size, config, packages, smoke };
}

/** Exports the image and computes its sizes from the layout. */
async function measure(ctx: VerifyContext, tag: string): Promise<Result<ImageSize>> {
  const exported = path.join(ctx.workDir, 'oci');
  fs.rmSync(exported, { recursive: true, force: true });
  const t0 = performance.now();
  const saved = await ctx.builder.exportOci(tag, exported);
  const size = saved.ok ? await measureLayout(exported, ctx.layerCache) : saved;
  fs.rmSync(exported, { recursive: true, force: true });
  const took = `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  ctx.log(size.ok ? `  measured in ${took}: ${formatBytes(size.value.uncompressed)} uncompressed, ${formatBytes(size.value.gzip)} gzip -6` : `  not measured: ${size.error.message}`);
  return size;
}

/** A tag of our own per Dockerfile, so parallel runs on different files do not collide. */
export function imageTag(file: string): string {
  const slug = path.basename(path.dirname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'root';
  const hash = crypto().createHash('sha256').update(file).digest('hex').slice(0, 8);
  return `localhost/dockshift-verify/${slug}-${hash}`;
}

function lastLine(s: string): string {
  return s.trim().split('\n').at(-1) ?? '';
}

/**
 * The image a failed build could not find, as builders word it (podman/buildah: `X: image not
 * known`; docker: `pull access denied for X`, `X: not found`, `manifest unknown`); null for any
 * other failure.
 */
export function missingImage(error: StepError): string | null {
  const text = `${error.message}\n${error.detail ?? ''}`;
  const m =
    /([\w.:/@-]+): image not known/.exec(text) ??
    /pull access denied for ([\w.:/@-]+)/.exec(text) ??
    /(?:failed to resolve source metadata for|manifest for) ([\w.:/@-]+?):? not found/.exec(text) ??
    /repository ([\w.:/@-]+) not found/.exec(text);
  return m === null ? null : m[1]!;
}
