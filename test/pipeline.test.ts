import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import type { ParsedDockerfile, Span } from '../src/dockerfile/types.js';
import { applyEdits, editProblem, mapBack, overlaps } from '../src/engine/edits.js';
import { memoryBuildContext, type BuildContext } from '../src/engine/context.js';
import { MAX_PASSES, runPipeline, type PipelineOutput, type PipelineResult } from '../src/engine/pipeline.js';
import { allTransforms, configure } from '../src/engine/select.js';
import { change, defineTransform, reviewChange, dependingOn, fileEdit, keeping, newFile, refusal, type ConfiguredTransform, type Edit, type Finding, type Keyword, type Touches } from '../src/engine/types.js';

const KEYWORDS: Keyword[] = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];

/** May add, rewrite and remove any instruction, but not stages, runtime facts or files. */
export const ANY_INSTRUCTION: Touches = { instructions: Object.fromEntries(KEYWORDS.map((k) => [k, ['edit', 'add', 'remove']])) };

/** A transform made of one function, with no options. */
function transform(name: string, run: (file: ParsedDockerfile, context: BuildContext | null) => Finding[], touches: Touches = ANY_INSTRUCTION): ConfiguredTransform {
  const t = defineTransform({
    meta: {
      name,
      summary: name,
      docs: name,
      hadolint: [],
      defaultEnabled: false,
      options: {},
      touches: { runtime: ['command', 'user', 'workdir', 'env', 'expose'], newFiles: ['.dockerignore'], editFiles: ['.dockerignore'], ...touches },
      refusals: { early: 'early', late: 'late', 'uses-variable': 'uses a variable' },
    },
    run: (file, ctx) => run(file, ctx.buildContext),
  });
  return { transform: t, options: {} };
}

/** Replaces the first `from` with `to` while `from` is in the file. */
function replace(name: string, from: string, to: string): ConfiguredTransform {
  return transform(name, (file) => {
    const start = file.text.indexOf(from);
    return start === -1 ? [] : [change(start, `${from} -> ${to}`, [{ start, end: start + from.length, text: to }])];
  });
}

/** Bumps alpine:3.19 to 3.20, keeping `ranges` of the file as written and admitting what `admits` does there. */
function bumpKeeping(ranges: (file: ParsedDockerfile) => Span[], admits: (e: Edit) => boolean): ConfiguredTransform {
  return transform('keeper', (file) => {
    const from = file.text.indexOf('alpine:3.19');
    if (from === -1) return [];
    const made = change(from, 'bump', [{ start: from, end: from + 'alpine:3.19'.length, text: 'alpine:3.20' }]);
    return [keeping(made, { ranges: ranges(file), admits })];
  });
}

/** Runs `a` and `b` in both orders: whichever comes second waits a pass, so both give `output` in three passes. */
function waitsInEitherOrder(text: string, a: ConfiguredTransform, b: ConfiguredTransform, output: string): void {
  for (const order of [
    [a, b],
    [b, a],
  ]) {
    const r = ok(runPipeline(text, order));
    expect(r.output).toBe(output);
    expect(r.passes).toBe(3);
  }
}

/** Bumps alpine:3.19 once node_modules is out of the build context, as deps-first acts; refuses before. */
function bumpOnceNodeModulesIsOut(): ConfiguredTransform {
  return transform('bump', (file, ctx) => {
    const at = file.text.indexOf('alpine:3.19');
    if (at === -1) return [];
    if (ctx!.sends('node_modules')) return [refusal(at, 'late', 'node_modules is in the context')];
    return [change(at, 'bump', [{ start: at, end: at + 'alpine:3.19'.length, text: 'alpine:3.20' }])];
  });
}

function ok(result: PipelineResult): PipelineOutput {
  if (!result.ok) throw new Error(`pipeline failed: ${result.error.message}`);
  return result;
}

const BASE = 'FROM alpine:3.19 AS build\nRUN apk add --no-cache curl\nUSER root\nCMD ["sh"]\n';

