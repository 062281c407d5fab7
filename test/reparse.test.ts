import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusPresent, loadCorpus } from '../bench/corpus.js';
import { nodeSpan, parseDockerfile } from '../src/dockerfile/parse.js';
import { reparse } from '../src/dockerfile/reparse.js';
import type { ParsedDockerfile } from '../src/dockerfile/types.js';
import { validate } from '../src/dockerfile/validate.js';
import { properties } from '../src/dockerfile/variables.js';
import { applyEdits } from '../src/engine/edits.js';
import type { Edit } from '../src/engine/types.js';

/** Everything a parse says, as plain data: the node's values, and its positions as this file's offsets. */
function shape(file: ParsedDockerfile): unknown {
  return {
    text: file.text,
    escape: file.escape,
    directives: file.directives,
    comments: file.comments,
    facts: [file.bom, file.eol, file.finalNewline],
    instructions: file.instructions.map(({ node, nodeShift, ...inst }) => ({
      ...inst,
      range: nodeSpan(file.instructions[inst.index]!, node.getRange()),
      args: node.getArguments().map((a) => [a.getValue(), nodeSpan(file.instructions[inst.index]!, a.getRange())]),
      properties: ['ARG', 'ENV', 'LABEL'].includes(inst.keyword) ? properties(file, file.instructions[inst.index]!) : null,
    })),
    stages: file.stages.map((s) => ({ ...s, from: s.from.index, instructions: s.instructions.map((i) => i.index) })),
  };
}

function reparsed(text: string, edits: readonly Edit[]): { before: ParsedDockerfile; after: ParsedDockerfile } {
  const before = parseDockerfile(text);
  const after = reparse(before, edits, applyEdits(text, edits));
  expect(shape(after), JSON.stringify({ text, edits })).toEqual(shape(parseDockerfile(applyEdits(text, edits))));
  return { before, after };
}

/** Edits sorted and apart (as a pass's are: no two touch), or null. */
function apart(edits: Edit[]): Edit[] | null {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.every((e, i) => i === 0 || sorted[i - 1]!.end < e.start) ? sorted : null;
}

const line = fc.constantFrom(
  'FROM alpine AS base',
  'FROM base',
  'RUN echo hi',
  'RUN echo a \\\n && echo b',
  'RUN a \\\n  # note\n  b',
  'RUN cat <<EOF\nhello\nEOF',
  'RUN cat 3<<EOF\nRUN x\nEOF',
  'RUN echo "a <<EOF"',
  'RUN <<A cat - <<-B\n\tA\nA\n\tB',
  'RUN cat << EOF\nRUN y\nEOF',
  'COPY <<a.txt /dst/\nA\na.txt',
  'ENV A=1 B="two words"',
  'ARG V=1',
  'LABEL x=y',
  'COPY --from=base /a /b',
  'RUN ["sh", "-c", "x"]',
  '# comment',
  '  RUN indented',
  '',
);

/** What edits write: continuations and heredocs left open, comments, new instructions, line endings, both escape characters. */
const written = fc.constantFrom('', '# syntax=x\n', '\r', '\t# check=y', ' \\', ' \\\n', ' `\n', '\n', '\r\n', ' <<EOF', ' <<EOF\n', ' 3<<EOF\n', ' << EOF\n', ' "<<EOF"\n', 'EOF\n', '# c\n', '\n# c \\\n', 'RUN z\n', 'FROM x AS base\n', 'ARG V=2\n', ' && true', '"', '[');

