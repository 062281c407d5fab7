/**
 * What the benchmark scripts share: the corpus they read and the tables they print.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared/corpus` beside the repository, or the folder DOCKSHIFT_CORPUS names. */
export const CORPUS = process.env.DOCKSHIFT_CORPUS ?? path.resolve(ROOT, '../shared/corpus');

const NOT_DOCKERFILES = new Set(['README.md', 'PROVENANCE.tsv']);

/** The corpus's Dockerfiles in name order, as `{ path, bytes, text }`. */
export function loadCorpus() {
  if (!fs.existsSync(CORPUS)) throw new Error(`no corpus at ${CORPUS}`);
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return fs
    .readdirSync(CORPUS)
    .filter((name) => !NOT_DOCKERFILES.has(name))
    .sort()
    .map((name) => path.join(CORPUS, name))
    .filter((p) => fs.statSync(p).isFile())
    .flatMap((p) => {
      const raw = fs.readFileSync(p);
      try {
        return [{ path: p, bytes: raw.length, text: utf8.decode(raw) }];
      } catch {
        return []; // the CLI refuses non-UTF-8 files; nothing to time in process
      }
    });
}

/** Columns padded to their widest cell; the `numeric` ones aligned right. */
export function table(header, body, numericColumns = [1, 2, 3]) {
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const numeric = new Set(numericColumns);
  const line = (r) =>
    r
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return `${[line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')}\n`;
}