describe('runPipeline', () => {
  it('composes non-overlapping changes from two transforms in one pass', () => {
    const result = ok(runPipeline(BASE, [replace('bump', 'alpine:3.19', 'alpine:3.20'), replace('user', 'USER root', 'USER app')]));
    expect(result.output).toBe('FROM alpine:3.20 AS build\nRUN apk add --no-cache curl\nUSER app\nCMD ["sh"]\n');
    // One pass applies both, the next confirms nothing is left.
    expect(result.passes).toBe(2);
    expect(result.changes).toEqual([
      { transform: 'bump', line: 1, column: 6, message: 'alpine:3.19 -> alpine:3.20', tier: 'safe', hadolint: [] },
      { transform: 'user', line: 3, column: 1, message: 'USER root -> USER app', tier: 'safe', hadolint: [] },
    ]);
  });

  it('defers a change whose dependsOn text an earlier change of the pass edits, and decides it again on the new text', () => {
    // Writes the FROM's tag into the USER line: decided from the FROM, which `bump` edits.
    const echo = transform('echo', (file) => {
      const tag = /alpine:(\S+)/.exec(file.text)![1]!;
      const user = file.text.indexOf('USER root');
      if (user === -1) return [];
      const from = file.stages[0]!.from.span;
      return [dependingOn(change(user, 'user from tag', [{ start: user, end: user + 'USER root'.length, text: `USER app-${tag}` }]), [from])];
    });
    const result = ok(runPipeline(BASE, [replace('bump', 'alpine:3.19', 'alpine:3.20'), echo]));
    expect(result.output).toBe('FROM alpine:3.20 AS build\nRUN apk add --no-cache curl\nUSER app-3.20\nCMD ["sh"]\n');
    expect(result.passes).toBe(3);
    // Without the dependency both apply in one pass, the second from the old text.
    const blind = transform('blind', (file) => echo.transform.run(file, { path: null, options: {}, buildContext: null, ignoredRules: new Set() }).map((f) => (f.kind === 'change' ? { ...f, dependsOn: [] } : f)));
    expect(ok(runPipeline(BASE, [replace('bump', 'alpine:3.19', 'alpine:3.20'), blind])).output).toContain('USER app-3.19');
  });

  it('lets a change keep ranges it relies on: another change edits inside only what it admits, in either order', () => {
    const text = 'FROM alpine:3.19\nRUN apk add curl && echo done\nCMD ["sh"]\n';
    // Rewrites the FROM, keeping the RUN's body as it is, and admits only words added to it.
    const keeper = bumpKeeping((file) => [file.instructions[1]!.argsSpan!], (e) => e.start === e.end && /^ [\w-]+$/.test(e.text));
    const insert = (name: string, word: string) =>
      transform(name, (file) => {
        const at = file.text.indexOf('apk add') + 'apk add'.length;
        return file.text.includes(word) ? [] : [change(at, name, [{ start: at, end: at, text: word }])];
      });
    const flag = insert('flag', ' --no-cache');
    const cd = insert('cd', '; cd /tmp;');
    // A word it admits: both in the first pass.
    expect(ok(runPipeline(text, [keeper, flag])).passes).toBe(2);
    expect(ok(runPipeline(text, [flag, keeper])).passes).toBe(2);
    // Anything else: the later of the two waits for the next pass, whichever comes first.
    waitsInEitherOrder(text, keeper, cd, 'FROM alpine:3.20\nRUN apk add; cd /tmp; curl && echo done\nCMD ["sh"]\n');
    // At the kept range's very edge (the body's end) counts as inside.
    const atEnd = transform('at-end', (file) => {
      const at = file.instructions[1]!.argsSpan!.end;
      return file.text.includes('; true') ? [] : [change(at, 'end', [{ start: at, end: at, text: '; true' }])];
    });
    expect(ok(runPipeline(text, [keeper, atEnd])).passes).toBe(3);
  });

  it('makes a change that edits inside two ranges one change keeps wait, though each edit is admitted', () => {
    // The two ranges may become one instruction (a merge of two RUNs), which the change would have rewritten twice.
    const text = 'FROM alpine:3.19\nRUN apk add curl\nRUN apk add git\n';
    const keeper = bumpKeeping((file) => file.instructions.slice(1).map((i) => i.argsSpan!), () => true);
    const quiet = transform('quiet', (file) => {
      if (file.text.includes(' -q')) return [];
      const ats = [...file.text.matchAll(/apk add/g)].map((m) => m.index! + 'apk add'.length);
      return [change(ats[0]!, 'quiet', ats.map((at) => ({ start: at, end: at, text: ' -q' })))];
    });
    waitsInEitherOrder(text, keeper, quiet, 'FROM alpine:3.20\nRUN apk add -q curl\nRUN apk add -q git\n');
  });

  it('defers an overlapping change to the next pass and still applies it', () => {
    const qualify = transform('qualify', (file) => {
      const start = file.text.indexOf('FROM alpine:') + 'FROM '.length;
      if (start < 'FROM '.length) return [];
      return [change(start, 'qualify', [{ start, end: start + 'alpine'.length, text: 'docker.io/library/alpine' }])];
    });
    const result = ok(runPipeline(BASE, [replace('bump', 'alpine:3.19', 'alpine:3.20'), qualify]));
    expect(result.output).toBe(BASE.replace('alpine:3.19', 'docker.io/library/alpine:3.20'));
    expect(result.passes).toBe(3);
    expect(result.changes.map((c) => [c.transform, c.line])).toEqual([
      ['bump', 1],
      ['qualify', 1],
    ]);
  });

  it('applies none of a change when one of its edits overlaps an accepted one', () => {
    const pair = transform('pair', (file) => {
      const from = file.text.indexOf('3.19');
      const user = file.text.indexOf('USER root');
      if (from === -1 || user === -1) return [];
      return [change(from, 'pair', [{ start: from, end: from + 4, text: '3.18' }, { start: user, end: user + 9, text: 'USER nobody' }])];
    });
    const first = ok(runPipeline(BASE, [replace('bump', 'alpine:3.19', 'alpine:3.20'), pair]));
    // `pair` loses its 3.19 edit to `bump` in pass 1; by pass 2 there is no 3.19 left, so it never
    // applies, and its USER edit must not have been applied alone.
    expect(first.output).toBe(BASE.replace('3.19', '3.20'));
    expect(first.changes.map((c) => c.transform)).toEqual(['bump']);
  });

  it('works a change out again when an earlier change of the pass edits text it depends on', () => {
    // Says which tag it saw, on the last line: it edits nothing of the FROM, but depends on it.
    const note = transform('note', (file) => {
      const tag = /alpine:(\S+)/.exec(file.text)?.[1] ?? '?';
      if (file.text.includes('# saw')) return [];
      const from = file.text.indexOf('FROM');
      const end = file.text.length;
      return [dependingOn(change(end, 'note', [{ start: end, end, text: `# saw ${tag}\n` }]), [{ start: from, end: file.text.indexOf('\n', from) }])];
    });
    const result = ok(runPipeline(BASE, [replace('bump', 'alpine:3.19', 'alpine:3.20'), note]));
    expect(result.output).toBe(`${BASE.replace('alpine:3.19', 'alpine:3.20')}# saw 3.20\n`);
    // Without the dependency it would have been applied in pass 1, with what it saw there.
    const blind = transform('blind', (file) => (file.text.includes('# saw') ? [] : [change(file.text.length, 'blind', [{ start: file.text.length, end: file.text.length, text: `# saw ${/alpine:(\S+)/.exec(file.text)?.[1]}\n` }])]));
    expect(ok(runPipeline(BASE, [replace('bump', 'alpine:3.19', 'alpine:3.20'), blind])).output).toBe(`${BASE.replace('alpine:3.19', 'alpine:3.20')}# saw 3.19\n`);
  });

  it('reports a transform that never settles and returns no text', () => {
    const flip = transform('flip', (file) => {
      const a = file.text.indexOf('USER root');
      if (a !== -1) return [change(a, 'to app', [{ start: a, end: a + 9, text: 'USER app' }])];
      const b = file.text.indexOf('USER app');
      return [change(b, 'to root', [{ start: b, end: b + 8, text: 'USER root' }])];
    });
    const result = runPipeline(BASE, [flip]);
    expect(result).toEqual({
      ok: false,
      error: { line: null, message: `transforms did not converge after ${MAX_PASSES} passes; file left unchanged` },
    });
    expect('output' in result).toBe(false);
  });

  it('rejects an edit that crosses a continuation line without covering the instruction', () => {
    const text = 'FROM alpine\nRUN apk update \\\n  && apk add curl\nUSER app\n';
    const partial = transform('partial', (file) => {
      const start = file.text.indexOf('update');
      const end = file.text.indexOf('apk add');
      return [change(start, 'join', [{ start, end, text: 'update && ' }])];
    });
    expect(runPipeline(text, [partial])).toEqual({
      ok: false,
      error: {
        line: 2,
        message: 'transform partial proposed an unsafe edit: edit crosses a line inside the instruction at line 2 without rewriting it whole',
      },
    });

    // The same lines rewritten whole, or an edit inside one of them, are fine.
    const whole = transform('whole', (file) => {
      const run = file.instructions[1]!;
      const replacement = 'RUN apk update && apk add curl';
      return file.text.slice(run.span.start, run.span.end) === replacement
        ? []
        : [change(run.span.start, 'join', [{ start: run.span.start, end: run.span.end, text: replacement }])];
    });
    expect(ok(runPipeline(text, [whole])).output).toBe('FROM alpine\nRUN apk update && apk add curl\nUSER app\n');
    expect(ok(runPipeline(text, [replace('inside', 'add curl', 'add --no-cache curl')])).output).toBe(
      'FROM alpine\nRUN apk update \\\n  && apk add --no-cache curl\nUSER app\n',
    );
  });

  it('rejects a rewrite that changes the stages, naming the original line', () => {
    const text = 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n';
    expect(runPipeline(text, [replace('rename', 'AS build', 'AS builder')])).toEqual({
      ok: false,
      error: { line: 1, message: 'a rewrite changed the build stages; file left unchanged' },
    });
    expect(runPipeline(text, [replace('drop-stage', 'FROM scratch\n', '')])).toEqual({
      ok: false,
      error: { line: 3, message: 'transform drop-stage removed a build stage, which it does not declare it may do; file left unchanged' },
    });
  });

  it('rejects a rewrite that makes the file invalid', () => {
    expect(runPipeline(BASE, [replace('break', 'USER root', 'USR root')])).toEqual({
      ok: false,
      error: { line: 3, message: 'a rewrite made the file invalid (unknown instruction: USR); file left unchanged' },
    });
  });

  it('reports an edit outside the file and a transform that throws', () => {
    const outside = transform('outside', (file) => [change(0, 'x', [{ start: file.text.length, end: file.text.length + 1, text: '' }])]);
    const result = runPipeline(BASE, [outside]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      `transform outside proposed an unsafe edit: edit range [${BASE.length}, ${BASE.length + 1}) is outside the file`,
    );
    const throws = transform('throws', () => {
      throw new Error('boom');
    });
    expect(runPipeline(BASE, [throws])).toEqual({ ok: false, error: { line: null, message: 'transform throws failed: boom' } });
  });

  it('does not count a change that changes nothing', () => {
    const same = transform('same', (file) => {
      const at = file.text.indexOf('USER root');
      return [change(at, 'same', [{ start: at, end: at + 9, text: 'USER root' }])];
    });
    const result = ok(runPipeline(BASE, [same]));
    expect(result.output).toBe(BASE);
    expect(result.changes).toEqual([]);
    expect(result.passes).toBe(1);
  });

  it('dedupes refusals and reports them on original lines after lines were inserted above', () => {
    const text = 'FROM alpine\nRUN echo hi\nCMD echo $HOME\n';
    const insert = transform('insert', (file) => {
      if (file.text.includes('LABEL a=1')) return [];
      const at = file.text.indexOf('\n') + 1;
      return [change(at, 'labels', [{ start: at, end: at, text: 'LABEL a=1\nLABEL b=2\n' }])];
    });
    const refuseCmd = transform('refuse-cmd', (file) =>
      file.instructions.filter((i) => i.keyword === 'CMD').map((i) => refusal(i.span.start, 'uses-variable', 'CMD uses a variable')),
    );
    // Only sees the CMD once the labels are in, so only reports in the second pass.
    const late = transform('late', (file) =>
      file.text.includes('LABEL b=2') ? [refusal(file.text.indexOf('$HOME'), 'late', 'seen after the insert')] : [],
    );
    const result = ok(runPipeline(text, [insert, refuseCmd, late]));
    expect(result.output).toBe('FROM alpine\nLABEL a=1\nLABEL b=2\nRUN echo hi\nCMD echo $HOME\n');
    expect(result.passes).toBe(2);
    expect(result.refusals).toEqual([
      { transform: 'late', line: 3, column: 10, code: 'late', reason: 'seen after the insert' },
      { transform: 'refuse-cmd', line: 3, column: 1, code: 'uses-variable', reason: 'CMD uses a variable' },
    ]);
  });

  it('reports a later-pass change on its original line', () => {
    const text = 'FROM alpine\nRUN echo hi\nUSER root\n';
    const insert = replace('insert', 'FROM alpine\nRUN', 'FROM alpine\nLABEL a=1\nLABEL b=2\nRUN');
    const user = transform('user', (file) => {
      if (!file.text.includes('LABEL a=1')) return [];
      const at = file.text.indexOf('USER root');
      return at === -1 ? [] : [change(at, 'user', [{ start: at, end: at + 9, text: 'USER app' }])];
    });
    const result = ok(runPipeline(text, [insert, user]));
    expect(result.output).toBe('FROM alpine\nLABEL a=1\nLABEL b=2\nRUN echo hi\nUSER app\n');
    expect(result.changes.map((c) => [c.transform, c.line])).toEqual([
      ['insert', 1],
      ['user', 3],
    ]);
  });

  it('says the lines a later-pass message names as the original file numbers them, not inside backticks', () => {
    const text = 'FROM alpine\nRUN echo hi\nCMD echo $HOME\n';
    const insert = transform('insert', (file) => {
      if (file.text.includes('LABEL a=1')) return [];
      const at = file.text.indexOf('\n') + 1;
      return [change(at, 'labels', [{ start: at, end: at, text: 'LABEL a=1\nLABEL b=2\n' }])];
    });
    // Names lines of the text it reads: the RUN and the CMD, 4 and 5 once the labels are in.
    const late = transform('late', (file) => {
      if (!file.text.includes('LABEL b=2')) return [];
      const [run, cmd] = [file.instructions.find((i) => i.keyword === 'RUN')!, file.instructions.find((i) => i.keyword === 'CMD')!];
      return [refusal(cmd.span.start, 'late', `line ${cmd.line} reads what lines ${run.line} and ${cmd.line} set; \`sed -n 4p\` on line 9 stays`)];
    });
    const result = ok(runPipeline(text, [insert, late]));
    expect(result.refusals).toEqual([{ transform: 'late', line: 3, column: 1, code: 'late', reason: 'line 3 reads what lines 2 and 3 set; `sed -n 4p` on line 9 stays' }]);
    // In the first pass nothing moved: the numbers are the file's.
    const first = ok(runPipeline(text, [transform('now', (file) => [refusal(file.instructions[2]!.span.start, 'late', `line ${file.instructions[2]!.line}`)])]));
    expect(first.refusals[0]!.reason).toBe('line 3');
  });

  it('keeps a refusal naming lines of the input when a later pass would name a line an earlier one wrote', () => {
    const text = 'FROM alpine\nENV A=1\nRUN echo hi\nCMD ["sh"]\n';
    const insert = transform('insert', (file) => {
      if (file.text.includes('RUN apk add tini')) return [];
      const at = file.lines.startOf(2);
      return [change(at, 'tini', [{ start: at, end: at, text: 'RUN apk add tini\n' }])];
    });
    // Names the first RUN of the text it reads: the input's in the first pass, the added one after it.
    const first = transform('first', (file) => {
      const run = file.instructions.find((i) => i.keyword === 'RUN')!;
      return [refusal(file.instructions[0]!.span.start, 'late', `line ${run.line} runs a RUN`)];
    });
    const result = ok(runPipeline(text, [insert, first]));
    expect(result.output).toBe('FROM alpine\nRUN apk add tini\nENV A=1\nRUN echo hi\nCMD ["sh"]\n');
    expect(result.refusals.map((r) => r.reason)).toEqual(['line 3 runs a RUN']);
  });

  it("keeps the input's refusal, code and reason, when a later pass refuses there for what an earlier one wrote", () => {
    const text = 'FROM alpine\nENV A=1\nCMD ["sh"]\n';
    const insert = transform('insert', (file) => {
      if (file.text.includes('RUN adduser')) return [];
      const at = file.lines.startOf(3);
      return [change(at, 'user', [{ start: at, end: at, text: 'RUN adduser -D app\n' }])];
    });
    // Refuses the input for its own reason, then the text after it for the RUN the other transform wrote.
    const switcher = transform('switcher', (file) => {
      const run = file.instructions.find((i) => i.keyword === 'RUN');
      return [run === undefined ? refusal(file.instructions[0]!.span.start, 'early', 'line 2 sets A') : refusal(file.instructions[0]!.span.start, 'late', `line ${run.line} runs a RUN`)];
    });
    const result = ok(runPipeline(text, [switcher, insert]));
    expect(result.output).toBe('FROM alpine\nENV A=1\nRUN adduser -D app\nCMD ["sh"]\n');
    expect(result.refusals.map((r) => `${r.code}: ${r.reason}`)).toEqual(['early: line 2 sets A']);
  });

  it('reports the input\'s refusals in place of one a later pass makes on an instruction an earlier one wrote', () => {
    const text = 'FROM alpine\nRUN apk add apache2-utils\nCMD ["app"]\n';
    // Adds a RUN, as non-root-user adds the one that makes the account and its VOLUME's folder.
    const insert = transform('insert', (file) => {
      if (file.text.includes('mkdir')) return [];
      const at = file.lines.startOf(3);
      return [change(at, 'user', [{ start: at, end: at, text: 'RUN mkdir -p /data\n' }])];
    });
    // Refuses on the input's FROM, then, once the RUN is there, on that RUN.
    const split = transform('split', (file) => {
      const added = file.instructions.find((i) => i.keyword === 'RUN' && file.text.slice(i.span.start, i.span.end).includes('mkdir'));
      if (added !== undefined) return [refusal(added.span.start, 'late', '`mkdir -p /data` writes /data')];
      return [refusal(file.instructions[0]!.span.start, 'early', 'the stage installs apache2-utils')];
    });
    const result = ok(runPipeline(text, [insert, split]));
    expect(result.output).toBe('FROM alpine\nRUN apk add apache2-utils\nRUN mkdir -p /data\nCMD ["app"]\n');
    expect(result.refusals.map((r) => [r.line, r.code, r.reason])).toEqual([[1, 'early', 'the stage installs apache2-utils']]);
  });

  it('keeps a refusal quoting an instruction as the input has it when a later pass would quote it as another rewrote it', () => {
    const text = 'FROM alpine\nRUN chmod +x /tini\nRUN apk add git\nENTRYPOINT ["/tini"]\n';
    // Joins the two RUNs, as collapse-run does.
    const merge = transform('merge', (file) => {
      const runs = file.instructions.filter((i) => i.keyword === 'RUN');
      if (runs.length < 2) return [];
      return [change(runs[0]!.span.start, 'merged', [{ start: runs[0]!.span.end, end: runs[1]!.argsSpan!.start, text: ' && ' }])];
    });
    // Quotes the first RUN, as a preview does.
    const quote = transform('quote', (file) => {
      const run = file.instructions.find((i) => i.keyword === 'RUN')!;
      return [refusal(file.instructions[0]!.span.start, 'late', `\`${file.text.slice(run.span.start, run.span.end)}\` keeps the file`)];
    });
    const result = ok(runPipeline(text, [merge, quote]));
    expect(result.output).toBe('FROM alpine\nRUN chmod +x /tini && apk add git\nENTRYPOINT ["/tini"]\n');
    expect(result.refusals.map((r) => r.reason)).toEqual(['`RUN chmod +x /tini` keeps the file']);
  });

  it('keeps a refusal quoting a command inside a RUN as the input has it when a later pass would quote it as another rewrote it', () => {
    const text = 'FROM debian\nRUN apt-get install -y python3-pip\nRUN pip3 install flask\n';
    // Adds a flag inside the second RUN, as install-flags does.
    const flag = transform('flag', (file) => {
      if (file.text.includes('--no-cache-dir')) return [];
      const at = file.text.indexOf('pip3 install') + 'pip3 install'.length;
      return [change(at, 'flagged', [{ start: at, end: at, text: ' --no-cache-dir' }])];
    });
    // Quotes the pip command as it reads it, as install-flags' recommends-needed does.
    const quote = transform('quote', (file) => {
      const pip = /pip3 install[^\n]*/.exec(file.text)![0];
      return [refusal(file.instructions[1]!.span.start, 'late', `the later \`${pip}\` may need gcc`)];
    });
    const result = ok(runPipeline(text, [flag, quote]));
    expect(result.output).toBe('FROM debian\nRUN apt-get install -y python3-pip\nRUN pip3 install --no-cache-dir flask\n');
    expect(result.refusals.map((r) => r.reason)).toEqual(['the later `pip3 install flask` may need gcc']);
  });

  it('keeps a refusal naming the line of an instruction as the input has it when a later pass would describe it as another rewrote it', () => {
    const text = 'FROM alpine\nRUN apk add bash\nRUN apk add curl\nCMD ["sh"]\n';
    // Joins the two RUNs, as collapse-run does: the merged RUN still starts on line 2.
    const merge = transform('merge', (file) => {
      const runs = file.instructions.filter((i) => i.keyword === 'RUN');
      if (runs.length < 2) return [];
      return [change(runs[0]!.span.start, 'merged', [{ start: runs[0]!.span.end, end: runs[1]!.argsSpan!.start, text: ' && ' }])];
    });
    // Says what the first RUN installs, by its line, as distroless-runtime does.
    const installs = transform('installs', (file) => {
      const run = file.instructions.find((i) => i.keyword === 'RUN')!;
      const packages = [...file.text.slice(run.span.start, run.span.end).matchAll(/apk add (\w+)/g)].map((m) => m[1]);
      return [refusal(file.instructions[0]!.span.start, 'late', `line ${run.line} installs ${packages.join(', ')}`)];
    });
    const result = ok(runPipeline(text, [merge, installs]));
    expect(result.output).toBe('FROM alpine\nRUN apk add bash && apk add curl\nCMD ["sh"]\n');
    expect(result.refusals.map((r) => r.reason)).toEqual(['line 2 installs bash']);
  });

  it('refuses, for the transform, a line written after a continuation the file ends in', () => {
    // BuildKit reads the line after `\\` as the RUN's next: a LABEL written there would join it.
    const label = transform('label', (file) => {
      if (file.text.includes('LABEL')) return [];
      const last = file.instructions.at(-1)!;
      const at = file.lines.startOf(last.endLine + 1);
      return [change(last.span.start, 'label', [{ start: at, end: at, text: 'LABEL a=1\n' }])];
    });
    for (const text of ['FROM alpine\nRUN echo hi \\\n', 'FROM alpine\r\nRUN echo hi \\\r\n\r\n', '# escape=`\nFROM alpine\nRUN echo hi `\n']) {
      const result = ok(runPipeline(text, [label]));
      expect(result.output).toBe(text);
      expect(result.refusals).toEqual([
        { transform: 'label', line: text.startsWith('#') ? 3 : 2, column: 1, code: 'continued-at-end', reason: 'the RUN on line ' + (text.startsWith('#') ? 3 : 2) + ' ends in a line continuation with nothing after it: what label would write after it would be read as part of it' },
      ]);
    }
    // A continuation inside the file ends where the next line does not go on: writing after that is fine.
    expect(ok(runPipeline('FROM alpine\nRUN echo \\\n  hi\n', [label])).output).toBe('FROM alpine\nRUN echo \\\n  hi\nLABEL a=1\n');
  });

  it('says the lines a later pass names in a review reason and a proposed file\'s message as the original file numbers them', () => {
    const text = 'FROM alpine\nRUN echo hi\nCMD echo $HOME\n';
    const insert = transform('insert', (file) => {
      if (file.text.includes('LABEL a=1')) return [];
      const at = file.text.indexOf('\n') + 1;
      return [change(at, 'labels', [{ start: at, end: at, text: 'LABEL a=1\nLABEL b=2\n' }])];
    });
    const late = defineTransform({
      meta: { name: 'late', summary: 's', docs: 'd', hadolint: [], defaultEnabled: false, review: 'r', options: {}, touches: { ...ANY_INSTRUCTION, newFiles: ['.dockerignore'] }, refusals: {} },
      run: (file) => {
        if (!file.text.includes('LABEL b=2')) return [];
        const cmd = file.instructions.find((i) => i.keyword === 'CMD')!;
        const findings: Finding[] = [newFile('.dockerignore', '.git\n', `leave .git out: line ${cmd.line} copies nothing`, `line ${cmd.line} reads no .git`)];
        const run = file.instructions.find((i) => i.keyword === 'RUN')!;
        const hi = file.text.indexOf('hi', run.span.start);
        if (file.text.includes('echo hi')) findings.push(reviewChange(run.span.start, `line ${run.line}: hello`, [{ start: hi, end: hi + 2, text: 'hello' }], `the RUN on line ${run.line} says more, and line ${cmd.line} reads it`));
        return findings;
      },
    });
    const result = ok(runPipeline(text, [insert, { transform: late, options: {} }], { buildContext: memoryBuildContext({}) }));
    expect(result.changes.find((c) => c.transform === 'late')).toMatchObject({ line: 2, message: 'line 2: hello', review: 'the RUN on line 2 says more, and line 3 reads it' });
    expect(result.newFiles).toEqual([expect.objectContaining({ message: 'leave .git out: line 3 copies nothing', review: 'line 3 reads no .git' })]);
  });

  it('returns new-file findings without touching the Dockerfile', () => {
    const ignore = transform('ignore', () => [newFile('.dockerignore', 'node_modules\n.git\n', 'add a .dockerignore')]);
    const result = ok(runPipeline(BASE, [ignore]));
    expect(result.output).toBe(BASE);
    expect(result.changes).toEqual([]);
    expect(result.newFiles).toEqual([{ transform: 'ignore', path: '.dockerignore', content: 'node_modules\n.git\n', message: 'add a .dockerignore', tier: 'safe' }]);
  });

  it('runs a transform that touches no instruction only in a pass with no change yet, and reports what the last pass found', () => {
    const seen: string[] = [];
    const proposer = (name: string) =>
      transform(
        name,
        (file) => {
          seen.push(`${name}:${file.text.includes('alpine:3.20') ? 'after' : 'before'}`);
          return [newFile('.dockerignore', file.text.includes('alpine:3.20') ? 'after\n' : 'before\n', 'add a .dockerignore'), refusal(0, 'late', name)];
        },
        { instructions: {} },
      );
    const result = ok(runPipeline(BASE, [proposer('first'), replace('bump', 'alpine:3.19', 'alpine:3.20'), proposer('second')]));
    expect(result.passes).toBe(2);
    // `first` runs before the pass has a change; `second` only once the pass that changed the file is over.
    expect(seen).toEqual(['first:before', 'first:after', 'second:after']);
    expect(result.newFiles.map((f) => [f.transform, f.content])).toEqual([['first', 'after\n']]);
    expect(result.refusals.map((r) => r.transform)).toEqual(['first', 'second']);
  });

  it('reads the files a run proposes back into the build context, until the context settles too', () => {
    const context = memoryBuildContext({ 'node_modules/x/index.js': '1\n' });
    const bump = bumpOnceNodeModulesIsOut();
    // Proposes a .dockerignore, then (once the image is bumped) one more line in it.
    const ignore = transform(
      'ignore',
      (file, ctx) => {
        const text = ctx!.ignoreFile?.text ?? null;
        if (text === null) return [newFile('.dockerignore', 'node_modules\n', 'leave node_modules out'), refusal(0, 'late', 'kept .env')];
        if (file.text.includes('alpine:3.20') && !text.includes('.git')) return [fileEdit('.dockerignore', text, `${text}.git\n`, 'leave .git out')];
        return [];
      },
      { instructions: {} },
    );
    const result = ok(runPipeline(BASE, [bump, ignore], { buildContext: context }));
    expect(result.output).toBe(BASE.replace('alpine:3.19', 'alpine:3.20'));
    expect(result.changes.map((c) => c.transform)).toEqual(['bump']);
    // One proposal, against the context on disk, as it ends up; what the proposer kept stays reported.
    expect(result.newFiles).toEqual([{ transform: 'ignore', path: '.dockerignore', content: 'node_modules\n.git\n', message: 'leave node_modules out; leave .git out', tier: 'safe' }]);
    expect(result.fileEdits).toEqual([]);
    expect(result.refusals.map((r) => [r.transform, r.reason])).toEqual([['ignore', 'kept .env']]);
    // A second run over the output, with the proposal written, has nothing left to do.
    const again = ok(runPipeline(result.output, [bump, ignore], { buildContext: memoryBuildContext({ 'node_modules/x/index.js': '1\n', '.dockerignore': result.newFiles[0]!.content }) }));
    expect([again.changes, again.newFiles, again.fileEdits]).toEqual([[], [], []]);
  });

  it('reports what the proposer kept as it said when proposing, and every review reason of a folded proposal', () => {
    const context = memoryBuildContext({ 'node_modules/x/index.js': '1\n' });
    const bump = bumpOnceNodeModulesIsOut();
    const ignore: ConfiguredTransform = {
      transform: defineTransform({
        meta: { name: 'ignore', summary: 's', docs: 'd', hadolint: [], defaultEnabled: false, review: 'leaves files out', options: {}, touches: { instructions: {}, newFiles: ['.dockerignore'], editFiles: ['.dockerignore'] }, refusals: { kept: 'kept' } },
        run: (file, { buildContext: ctx }) => {
          const text = ctx!.ignoreFile?.text ?? null;
          // Over its own proposal it has less to say of what it kept, under the same code and line.
          if (text === null) return [newFile('.dockerignore', 'node_modules\n', 'leave node_modules out', 'node_modules is left out'), refusal(0, 'kept', 'kept .git and .env')];
          if (file.text.includes('alpine:3.20') && !text.includes('.git')) return [fileEdit('.dockerignore', text, `${text}.git\n`, 'leave .git out', '.git is left out'), refusal(0, 'kept', 'kept .git')];
          return [refusal(0, 'kept', 'kept .git')];
        },
      }),
      options: {},
    };
    const result = ok(runPipeline(BASE, [bump, ignore], { buildContext: context }));
    expect(result.newFiles).toEqual([{ transform: 'ignore', path: '.dockerignore', content: 'node_modules\n.git\n', message: 'leave node_modules out; leave .git out', tier: 'review', review: 'node_modules is left out; .git is left out' }]);
    expect(result.refusals.map((r) => [r.transform, r.reason])).toEqual([['ignore', 'kept .git and .env']]);
  });

  it('still makes the comment a transform that touches no instruction adds, in a pass with no change before it', () => {
    const note = transform(
      'note',
      (file) => (file.text.endsWith('# checked\n') ? [] : [change(file.text.length, 'add a note', [{ start: file.text.length, end: file.text.length, text: '# checked\n' }])]),
      { instructions: {} },
    );
    const result = ok(runPipeline(BASE, [replace('bump', 'alpine:3.19', 'alpine:3.20'), note]));
    expect(result.output).toBe(BASE.replace('alpine:3.19', 'alpine:3.20') + '# checked\n');
    // The bump's pass skips it; the next pass adds the note; a third finds nothing to do.
    expect(result.changes.map((c) => c.transform)).toEqual(['bump', 'note']);
    expect(result.passes).toBe(3);
  });

  it('tells a profile each step of each pass in order, and returns what it returns without one', () => {
    const steps: [number, string][] = [];
    const profile = {
      record(pass: number, step: string, ms: number) {
        expect(ms).toBeGreaterThanOrEqual(0);
        // The engine's work between two steps is told once, not once per part of it.
        if (steps.at(-1)?.[0] === pass && steps.at(-1)?.[1] === step) throw new Error(`${step} twice in a row in pass ${pass}`);
        steps.push([pass, step]);
      },
    };
    const transforms = [replace('bump', 'alpine:3.19', 'alpine:3.20'), replace('user', 'USER root', 'USER app')];
    const profiled = ok(runPipeline(BASE, transforms, { profile }));
    expect(profiled).toEqual(ok(runPipeline(BASE, transforms)));
    // The engine's own work comes between every two steps, and last in the pass that ends the run.
    expect(steps).toEqual([
      [0, 'parse'],
      [1, 'engine'],
      [1, 'bump'],
      [1, 'engine'],
      [1, 'user'],
      [1, 'engine'],
      [1, 'reparse'],
      [1, 'engine'],
      [2, 'engine'],
      [2, 'bump'],
      [2, 'engine'],
      [2, 'user'],
      [2, 'engine'],
    ]);

    // A transform that throws is told with its time, and the failure is the transform's, not the profile's.
    steps.length = 0;
    const thrower = transform('thrower', () => {
      throw new Error('boom');
    });
    const failed = runPipeline(BASE, [thrower], { profile });
    expect(failed).toEqual({ ok: false, error: { line: null, message: 'transform thrower failed: boom' } });
    expect(steps).toEqual([
      [0, 'parse'],
      [1, 'engine'],
      [1, 'thrower'],
    ]);
    const broken = {
      record: () => {
        throw new Error('profile broke');
      },
    };
    expect(() => runPipeline(BASE, [replace('bump', 'alpine:3.19', 'alpine:3.20')], { profile: broken })).toThrow('profile broke');
  });

  it('returns the input as it is with no transforms, but still checks it', () => {
    const text = '\ufeffFROM alpine\r\nCMD sh';
    expect(runPipeline(text, [])).toEqual({ ok: true, output: text, changes: [], refusals: [], newFiles: [], fileEdits: [], runtime: [], regions: [], passes: 0 });
    expect(runPipeline('FROM alpine\nFOO bar\n', [])).toEqual({ ok: false, error: { line: 2, message: 'unknown instruction: FOO' } });
  });
});

