/**
 * The fixture suite every transform runs under (see test/fixtures.test.ts for the layout):
 * registered transforms, the test-only examples, and users' own transforms all use the
 * public `defineTest`, here with vitest's describe and it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'vitest';
import { transformText, type TextResult } from '../../src/api.js';
import type { Transform } from '../../src/engine/types.js';
import { defineTest } from '../../src/testing/defineTest.js';
import { REPO_ROOT } from './cli.js';

/** `defensive` lists, per transform, declared refusal codes no input can produce. */
export function fixtureSuite(root: string, transforms: readonly Transform<any>[], defensive: Readonly<Record<string, readonly string[]>> = {}): void {
  defineTest(root, transforms, { defensive, api: { describe, it } });
}

/** One transform over a fixture case of __testfixtures__/<transform>/, with the case's build context. */
export function runFixtureCase(transform: string, name: string): Extract<TextResult, { ok: true }> {
  const dir = path.join(REPO_ROOT, '__testfixtures__', transform);
  const text = fs.readFileSync(path.join(dir, `${name}.input.Dockerfile`), 'utf8');
  const result = transformText(text, { transforms: [transform], context: path.join(dir, `${name}.context`) });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}
