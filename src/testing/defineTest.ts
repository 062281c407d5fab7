/**
 * The fixture suite every transform runs under, for dockshift's own transforms and for
 * yours (as jscodeshift's `defineTest`): for each `<root>/<transform>/<case>.input.Dockerfile`
 * the output must match `<case>.output.Dockerfile` byte for byte, the refusals, changes and
 * proposed files must be the ones the case lists, and a second run must change nothing.
 * Every transform needs a case it changes and one it leaves alone, and every refusal code
 * it declares needs a case. Works with any test runner that has `describe` and `it`
 * (vitest, jest, mocha, node:test): failures are thrown assertion errors.
 */
import assert from 'node:assert/strict';
import type { OptionValue, Transform } from '../engine/types.js';
import { loadFixtures, runFixture } from './fixtures.js';

/** The test runner's functions; by default the globals of that name. */
export interface TestApi {
  readonly describe: (name: string, body: () => void) => void;
  readonly it: (name: string, body: () => void | Promise<void>) => void;
}

export interface DefineTestOptions {
  /** Per transform, declared refusal codes no input can produce (a guard in the code), with none needing a case. */
  readonly defensive?: Readonly<Record<string, readonly string[]>>;
  readonly api?: TestApi;
}

export function defineTest(root: string, transforms: Transform<any> | readonly Transform<any>[], options: DefineTestOptions = {}): void {
  const list: readonly Transform<any>[] = Array.isArray(transforms) ? transforms : [transforms as Transform<any>];
  const api = options.api ?? (globalThis as unknown as Partial<TestApi>);
  if (typeof api.describe !== 'function' || typeof api.it !== 'function') throw new Error('defineTest needs describe and it: pass { api: { describe, it } } or enable your runner\'s globals');
  const { describe, it } = api as TestApi;
  const defensive = options.defensive ?? {};
  const find = (name: string) => list.find((t) => t.meta.name === name);
  const { cases, problems } = loadFixtures(root, find);

  describe('fixture layout', () => {
    it('has fixtures for every transform', () => {
      const covered = new Set(cases.map((c) => c.transform));
      assert.deepEqual(list.map((t) => t.meta.name).filter((n) => !covered.has(n)), []);
    });
    it('every transform has cases that change the file and cases it must leave alone', () => {
      for (const t of list) {
        const own = cases.filter((c) => c.transform === t.meta.name);
        assert.ok(own.some((c) => c.output !== c.input || c.created !== null || c.edited !== null), `${t.meta.name}: no changing case`);
        assert.ok(own.some((c) => c.output === c.input && c.created === null && c.edited === null), `${t.meta.name}: no unchanged case`);
      }
    });
    it('every refusal code a transform declares is shown by a case', () => {
      for (const t of list) {
        const shown = new Set(cases.filter((c) => c.transform === t.meta.name).flatMap((c) => c.refusals.map((r) => r.code)));
        const guarded = defensive[t.meta.name] ?? [];
        assert.deepEqual(Object.keys(t.meta.refusals).filter((code) => !shown.has(code) && !guarded.includes(code)), [], `${t.meta.name}: declared refusal codes without a fixture`);
        for (const code of guarded) assert.ok(code in t.meta.refusals, `${t.meta.name}: defensive lists an undeclared code ${code}`);
      }
    });
    for (const p of problems) {
      it(p.where, () => {
        throw new Error(`${root}/${p.where}: ${p.problem}`);
      });
    }
  });

  for (const name of [...new Set(cases.map((c) => c.transform))]) {
    describe(name, () => {
      for (const c of cases.filter((k) => k.transform === name)) {
        it(`${c.transform}/${c.name}`, () => {
          if (c.output === null) throw new Error(`${c.transform}/${c.name}.input.Dockerfile has no ${c.name}.output.Dockerfile`);
          const transform = find(c.transform)!;
          const spec = transform.meta.options as Record<string, { default: OptionValue }>;
          for (const [key, value] of Object.entries(c.options)) {
            assert.ok(key in spec, `options.json names an unknown option "${key}"`);
            assert.equal(typeof value, typeof spec[key]!.default, `option "${key}" has the wrong type`);
          }
          const first = runFixture(c, transform, c.input);
          assert.equal(first.output, c.output);
          assert.deepEqual(first.refusals.map((r) => ({ code: r.code, line: r.line })), c.refusals);
          assert.equal(first.changes.length > 0, c.output !== c.input, 'a case whose output differs must report changes, and only then');
          if (c.changes !== null) {
            assert.deepEqual(
              first.changes.map((ch) => ({ line: ch.line, message: ch.message, tier: ch.tier })),
              c.changes.map((ch) => ({ line: ch.line, message: ch.message, tier: ch.tier ?? 'safe' })),
            );
          }
          assert.deepEqual(Object.fromEntries(first.newFiles.map((f) => [f.path, f.content])), c.created ?? {});
          assert.deepEqual(Object.fromEntries(first.fileEdits.map((e) => [e.path, e.after])), c.edited ?? {});
          const second = runFixture(c, transform, first.output);
          assert.equal(second.output, first.output, 'a second run must change nothing');
          assert.deepEqual(second.changes, []);
        });
      }
    });
  }
}
