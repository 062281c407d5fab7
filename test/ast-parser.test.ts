import type { Argument, Dockerfile } from 'dockerfile-ast';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { corpusPresent, loadCorpus } from '../bench/corpus.js';
import { parseAst } from '../src/dockerfile/astParser.js';
import { readHeredocs } from '../src/dockerfile/heredocs.js';

/**
 * dockerfile-ast as shipped: a copy of the package loaded apart from the one
 * astParser.ts changes (that one's instructions tokenise with dockshift's tokeniser).
 */
function shippedPackage(): typeof import('dockerfile-ast') & { Parser: { prototype: object } } {
  const require = createRequire(import.meta.url);
  const ours = Object.keys(require.cache).filter((k) => k.includes('/node_modules/dockerfile-ast/'));
  const kept = new Map(ours.map((k) => [k, require.cache[k]]));
  for (const k of ours) delete require.cache[k];
  try {
    const shipped = require('dockerfile-ast') as typeof import('dockerfile-ast');
    const { Parser } = require('dockerfile-ast/lib/parser.js') as { Parser: { prototype: object } };
    return { ...shipped, Parser };
  } finally {
    for (const k of Object.keys(require.cache)) if (k.includes('/node_modules/dockerfile-ast/')) delete require.cache[k];
    for (const [k, m] of kept) require.cache[k] = m;
  }
}
const { DockerfileParser, Parser } = shippedPackage();

/**
 * Where a heredoc ends is the one thing parseAst reads otherwise, as BuildKit does
 * (src/dockerfile/heredocs.ts): the shipped parser is given that reading, and the trees must
 * then be the same in every other way.
 */
(Parser.prototype as { processHeredocs: unknown }).processHeredocs = function (
  this: { buffer: string; escapeChar: string; document: { offsetAt(p: unknown): number } },
  instruction: { getRange(): { start: unknown } },
  offset: number,
) {
  return readHeredocs(this.buffer, this.document.offsetAt(instruction.getRange().start), offset, this.escapeChar).end;
};

/** Everything dockshift reads from the tree, as plain data. */
function shape(ast: Dockerfile): unknown {
  return {
    escape: ast.getEscapeCharacter(),
    directives: ast.getDirectives().map((d) => [d.getName(), d.getValue(), d.getRange()]),
    comments: ast.getComments().map((c) => [c.getContent(), c.getRange()]),
    instructions: ast.getInstructions().map((i) => {
      const node = i as unknown as {
        getHeredocs?: () => { getName(): string; getStartRange(): unknown; getContentRange(): unknown; getDelimiterRange(): unknown }[];
        getOpeningBracket?: () => Argument | null;
        getClosingBracket?: () => Argument | null;
        getJSONStrings?: () => Argument[];
        getFlags?: () => { getName(): string; getValue(): string | null; getRange(): unknown }[];
      };
      const argument = (a: Argument | null | undefined) => (a ? [a.getValue(), a.getRange()] : a);
      return {
        keyword: i.getKeyword(),
        range: i.getRange(),
        instructionRange: i.getInstructionRange(),
        // Before anything asks for the arguments: the range is then read without them.
        argumentsRange: i.getArgumentsRange(),
        json: [argument(node.getOpeningBracket?.()), argument(node.getClosingBracket?.()), node.getJSONStrings?.().map(argument)],
        args: i.getArguments().map(argument),
        flags: node.getFlags?.().map((f) => [f.getName(), f.getValue(), f.getRange()]),
        heredocs: orThrown(() => node.getHeredocs?.().map((h) => [h.getName(), h.getStartRange(), h.getContentRange(), h.getDelimiterRange()]) ?? null),
      };
    }),
  };
}

/** dockerfile-ast's `getHeredocs` throws on some odd text (a carriage return alone after an escape): both trees must then throw. */
function orThrown(read: () => unknown): unknown {
  try {
    return read();
  } catch (err) {
    return { thrown: (err as Error).message };
  }
}

const same = (text: string) => expect(shape(parseAst(text)), JSON.stringify(text)).toEqual(shape(DockerfileParser.parse(text)));

const line = fc.constantFrom(
  'FROM alpine',
  'RUN echo hi',
  'RUN cat <<EOF\nhello\nEOF',
  'RUN cat 3<<EOF\nRUN x\nEOF',
  'RUN echo "a <<EOF"',
  'RUN <<A cat - <<-B\n\tA\nA\n\tB',
  'RUN cat << EOF\nRUN y\nEOF',
  'RUN <<-EOT bash\n\techo x\n\tEOT',
  'COPY <<a.txt <<b.txt /dst/\nA\na.txt\nB\nb.txt',
  'ADD <<X /x\ny\nX',
  'RUN a < in > out',
  'RUN <\\\n<EOF cat\nbody\nEOF',
  'RUN echo \\\n  <<EOF\nx\nEOF',
  'ONBUILD RUN cat <<EOF\nz\nEOF',
  'RUN x <<<"here"',
  'RUN echo a \\\n && echo b',
  '# comment <<EOF',
  'RUN ["sh", "-c", "cat <<EOF"]',
  'ENV A=<<B',
  'RUN --mount=type=cache,target=/c <<EOF\nls\nEOF',
  'RUN cat << EOF\nnot a heredoc\nEOF',
  'RUN cat <<"QUOTED"\n$x\nQUOTED',
  'RUN cat <<EOF',
  '',
);