describe('mapBack', () => {
  const edits: Edit[] = [
    { start: 6, end: 6, text: '++' }, // insert before "g"
    { start: 1, end: 3, text: '' }, // delete "bc"
    { start: 4, end: 5, text: 'XYZ' }, // "e" -> "XYZ"
  ];
  it('maps every offset of the edited text to where it came from', () => {
    const before = 'abcdefgh';
    const after = applyEdits(before, [...edits].sort((a, b) => a.start - b.start));
    expect(after).toBe('adXYZf++gh');
    // a d X Y Z f + + g h (end)
    expect([...after, ''].map((_, i) => mapBack(i, edits))).toEqual([0, 3, 4, 4, 4, 5, 6, 6, 6, 7, 8]);
  });

  it('maps through several passes back to original lines', () => {
    const original = 'FROM a\nRUN b\nCMD c\n';
    const pass1: Edit[] = [{ start: 7, end: 7, text: 'LABEL x=1\nLABEL y=2\n' }];
    const text1 = applyEdits(original, pass1);
    const pass2: Edit[] = [{ start: 0, end: 6, text: 'FROM docker.io/library/a' }];
    const text2 = applyEdits(text1, pass2);
    const cmd = text2.indexOf('CMD');
    const back = mapBack(mapBack(cmd, pass2), pass1);
    expect(back).toBe(original.indexOf('CMD'));
    expect(parseDockerfile(original).lines.lineOf(back)).toBe(3);
  });
});

