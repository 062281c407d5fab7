/**
 * `npm test` on a fresh clone passes as the README says: without the corpus
 * beside the repository, the tests that need it are skipped with a one-line
 * notice instead of failing. Runs those test files in a child vitest with the
 * corpus pointed at a folder that does not exist.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cli.js';

const CORPUS_TESTS = ['test/corpus.test.ts', 'test/shell/corpus.test.ts', 'test/knowledge/corpus.test.ts', 'test/fuzz.test.ts'];

describe('a fresh clone', () => {
  it('skips the corpus tests with a notice when there is no corpus, and the rest still run', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKSHIFT_CORPUS: path.join(REPO_ROOT, 'no-such-corpus'), DOCKSHIFT_FUZZ_RUNS: '3', NO_COLOR: '1' };
    for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST' || key === 'NODE_ENV') delete env[key];
    const vitest = path.join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    const r = spawnSync(process.execPath, [vitest, 'run', ...CORPUS_TESTS], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 110_000 });
    const out = r.stdout + r.stderr;
    // The shell layer's and the knowledge base's files hold only corpus tests, so vitest counts them as skipped.
    expect(out, out).toMatch(/Test Files +2 passed \| 2 skipped \(4\)/);
    expect(out).not.toMatch(/failed/i);
    expect(r.status).toBe(0);
    for (const what of ['corpus sweep', 'shell layer on the corpus', 'knowledge base on the corpus', 'fuzzing of mutated corpus files']) {
      expect(out).toContain(`${what}: skipped, no corpus at ${path.join(REPO_ROOT, 'no-such-corpus')} (put it there or set DOCKSHIFT_CORPUS)`);
    }
    expect(out).toMatch(/Tests +\d+ passed \| \d+ skipped/);
  });

  it('has the LICENSE package.json names', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    const license = fs.readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} the dockshift authors\n/);
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });
});
