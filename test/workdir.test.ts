import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import { runtimeFacts } from '../src/dockerfile/runtime.js';
import { absoluteFolder, resolveIn, workdirAt, workdirAtEnd, type ImagePath } from '../src/dockerfile/workdir.js';

describe('workdirAt', () => {
  it('gives what resolving each WORKDIR in turn gives, whichever instructions are asked about first', () => {
    const word = fc.constantFrom('a', 'b/c', '..', '.', '/', '/x', '/x/../y', 'd/', './e', '$HOME', '${APP}/f', 'g$V', '../..', 'h//i', '"q r"');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (words, asked, second) => {
        const text = `FROM debian:12 AS one\n${words.map((w, i) => `WORKDIR ${w}\nRUN step${i}\n`).join('')}${second ? 'FROM one\nWORKDIR z\nRUN last\n' : ''}`;
        const file = parseDockerfile(text);
        // The reference: each WORKDIR resolved against the one before, as BuildKit does.
        let dir: ImagePath = { base: 'image', path: '.' };
        const expected = new Map<number, ImagePath>();
        for (const inst of file.instructions) {
          if (inst.keyword === 'WORKDIR') dir = resolveIn(dir, text.slice(inst.argsSpan!.start, inst.argsSpan!.end).replace(/^"(.*)"$/, '$1'));
          else if (inst.keyword === 'FROM' && inst.index > 0) continue;
          expected.set(inst.index, dir);
        }
        const runs = file.instructions.filter((i) => i.keyword === 'RUN');
        for (const k of asked) {
          const inst = runs[k % Math.max(runs.length, 1)];
          if (inst !== undefined) expect(workdirAt(file, inst)).toEqual(expected.get(inst.index));
        }
        for (const inst of runs) expect(workdirAt(file, inst)).toEqual(expected.get(inst.index));
        expect(workdirAtEnd(file, file.stages.at(-1)!)).toEqual(dir);
      }),
      { numRuns: 500 },
    );
  });

  it('expands the variables every build gives the same value, and keeps the others as written', () => {
    const text = [
      'ARG BASE=/srv',
      'FROM debian:12',
      'ENV APP_HOME=/app',
      'WORKDIR $APP_HOME',
      'RUN one',
      'ARG BASE',
      'ARG VERSION=1.2',
      'WORKDIR ${BASE}/v${VERSION}',
      'RUN two',
      'WORKDIR "$HOME/data"',
      'RUN three',
      'ENV APP_HOME=/other',
      'WORKDIR $APP_HOME/sub',
      'RUN four',
      'ENV FROM_ARG=$VERSION',
      'WORKDIR /x/$FROM_ARG',
      'RUN five',
    ].join('\n');
    const file = parseDockerfile(`${text}\n`);
    const at = (cmd: string) => workdirAt(file, file.instructions.find((i) => i.keyword === 'RUN' && file.text.slice(i.span.start, i.span.end).endsWith(cmd))!);
    expect(at('one')).toEqual({ base: 'root', path: '/app' });
    // A build argument's default is one build's value: another build may name another folder.
    expect(at('two')).toEqual({ base: 'root', path: '${BASE}/v${VERSION}' });
    // HOME comes from the base image, which the Dockerfile does not show: kept as written.
    expect(at('three')).toEqual({ base: 'root', path: '$HOME/data' });
    expect(absoluteFolder(at('three'), '/')).toBeNull();
    expect(at('four')).toEqual({ base: 'root', path: '/other/sub' });
    // An ENV made from a build argument is as changeable as the argument.
    expect(at('five')).toEqual({ base: 'root', path: '/x/$FROM_ARG' });
  });

  it('states the final WORKDIR as a run-time fact as joining each to the one before gives', () => {
    const word = fc.constantFrom('a', 'b/', '/', '//', '/x', 'c//', 'd/e/', '.', '..', '$A', '/y/');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        let dir: string | null = null;
        for (const w of words) dir = w.startsWith('/') || dir === null ? w : `${dir.replace(/\/+$/, '')}/${w}`;
        const facts = runtimeFacts(parseDockerfile(`FROM a\n${words.map((w) => `WORKDIR ${w}\n`).join('')}CMD ["x"]\n`));
        expect(facts?.workdir).toBe(dir ?? '(inherited)');
      }),
      { numRuns: 2000 },
    );
  });

  it('resolves the last of tens of thousands of relative WORKDIRs without resolving each', () => {
    const n = 400;
    const text = `FROM debian:12\n${Array.from({ length: n }, (_, i) => `WORKDIR d${i}\n`).join('')}CMD ["x"]\n`;
    const file = parseDockerfile(text);
    expect(workdirAt(file, file.instructions.at(-1)!)).toEqual({ base: 'image', path: Array.from({ length: n }, (_, i) => `d${i}`).join('/') });
  });

  it('takes a folder longer than PATH_MAX for an unknown one named after its WORKDIR, below which the chain goes on', () => {
    // /d0/d1/…: the folder passes 4,096 characters at the 842nd WORKDIR (line 844).
    const n = 40_000;
    const words = Array.from({ length: n }, (_, i) => (i === 842 || i % 1000 === 999 ? '..' : `d${i}`));
    const text = `FROM debian:12\nWORKDIR /\n${words.map((w) => `WORKDIR ${w}\n`).join('')}CMD ["x"]\n`;
    // The reference: each WORKDIR resolved in turn, with the same rule.
    const unknown = (line: number): ImagePath => ({ base: 'root', path: `$<folder of the WORKDIR on line ${line}, longer than PATH_MAX>` });
    const expected: ImagePath[] = [];
    let dir: ImagePath = { base: 'root', path: '/' };
    words.forEach((w, i) => {
      const next = resolveIn(dir, w);
      const marker = dir.path.startsWith('$<') ? dir.path.slice(0, dir.path.indexOf('>') + 1) : null;
      dir = (marker !== null && !next.path.startsWith(marker)) || next.path.length > 4096 ? unknown(i + 3) : next;
      expected.push(dir);
    });
    expect(expected[840]!.path.startsWith('/d0/d1/')).toBe(true);
    expect(expected[841]).toEqual(unknown(844));
    expect(expected[842]).toEqual(unknown(845)); // `..` climbs out of the unknown folder: another one
    expect(expected[843]).toEqual({ base: 'root', path: `${unknown(845).path}/d843` });
    expect(absoluteFolder(expected.at(-1)!, '/')).toBeNull();

    // Asked in order, backwards, or only at the end: the same folders.
    const cmd = (f: ReturnType<typeof parseDockerfile>) => f.instructions.at(-1)!;
    const inOrder = parseDockerfile(text);
    const workdirs = inOrder.instructions.filter((i) => i.keyword === 'WORKDIR').slice(1);
    workdirs.forEach((inst, i) => expect(workdirAt(inOrder, inOrder.instructions[inst.index + 1]!)).toEqual(expected[i]));
    const backwards = parseDockerfile(text);
    for (let i = n - 1; i >= n - 600; i--) expect(workdirAt(backwards, backwards.instructions[workdirs[i]!.index + 1]!)).toEqual(expected[i]);
    const atEnd = parseDockerfile(text);
    expect(workdirAt(atEnd, cmd(atEnd))).toEqual(expected.at(-1));
  });
});
