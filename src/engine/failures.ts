import { parseDockerfile } from '../dockerfile/parse.js';
import { validate } from '../dockerfile/validate.js';
import type { FileError } from './types.js';

/**
 * Why a file could not be processed; the CLI's error policy (--on-error,
 * --ignore-unknown) decides by kind.
 * - unreadable: the file system refused (permission, I/O error, not a regular file);
 * - not-text: binary, not UTF-8 or over the size limit;
 * - not-dockerfile: text that does not start as a Dockerfile must: with FROM or ARG, after
 *   comments and parser directives (prose, code, an empty file);
 * - invalid: a Dockerfile BuildKit would reject;
 * - transform: a valid file the transforms could not rewrite safely (left unchanged);
 * - write: the rewrite could not be written (left unchanged);
 * - config: a configuration that applies to the file is wrong (a `.hadolint.yaml`; the engine's
 *   own configuration files are checked before any file is processed, with the same kind).
 */
export type FailureKind = 'unreadable' | 'not-text' | 'not-dockerfile' | 'invalid' | 'transform' | 'write' | 'config';

/**
 * Why a file was left alone on purpose, which is no failure: `generated`, its header says a tool
 * writes it (see generated.ts); `template`, it is a template a tool fills in, which does not parse
 * (see template.ts); `frontend`, its \`# syntax=\` names another frontend than the Dockerfile one
 * (see frontend.ts). Recorded where a failure is, so a skipped file has one shape.
 */
export type SkipKind = 'generated' | 'template' | 'frontend';

/** A skip, not a failure: no error, whatever the error policy. */
export function isSkipKind(kind: FailureKind | SkipKind): kind is SkipKind {
  return kind === 'generated' || kind === 'template' || kind === 'frontend';
}

export interface FileFailure extends FileError {
  readonly kind: FailureKind | SkipKind;
}

/**
 * What made the pipeline fail on `text`: the input itself, or the transforms.
 * Called only for failed files, so valid files are parsed no extra time.
 */
export function pipelineFailureKind(text: string): 'not-dockerfile' | 'invalid' | 'transform' {
  const file = parseDockerfile(text);
  const first = file.instructions[0];
  if (first === undefined || (first.keyword !== 'FROM' && first.keyword !== 'ARG')) return 'not-dockerfile';
  return validate(file) === null ? 'transform' : 'invalid';
}
