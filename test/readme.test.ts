import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allTransforms } from '../src/engine/select.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** The README's transform table, as the registry says it should read. */
function expectedTable(): string {
  const rows = allTransforms().map(({ meta }) =>
    `| \`${meta.name}\` | ${meta.defaultEnabled ? 'yes' : 'no'} | ${meta.review === undefined ? 'safe' : 'review'} | ${meta.summary} | ${meta.hadolint.join(', ') || '–'} |`,
  );
  return ['| name | default | changes | what it does | hadolint |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

describe('README', () => {
  it('lists every registered transform as the registry describes it', () => {
    const m = /<!-- transforms:start -->\n([\s\S]*?)\n<!-- transforms:end -->/.exec(readme);
    expect(m, 'README needs the transforms:start/end markers').not.toBeNull();
    expect(m![1]).toBe(expectedTable());
  });

  it('quick start uses the commands CI runs', () => {
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm test');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it('documents every transform in its own meta', () => {
    for (const { meta } of allTransforms()) {
      expect(meta.docs.length, meta.name).toBeGreaterThan(200);
      expect(fs.existsSync(path.join(root, '__testfixtures__', meta.name)), meta.name).toBe(true);
    }
  });
});