/** Argument text the tokeniser must read as dockerfile-ast does: escapes, line breaks, comments, `$`, both escape characters. */
const argumentSoup = fc
  .array(fc.constantFrom('a', 'b1', ' ', '  ', '\t', '\\', '`', '\n', '\r\n', '\r', '#', '# c', '$', '$x', '"', "'", '=', '--f=1', '[', ']', ','), { maxLength: 24 })
  .map((parts) => parts.join(''));

describe('parseAst', () => {
  it('tokenises arguments as dockerfile-ast does, on generated argument text', () => {
    fc.assert(
      fc.property(fc.constantFrom('RUN', 'FROM', 'ENV', 'COPY', 'ADD', 'LABEL', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'USER', 'HEALTHCHECK', 'ONBUILD RUN'), argumentSoup, fc.boolean(), (keyword, args, escapeTick) => {
        same(`${escapeTick ? '# escape=`\n' : ''}FROM a\n${keyword} ${args}\nRUN x\n`);
        same(`${keyword}${args}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same tree as dockerfile-ast on generated files with and without heredocs', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, escapeTick) => {
        const body = lines.join('\n');
        const text = (escapeTick ? `# escape=\`\n${body.replaceAll('\\\n', '`\n')}` : body).replaceAll('\n', eol);
        same(text);
      }),
      { numRuns: 500 },
    );
  });

  it.skipIf(!corpusPresent())('gives the same tree as dockerfile-ast on every file of the corpus', () => {
    let files = 0;
    for (const f of loadCorpus()) {
      if (f.text === null) continue;
      same(f.text);
      files++;
    }
    expect(files).toBeGreaterThan(500);
  });

  it('finds JSON arrays where dockerfile-ast does, whatever the first argument starts with', () => {
    const args = ['[]', '["a"]', ' ["a"]', '] ["a"]', '\\[]', '\\\n ["a", "b"]', '`[]', '`\n["a"]', '"[a]"', 'a [b]', '--mount=x ["a"]', 'x--y ["a"]', ', ["a"]', '$[]'];
    for (const escape of ['\\', '`']) {
      for (const keyword of ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'COPY', 'ADD']) {
        for (const a of args) same(`# escape=${escape}\nFROM a\n${keyword} ${a}\n`);
      }
    }
  });

  it('tells a byte order mark as dockerfile-ast does, before directives, instructions or anything else', () => {
    for (const start of ['\uFEFF', '', '\uFEFE', '\uFFFE', '\uD800', '\u00EF', 'é', '\uFEFF\uFEFF']) {
      for (const rest of ['# escape=`\nFROM a\nRUN b `\n c\n', 'FROM a\n', '# syntax=x\n\nFROM a\n', '', '\n\nFROM a AS b\n']) same(`${start}${rest}`);
    }
  });

  it('reads a text afresh when a parser is asked to parse again', () => {
    // parseAst makes a parser per text; one reused must not carry what it found in the last text.
    const text = 'FROM a\nRUN ["a"]\nRUN [x]\n';
    const require = createRequire(import.meta.url);
    const { Parser } = require('dockerfile-ast/lib/parser.js') as { Parser: { prototype: { parse(text: string): Dockerfile } } };
    const shipped = Parser.prototype.parse;
    let parser: { parse(text: string): Dockerfile } | null = null;
    Parser.prototype.parse = function (this: { parse(text: string): Dockerfile }, text: string) {
      parser ??= this;
      return shipped.call(this, text);
    };
    try {
      parseAst(text);
    } finally {
      Parser.prototype.parse = shipped;
    }
    expect(shape(parser!.parse(text))).toEqual(shape(DockerfileParser.parse(text)));
  });

  it('keeps arguments apart from what callers do with their copies', () => {
    const text = 'FROM --platform=linux/amd64 registry.example/team/app:1.2@sha256:abc AS build\nRUN --mount=type=cache,target=/c make\n';
    const ast = parseAst(text);
    const [from, run] = ast.getInstructions() as unknown as [{ getImageNameRange(): unknown; getArguments(): { getRange(): unknown }[] }, { getArguments(): unknown[]; getFlags(): unknown[] }];
    const before = JSON.stringify(from.getArguments().map((a) => a.getRange()));
    from.getImageNameRange(); // assigns the start and end of the range it gets
    from.getImageNameRange();
    expect(JSON.stringify(from.getArguments().map((a) => a.getRange()))).toBe(before);
    expect(run.getArguments()).toHaveLength(1); // the flag is shifted off a copy, each time
    expect(run.getArguments()).toHaveLength(1);
    expect(shape(ast)).toEqual(shape(DockerfileParser.parse(text)));
  });
});
