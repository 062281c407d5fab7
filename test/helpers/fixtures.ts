/**
 * The fixture suite every transform runs under (see test/fixtures.test.ts for the layout):
 * registered transforms, the test-only examples, and users' own transforms all use the
 * public `defineTest`, here with vitest's describe and it.
 */
import { describe, it } from 'vitest';
import type { Transform } from '../../src/engine/types.js';
import { defineTest } from '../../src/testing/defineTest.js';

/** `defensive` lists, per transform, declared refusal codes no input can produce. */
export function fixtureSuite(root: string, transforms: readonly Transform<any>[], defensive: Readonly<Record<string, readonly string[]>> = {}): void {
  defineTest(root, transforms, { defensive, api: { describe, it } });
}