describe('reparse', () => {
  it('reads a file after edits as a whole parse does, on generated files and edits', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 9 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.nat(12), written), { minLength: 1, maxLength: 3 }),
        (lines, eol, escapeTick, bom, picks) => {
          const body = lines.join('\n');
          const text = (bom ? '\uFEFF' : '') + (escapeTick ? `# escape=\`\n${body.replaceAll('\\\n', '`\n')}` : body).replaceAll('\n', eol);
          const edits = apart(
            picks.map(([at, length, t]) => {
              const start = at % (text.length + 1);
              return { start, end: Math.min(text.length, start + length), text: t };
            }),
          );
          if (edits !== null && !edits.some((e) => (bom && e.start === 0) || (e.text === '' && e.start === e.end))) reparsed(text, edits);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.skipIf(!corpusPresent())('reads every file of the corpus after edits of its middle and last instructions as a whole parse does', () => {
    let files = 0;
    for (const f of loadCorpus()) {
      if (f.text === null) continue;
      const all = parseDockerfile(f.text).instructions;
      if (all.length === 0) continue;
      const middle = all[all.length >> 1]!;
      for (const t of [' \\', ' <<EOF\n']) reparsed(f.text, [{ start: middle.span.end, end: middle.span.end, text: t }]);
      reparsed(f.text, [{ start: middle.span.start, end: middle.span.end, text: 'RUN a \\\n && b' }]);
      reparsed(f.text, [{ start: all.at(-1)!.span.end, end: all.at(-1)!.span.end, text: ' \\' }]);
      files++;
    }
    expect(files).toBeGreaterThan(500);
  });

  it('reads only what the edits touch: the other instructions keep their nodes, moved', () => {
    const text = 'FROM debian AS build\nRUN apt-get update\nENV A=1\nRUN make\nFROM build\nCOPY --from=build /a /b\n';
    const at = text.indexOf('update');
    const { before, after } = reparsed(text, [{ start: at, end: at + 'update'.length, text: 'update \\\n && apt-get install -y curl' }]);
    expect(after.instructions.map((i) => i.node === before.instructions[i.index]!.node)).toEqual([true, false, true, true, true, true]);
    expect(after.instructions[2]!.line).toBe(4);
    expect(properties(after, after.instructions[2]!)).toEqual([{ name: 'A', raw: '1', valueSpan: { start: after.text.indexOf('A=1') + 2, end: after.text.indexOf('A=1') + 3 } }]);
    expect(after.stages[1]!.base).toEqual({ kind: 'stage', stage: 0 });
  });

  it('validates as a whole parse does: an untouched instruction keeps its verdict only where what comes before it is the same', () => {
    const text = 'ARG V=1\nFROM debian:$V\nRUN make\nUSER app\n';
    // Commenting the FROM out leaves the untouched RUN first after an ARG: invalid, though its node is the one validated before.
    const from = { start: text.indexOf('FROM'), end: text.indexOf('FROM'), text: '# ' };
    const removed = reparsed(text, [from]);
    expect(validate(removed.before)).toBeNull();
    expect(removed.after.instructions[1]!.node).toBe(removed.before.instructions[2]!.node);
    expect(validate(removed.after)).toEqual({ line: 3, message: 'RUN before the first FROM (only ARG may come first)' });
    expect(validate(removed.after)).toEqual(validate(parseDockerfile(removed.after.text)));
    // An edit that makes an instruction invalid is checked again; the ones it leaves are not wrongly re-used.
    const flag = text.indexOf('make');
    const broken = reparsed(text, [{ start: flag, end: flag, text: '--bogus ' }]);
    expect(validate(broken.after)).toEqual({ line: 3, message: 'unknown flag: --bogus' });
  });

  it('reads on past the edits where they leave a continuation or a heredoc open, as the whole parse does', () => {
    const text = 'FROM a\nRUN one\n\n# between\nRUN two\nCMD three\n';
    const end = text.indexOf('one') + 3;
    // The continuation takes `RUN two` in; the heredoc, never closed, the rest of the file; a backtick is no escape here.
    const counts = [' \\', ' <<EOF', ' `'].map((opened) => reparsed(text, [{ start: end, end, text: opened }]).after.instructions.length);
    expect(counts).toEqual([3, 2, 4]);
    reparsed(`# escape=\`\n${text}`, [{ start: end + 11, end: end + 11, text: ' `' }]);
  });

  it('reads the whole file again for an edit before the first instruction, and keeps the parser directives', () => {
    const text = '# syntax=docker/dockerfile:1\n# escape=`\n\nFROM a\nRUN b `\n  c\n';
    const { after } = reparsed(text, [{ start: 0, end: 0, text: '# a comment\n' }]);
    expect(after.escape).toBe('\\');
    const run = text.indexOf('RUN');
    expect(reparsed(text, [{ start: run, end: run + 3, text: 'run' }]).after.escape).toBe('`');
  });

  it('keeps a comment written first in the edited part a comment, never a parser directive', () => {
    // The part read again starts at the line of the first instruction the edits touch, here indented.
    const text = 'FROM a\n  RUN b\nRUN c\n';
    const at = text.indexOf('RUN b');
    const { after } = reparsed(text, [{ start: at, end: at + 5, text: '# syntax=x\n# escape=`\nRUN b' }]);
    expect(after.escape).toBe('\\');
    expect(after.comments.map((c) => c.text)).toEqual(['syntax=x', 'escape=`']);
  });

  it('reads the whole file again where an edit makes the first instruction a comment that may be a parser directive', () => {
    // Only directives (or nothing) come before the first instruction: its line, now a comment, is read as one more.
    expect(reparsed('\uFEFF\tCMD x\nRUN y\n', [{ start: 2, end: 7, text: '# escape=`' }]).after.escape).toBe('`');
    expect(reparsed('# syntax=a\n  FROM a\nRUN b\n', [{ start: 13, end: 19, text: '# check=x\nFROM a' }]).after.directives.map((d) => d.name)).toEqual(['syntax', 'check']);
  });

  it('reads the whole file again where a lone CR ends a line for dockerfile-ast and not for the cut', () => {
    reparsed('FROM a\nRUN b\nRUN c\n', [{ start: 10, end: 10, text: '\rRUN d' }]);
    reparsed('FROM a\nRUN b\rRUN c\nRUN d\n', [{ start: 16, end: 16, text: ' x' }]);
  });

  it('makes the tree on demand from a getter the parsed files share, not one of their own', () => {
    // An object literal with a getter gets a hidden class of its own, in the old generation, whose
    // getter keeps the text and tree alive through every young collection until a full one.
    const { after } = reparsed('FROM a\nRUN b\n', [{ start: 12, end: 13, text: 'c' }]);
    expect(Object.getOwnPropertyDescriptor(after, 'ast')).toBeUndefined();
    expect(Object.getOwnPropertyNames(after).filter((k) => Object.getOwnPropertyDescriptor(after, k)!.get !== undefined)).toEqual([]);
    expect(after.ast.getInstructions().map((i) => i.getKeyword())).toEqual(['FROM', 'RUN']);
    expect(after.ast).toBe(after.ast);
  });

  it('keeps the byte-order mark out of the first instruction it reads again', () => {
    const text = '\uFEFFFROM a\nRUN b\n';
    const { after } = reparsed(text, [{ start: 6, end: 7, text: 'alpine' }]);
    expect(after.instructions[0]!.keyword).toBe('FROM');
    expect(after.stages[0]!.base).toMatchObject({ kind: 'image', ref: { name: 'alpine' } });
  });

  it('numbers stages and instructions again when an edit adds or removes a stage', () => {
    const text = 'FROM a AS one\nRUN x\nFROM one AS two\nRUN y\nFROM two\nCMD z\n';
    const second = text.indexOf('FROM one');
    const added = reparsed(text, [{ start: second, end: second, text: 'FROM b AS one\n' }]).after;
    expect(added.stages.map((s) => [s.name, s.base.kind])).toEqual([['one', 'image'], ['one', 'image'], ['two', 'stage'], [null, 'stage']]);
    const removed = reparsed(text, [{ start: second, end: text.indexOf('FROM two'), text: '' }]).after;
    expect(removed.stages.map((s) => [s.index, s.base.kind, s.instructions.length])).toEqual([[0, 'image', 1], [1, 'image', 1]]);
  });
});
