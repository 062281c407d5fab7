/**
 * The fixture suite every transform runs under (see test/fixtures.test.ts for the layout):
 * registered transforms, the test-only examples, and users' own transforms.
 */
import { describe, expect, it } from 'vitest';
import type { OptionValue, Transform } from '../../src/engine/types.js';
import { loadFixtures, runFixture } from '../../src/testing/fixtures.js';

/**
 * Defines the tests for every case under `root` whose folder names one of `transforms`.
 * `defensive` lists, per transform, declared refusal codes no input can produce.
 */
export function fixtureSuite(root: string, transforms: readonly Transform<any>[], defensive: Readonly<Record<string, readonly string[]>> = {}): void {
  const findTransform = (name: string) => transforms.find((t) => t.meta.name === name);
  const { cases, problems } = loadFixtures(root, findTransform);

  describe('fixture layout', () => {
    it('has fixtures for every registered transform', () => {
      const covered = new Set(cases.map((c) => c.transform));
      expect(transforms.map((t) => t.meta.name).filter((n) => !covered.has(n))).toEqual([]);
    });

    it('every transform has cases that change the file and cases it must leave alone', () => {
      for (const t of transforms) {
        const own = cases.filter((c) => c.transform === t.meta.name);
        expect(own.some((c) => c.output !== c.input || c.created !== null || c.edited !== null), `${t.meta.name}: no changing case`).toBe(true);
        expect(own.some((c) => c.output === c.input && c.created === null && c.edited === null), `${t.meta.name}: no unchanged case`).toBe(true);
      }
    });

    it('every refusal code a transform declares is shown by a case', () => {
      for (const t of transforms) {
        const shown = new Set(cases.filter((c) => c.transform === t.meta.name).flatMap((c) => c.refusals.map((r) => r.code)));
        const declaredDefensive = defensive[t.meta.name] ?? [];
        const missing = Object.keys(t.meta.refusals).filter((code) => !shown.has(code) && !declaredDefensive.includes(code));
        expect(missing, `${t.meta.name}: declared refusal codes without a fixture`).toEqual([]);
        for (const code of declaredDefensive) expect(Object.keys(t.meta.refusals), `${t.meta.name}: DEFENSIVE lists an undeclared code`).toContain(code);
      }
    });

    it.each(problems.map((p) => [p.where, p.problem]))('%s', (where, problem) => {
      throw new Error(`__testfixtures__/${where}: ${problem}`);
    });
  });

  describe.each([...new Set(cases.map((c) => c.transform))])('%s', (transform) => {
    const own = cases.filter((c) => c.transform === transform);
    it.each(own.map((c) => [`${c.transform}/${c.name}`, c] as const))('%s', (_, c) => {
      if (c.output === null) throw new Error(`${c.transform}/${c.name}.input.Dockerfile has no ${c.name}.output.Dockerfile`);
      const spec = findTransform(c.transform)!.meta.options as Record<string, { default: OptionValue }>;
      for (const [key, value] of Object.entries(c.options)) {
        expect(Object.keys(spec), `options.json names an unknown option "${key}"`).toContain(key);
        expect(typeof value, `option "${key}" has the wrong type`).toBe(typeof spec[key]!.default);
      }

      const transform = findTransform(c.transform)!;
      const first = runFixture(c, transform, c.input);
      expect(first.output).toBe(c.output);
      expect(first.refusals.map((r) => ({ code: r.code, line: r.line }))).toEqual(c.refusals);
      expect(first.changes.length > 0).toBe(c.output !== c.input);
      if (c.changes !== null) {
        expect(first.changes.map((ch) => ({ line: ch.line, message: ch.message, tier: ch.tier }))).toEqual(
          c.changes.map((ch) => ({ line: ch.line, message: ch.message, tier: ch.tier ?? 'safe' })),
        );
      }
      expect(Object.fromEntries(first.newFiles.map((f) => [f.path, f.content]))).toEqual(c.created ?? {});
      expect(Object.fromEntries(first.fileEdits.map((e) => [e.path, e.after]))).toEqual(c.edited ?? {});

      const second = runFixture(c, transform, first.output);
      expect(second.output).toBe(first.output);
      expect(second.changes).toEqual([]);
    });
  });
}
