import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR as CORPUS, corpusPresent, noticeIfNoCorpus } from '../../bench/corpus.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { runBody } from '../../src/shell/body.js';
import { recogniseAll } from '../../src/shell/commands.js';
import { appendCommand } from '../../src/shell/edit.js';

noticeIfNoCorpus('shell layer on the corpus');

describe.skipIf(!corpusPresent())('the shell layer on the corpus', () => {
  it('reads every RUN body without throwing; what it cannot parse is refused', () => {
    const outcomes: Record<string, number> = {};
    const recognised: Record<string, number> = {};
    const unparsable: string[] = [];
    const misplaced: string[] = [];
    let appendable = 0;
    const notAppendable: string[] = [];
    const files = readdirSync(CORPUS);
    for (const name of files) {
      const file = parseDockerfile(readFileSync(path.join(CORPUS, name), 'utf8'));
      for (const inst of file.instructions) {
        if (inst.keyword !== 'RUN') continue;
        const body = runBody(file, inst);
        const outcome = body.ok ? 'ok' : body.code;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (!body.ok) {
          if (body.code === 'unparsable-shell') unparsable.push(`${name}:${inst.line}: ${body.reason}`);
          continue;
        }
        // Each script character comes from that character of the file, inside the instruction.
        const { script } = body;
        for (let i = 0; i < script.length; i++) {
          const at = body.offsetOf(i);
          if (file.text[at] !== script[i] || at < inst.span.start || at >= inst.span.end) {
            misplaced.push(`${name}:${inst.line}: ${i}`);
            break;
          }
        }
        for (const r of recogniseAll(body.parsed)) {
          const key = r.kind === 'package' ? `${r.manager} ${r.action}` : r.kind;
          recognised[key] = (recognised[key] ?? 0) + 1;
        }
        const appended = appendCommand(file, body, 'true');
        if (appended.ok) appendable++;
        else notAppendable.push(appended.code);
      }
    }
    console.log(`shell corpus: ${files.length} files, RUN outcomes ${JSON.stringify(outcomes)}, appendable ${appendable}`);
    console.log(`shell corpus: unparsable bodies:\n  ${unparsable.join('\n  ')}`);
    console.log(`shell corpus: recognised ${JSON.stringify(recognised)}`);
    expect(misplaced).toEqual([]);
    expect(outcomes.ok).toBeGreaterThan(2000);
    // The only bodies no shell reads are in the collection of deliberately broken files.
    expect(unparsable.length).toBeGreaterThan(0);
    for (const u of unparsable) expect(u).toMatch(/broken-dockerfiles/);
    // A command can be appended to every parsed body but one that ends in the background.
    expect(new Set(notAppendable)).toEqual(new Set(['background']));
  });
});