describe('edits', () => {
  it('overlaps: shared bytes conflict, adjacent ranges do not, insertions conflict when touching', () => {
    const e = (start: number, end: number): Edit => ({ start, end, text: '' });
    expect(overlaps(e(0, 5), e(4, 8))).toBe(true);
    expect(overlaps(e(0, 5), e(5, 8))).toBe(false);
    expect(overlaps(e(5, 5), e(0, 5))).toBe(true);
    expect(overlaps(e(5, 5), e(5, 5))).toBe(true);
    expect(overlaps(e(9, 9), e(0, 5))).toBe(false);
  });

  it('editProblem refuses to split a surrogate pair', () => {
    const file = parseDockerfile('FROM alpine\nLABEL icon="🐳"\n');
    const emoji = file.text.indexOf('🐳');
    expect(editProblem(file, { start: emoji + 1, end: emoji + 2, text: '' })).toBe('edit splits a character');
    // Ending between the halves splits it too.
    expect(editProblem(file, { start: emoji - 1, end: emoji + 1, text: '' })).toBe('edit splits a character');
    expect(editProblem(file, { start: emoji, end: emoji + 2, text: 'x' })).toBeNull();
    expect(editProblem(file, { start: emoji + 2, end: emoji + 2, text: 'x' })).toBeNull();
  });

  it('applyEdits changes only the edited ranges', () => {
    const text = '\ufeffFROM alpine\r\n\tRUN echo "🐳 é"\r\nCMD sh';
    const out = applyEdits(text, [
      { start: 1, end: 5, text: 'from' },
      { start: text.indexOf('RUN'), end: text.indexOf('RUN'), text: '# note\r\n\t' },
      { start: text.length, end: text.length, text: '\r\n' },
    ]);
    expect(out).toBe('\ufefffrom alpine\r\n\t# note\r\n\tRUN echo "🐳 é"\r\nCMD sh\r\n');
  });

  it('applyEdits equals splicing the untouched slices together, for any edits', () => {
    const arbitrary = fc
      .tuple(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 5 })), { maxLength: 6 }))
      .map(([text, raw]) => {
        // Turn raw numbers into sorted, non-overlapping edits (insertions never touch another edit).
        const edits: Edit[] = [];
        let floor = 0;
        for (const [a, len, replacement] of raw) {
          const start = floor + (a % (text.length - floor + 1));
          const end = Math.min(text.length, start + (len % 4));
          if (start > text.length || edits.some((e) => overlaps(e, { start, end, text: replacement }))) continue;
          edits.push({ start, end, text: replacement });
          floor = end + 1;
          if (floor > text.length) break;
        }
        return { text, edits };
      });
    fc.assert(
      fc.property(arbitrary, ({ text, edits }) => {
        let expected = '';
        let from = 0;
        for (const e of edits) {
          expected += text.slice(from, e.start) + e.text;
          from = e.end;
        }
        expected += text.slice(from);
        expect(applyEdits(text, edits)).toBe(expected);
        // And mapBack sends every untouched byte home.
        let delta = 0;
        let prevEnd = 0;
        for (const e of [...edits, { start: text.length, end: text.length, text: '' }]) {
          for (let i = prevEnd; i < e.start; i++) expect(mapBack(i + delta, edits)).toBe(i);
          delta += e.text.length - (e.end - e.start);
          prevEnd = e.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('mapBack inside a rewrite', () => {
  it('maps into the part of a replacement that kept the old text', () => {
    const before = 'RUN a \\\n  && b \\\n  && c\n';
    // A whole-instruction rewrite that only changed the middle line.
    const edits: Edit[] = [{ start: 0, end: before.length - 1, text: 'RUN a \\\n  && bb --flag \\\n  && c' }];
    const after = applyEdits(before, edits);
    const lines = parseDockerfile(before).lines;
    expect(lines.lineOf(mapBack(after.indexOf('a'), edits, before))).toBe(1);
    expect(lines.lineOf(mapBack(after.indexOf('c'), edits, before))).toBe(3);
    expect(lines.lineOf(mapBack(after.indexOf('--flag'), edits, before))).toBe(2);
  });
});

describe('names every object has', () => {
  // Package, program, user and script names come from the file and its build context; the knowledge
  // tables are object literals, so `constructor` or `toString` must not read as one of their entries.
  const names = Object.getOwnPropertyNames(Object.prototype);
  const bases = ['debian:12', 'python:3.12', 'node:20', 'ruby:3.3', 'golang:1.22', 'alpine:3.20'];
  const transforms = configure({ names: allTransforms().map((t) => t.meta.name), options: {} });
  const dockerfiles = (base: string, name: string): string[] => [
    [
      `FROM ${base}`,
      `RUN apt-get update && apt-get install -y ${name} && ${name} apt-get install -y curl`,
      `RUN pip install ${name} && gem install ${name} && npm install -g ${name} && apk add ${name}`,
      `RUN ${name} && ${name} list && npm run ${name} && go install example.com/${name}@latest`,
      'COPY . /app',
      `USER ${name}`,
      `CMD ["${name}", "--${name}"]`,
    ],
    [
      `ARG ${name}=1`,
      `FROM ${base} AS s${name.toLowerCase()}`,
      `ENV ${name}=x PATH=/${name}:$PATH`,
      `WORKDIR /${name}`,
      `RUN useradd -m ${name} && chown ${name}:${name} /${name} && yarn add ${name} && composer require ${name} && cargo install ${name} && apt-get install -y ${name}=1.0`,
      `FROM ${base}`,
      `COPY --from=s${name.toLowerCase()} --chown=${name}:${name} /${name} /${name}`,
      `RUN pip install -r requirements.txt && bundle install && npm ci && ./${name}.sh`,
      `VOLUME /${name}`,
      `USER ${name}:${name}`,
      `ENTRYPOINT ["/${name}.sh"]`,
    ],
  ].map((lines) => lines.join('\n') + '\n');
  const context = (name: string) =>
    memoryBuildContext({
      'package.json': JSON.stringify({ scripts: { start: `${name} start`, [name]: name }, dependencies: { [name]: '1.0.0' } }),
      'requirements.txt': `${name}\n`,
      Gemfile: `gem "${name}"\n`,
      'go.mod': `module ${name}\n\nrequire example.com/${name} v1.0.0\n`,
      [`${name}.sh`]: `#!/bin/sh\n${name} --x\nexec ${name}\n`,
    });

  it('are read as the names they are, by every transform', () => {
    for (const base of bases) {
      for (const name of names) {
        for (const text of dockerfiles(base, name)) {
          const r = runPipeline(text, transforms, { path: 'Dockerfile', buildContext: context(name) });
          expect(r.ok ? null : r.error.message, `${base}, ${name}`).toBeNull();
        }
      }
    }
  });
});

/**
 * A refusal a transform makes on a RUN another one merged or rewrote is about the user's commands
 * when it names only them: collapse-run writes only the glue between the bodies (and the edges it
 * rewrites as themselves leave no written text), so what a later pass refuses there is said at
 * the input's line of the command. One made on an instruction a pass added whole (non-root-user's
 * RUN) is dockshift's own, and stays unsaid.
 */
describe('refusals on a RUN another transform rewrote', () => {
  const refused = (text: string, names: string[]) => {
    const result = ok(runPipeline(text, configure({ names, options: {} })));
    return { output: result.output, refusals: result.refusals.map((r) => [r.line, r.transform, r.code, r.reason]) };
  };

  it('says what only the merge made reachable, at the line of the command, beside the input refusals', () => {
    const text = [
      'FROM node:20-bookworm',
      "RUN sh -c 'apt-get update && apt-get install -y jq'",
      'ENV NODE_ENV=production',
      'RUN npm install -g typescript | tee /tmp/npm.log',
      'RUN apt-get purge -y nodejs',
      'CMD ["node"]',
      '',
    ].join('\n');
    const r = refused(text, ['collapse-run', 'cleanup-in-layer']);
    expect(r.output).toContain('RUN npm install -g typescript | tee /tmp/npm.log && \\\n    apt-get purge -y nodejs\n');
    // Alone, the npm install would get its cache cleanup at the end; merged with the purge it cannot (nor right after
    // the install, which pipes into tee), and the reason is the user's.
    expect(r.refusals).toEqual([
      [2, 'cleanup-in-layer', 'shell-string', "the install runs in the quoted command string of `sh`, which is not rewritten; not adding `rm -rf /var/lib/apt/lists/*`"],
      [4, 'cleanup-in-layer', 'program-removed', '`apt-get purge -y nodejs` runs after the last npm command and may remove npm: `npm cache clean --force` at the end of the RUN would fail'],
    ]);
  });

  it("says multi-stage's interpreted refusal at the install, which keeps its line when its RUN is merged", () => {
    const text = [
      'FROM python:3.12',
      'WORKDIR /app',
      'COPY . .',
      'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*',
      'RUN pip install --no-cache-dir -r requirements.txt',
      'CMD ["python", "app.py"]',
      '',
    ].join('\n');
    const result = ok(runPipeline(text, configure({ names: ['collapse-run', 'multi-stage'], options: {} }), { buildContext: memoryBuildContext({ 'requirements.txt': 'flask\n' }) }));
    expect(result.output).toContain('rm -rf /var/lib/apt/lists/* && \\\n    pip install');
    expect(result.refusals.map((r) => [r.line, r.transform, r.code])).toEqual([[5, 'multi-stage', 'interpreted']]);
  });

  it('keeps a refusal of a command in a merged body, one below a comment too, at its own line', () => {
    const text = [
      'FROM debian:12',
      "RUN apt-get install -y curl && sh -c 'apt-get install -y wget'",
      'ENV A=1',
      'RUN apt-get update',
      'RUN \\',
      '    # the client only',
      "    sh -c 'apt-get install -y postgresql-client'",
      '',
    ].join('\n');
    const r = refused(text, ['collapse-run', 'install-flags']);
    expect(r.output).toContain("RUN apt-get update && \\\n    # the client only\n    sh -c 'apt-get install -y postgresql-client'\n");
    const said = 'the install runs in the quoted command string of `sh`, which is not rewritten; not adding --no-install-recommends to apt-get install';
    expect(r.refusals).toEqual([
      [2, 'install-flags', 'shell-string', said],
      [7, 'install-flags', 'shell-string', said],
    ]);
  });

  it('says nothing of what a transform will not do with a RUN another added whole', () => {
    // Ending in an `&&` list, whose failure `set -e` does not act on, the user's RUN takes no RUN after it.
    const text = 'FROM debian:12\nRUN set -ex; apt-get update; apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCMD ["curl", "--version"]\n';
    const r = refused(text, ['collapse-run', 'non-root-user']);
    expect(r.output).toContain('RUN groupadd --system');
    // collapse-run would not join non-root-user's RUN to the user's `set -ex` one: no word of the user's.
    expect(r.refusals).toEqual([]);
  });
});
