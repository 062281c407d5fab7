import { constants } from 'node:os';
import * as path from 'node:path';
import type { PathProblemKind } from './discover.js';
import { isDockerfileName } from './dockerfileName.js';
import { isSkipKind, type FailureKind } from './failures.js';
import type { FileResult } from './processFile.js';

/** `--on-error`: whether files that cannot be processed fail the run or are only reported. */
export type ErrorPolicy = 'fail' | 'warn';

export interface Policy {
  readonly onError: ErrorPolicy;
  /** `--ignore-unknown`: skip, silently, files named explicitly that turn out not to be Dockerfiles. */
  readonly ignoreUnknown: boolean;
}

export type ProblemKind = FailureKind | PathProblemKind;

/** How one input is reported and counted. */
export type Reported = 'changed' | 'unchanged' | 'error' | 'warning' | 'skipped';

/**
 * Problems `--on-error=warn` reports as warnings: the file could not be read or
 * processed, and is left exactly as it was. A failed write, a path that does not
 * exist and a folder with no Dockerfile stay errors: the run did not do what was
 * asked of it.
 */
const WARNABLE: ReadonlySet<ProblemKind> = new Set<ProblemKind>(['unreadable', 'not-text', 'not-dockerfile', 'invalid', 'transform']);

export function severityOf(kind: ProblemKind, onError: ErrorPolicy): 'error' | 'warning' {
  return onError === 'warn' && WARNABLE.has(kind) ? 'warning' : 'error';
}

/**
 * For `--ignore-unknown`, as prettier's: a file named on the command line whose
 * name is not a Dockerfile's, and that is not text or does not start with FROM
 * or ARG (see failures.ts). A file with a Dockerfile name, or one that starts
 * like a Dockerfile but is invalid, is still an error.
 */
export function isUnknownFile(file: string, explicit: boolean, kind: ProblemKind): boolean {
  return explicit && !isDockerfileName(path.basename(file)) && (kind === 'not-text' || kind === 'not-dockerfile');
}

export function reportedStatus(result: FileResult, file: string, explicit: boolean, policy: Policy): Reported {
  if (result.error === null) return result.status;
  // Left alone on purpose: no error, whatever the policy.
  if (isSkipKind(result.error.kind)) return 'skipped';
  if (policy.ignoreUnknown && isUnknownFile(file, explicit, result.error.kind)) return 'skipped';
  return severityOf(result.error.kind, policy.onError);
}

export interface RunCounts {
  readonly changed: number;
  readonly errors: number;
}

/**
 * The process's exit code: 128 + the signal's number when stopped by one (130 for
 * SIGINT, 143 for SIGTERM), else 2 for any error, else 1 when `--check` found a
 * change, else 0.
 */
export function exitCodeOf(counts: RunCounts, check: boolean, interrupted: NodeJS.Signals | null): number {
  if (interrupted !== null) return 128 + (constants.signals[interrupted] ?? 0);
  if (counts.errors > 0) return 2;
  return check && counts.changed > 0 ? 1 : 0;
}
