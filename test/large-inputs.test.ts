/**
 * The large inputs of issue 8 (bench/largeInputs.ts), at full size, through every default
 * transform (or the opt-in one an input names): they used to overflow the stack or run for minutes. These tests time nothing
 * (the benchmark prints times); they check that each input completes, that the output is
 * what the transforms should make of it, and that a second run changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { LARGE_INPUTS } from '../bench/largeInputs.js';
import { logicalText } from '../src/dockerfile/logical.js';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import { memoryBuildContext } from '../src/engine/context.js';
import { runPipeline } from '../src/engine/pipeline.js';
import { runBody } from '../src/shell/body.js';
import { configure, selectTransforms } from '../src/engine/select.js';

const selected = selectTransforms({});
if (!selected.ok) throw new Error(selected.message);
const transforms = configure(selected.selection);

const input = (name: string) => {
  const found = LARGE_INPUTS.find((i) => i.name === name)!;
  return { text: found.make(found.fullSize), size: found.fullSize, only: found.transforms };
};

// dockerignore reads the build context: an empty one, so that it has nothing to propose.
const env = { buildContext: memoryBuildContext({}) };

function run(text: string, only?: readonly string[]) {
  const chosen = only === undefined ? selected : selectTransforms({ only: [...only] });
  if (!chosen.ok) throw new Error(chosen.message);
  const result = runPipeline(text, only === undefined ? transforms : configure(chosen.selection), env);
  if (!result.ok) throw new Error(`${result.error.line ?? '-'}: ${result.error.message}`);
  return result;
}

/** The RUN instructions of a text, as their logical lines. */
function runs(text: string): string[] {
  const file = parseDockerfile(text);
  return file.instructions.filter((i) => i.keyword === 'RUN').map((i) => logicalText(text, i.argsSpan!.start, i.argsSpan!.end, '\\').text);
}

/** The `RUN echo <i>` lines of `text` (0 to size - 1) end as one RUN that runs them in order, and a second run changes nothing. */
function expectEchoesMerged(text: string, size: number): void {
  const result = run(text);
  const [merged, ...others] = runs(result.output);
  expect(others).toEqual([]);
  expect(merged!.split(' && ').map((c) => c.trim())).toEqual(Array.from({ length: size }, (_, i) => `echo ${i}`));
  expect(run(result.output).changes).toEqual([]);
}

const LONG = 600_000;

describe('large inputs under the 1 MiB limit', () => {
  it('thousands of apt RUNs: merged, every install flagged, the lists removed once at the end', () => {
    const { text, size } = input('apt RUNs');
    expect(text.length).toBeGreaterThan(140_000);
    const result = run(text);
    const [merged, ...others] = runs(result.output);
    expect(others).toEqual([]);
    const commands = merged!.split(' && ').map((c) => c.trim());
    const expected = Array.from({ length: size }, (_, i) => [`apt-get update`, `apt-get install --no-install-recommends -y pkg${i}`]).flat();
    expect(commands).toEqual([...expected, 'rm -rf /var/lib/apt/lists/*']);
    expect(run(result.output).output).toBe(result.output);
  }, LONG);

  it('tens of thousands of one-line RUNs: one RUN running every command in order', () => {
    const { text, size } = input('one-line RUNs');
    expect(text.length).toBeGreaterThan(850_000);
    expect(text.length).toBeLessThan(1024 * 1024);
    expectEchoesMerged(text, size);
  }, LONG);

  it('thousands of npm installs that each read the cache offline: every cleanup refused but the last', () => {
    const { text, size, only } = input('npm installs that each read the cache offline, cleanup-in-layer');
    const result = run(text, only);
    expect(result.refusals.filter((r) => r.code === 'cache-used-later')).toHaveLength(size - 1);
    expect(runs(result.output).at(-1)).toBe(`npm i pkg${size - 1} --offline && npm cache clean --force`);
  }, LONG);

  it('thousands of stages each built on the one before: the install of every stage flagged and cleaned', () => {
    const { text, size } = input('chain of stages');
    const result = run(text);
    const expected = Array.from({ length: size + 1 }, (_, i) => `apt-get update && apt-get install --no-install-recommends -y pkg${i} && rm -rf /var/lib/apt/lists/*`);
    expect(runs(result.output)).toEqual(expected);
    expect(result.refusals.map((r) => `${r.transform}:${r.code}`)).toEqual(['non-root-user:base-image']);
    expect(run(result.output).changes).toEqual([]);
  }, LONG);

  it('thousands of COPYs each read by the RUN after it: every pip install flagged', () => {
    const { text, size } = input('COPY and pip install -r pairs');
    const result = run(text);
    expect(runs(result.output)).toEqual(Array.from({ length: size }, (_, i) => `pip install --no-cache-dir -r req${i}.txt`));
    expect(result.changes).toHaveLength(size);
    expect(run(result.output).changes).toEqual([]);
  }, LONG);

  it('thousands of COPYs of a package.json each read by npm ci: every install cleans its cache, the base stays', () => {
    const { text, size } = input('COPY package.json and npm ci pairs');
    const result = run(text);
    const installs = runs(result.output).filter((r) => r.includes('npm ci'));
    expect(installs).toEqual(Array.from({ length: size }, (_, i) => `cd p${i} && npm ci && npm cache clean --force`));
    // The manifest's origin is looked up for every install; `cd` is not followed, so none is found.
    expect(result.refusals.filter((r) => r.transform === 'slim-base').map((r) => r.code)).toEqual(['unknown-needs']);
    expect(run(result.output).changes).toEqual([]);
  }, LONG);

  it('thousands of COPYs into one folder, each read by a pip install -r of it and of a file never copied: every install flagged', () => {
    const { text, size } = input('COPYs into one folder and pip install -r pairs');
    const result = run(text);
    const flagged = result.output.split('\n').filter((l) => /^RUN pip install --no-cache-dir -r r\d+\.txt -r other\d+\.txt/.test(l));
    expect(flagged).toHaveLength(size);
    expect(result.refusals.filter((r) => r.transform === 'slim-base').map((r) => r.code)).toEqual(['unknown-needs']);
    expect(run(result.output).changes).toEqual([]);
  }, LONG);

  it('thousands of Go binaries copied from one build stage: distroless-runtime reads the build stage once, and moves to base-debian12', () => {
    const { text, only } = input('Go binaries copied from one build stage, distroless-runtime');
    const result = run(text, only);
    // golang:1.22 was built on bookworm, and cgo (gcc is there) links its glibc.
    expect(result.output).toBe(text.replace('FROM debian:12\n', 'FROM gcr.io/distroless/base-debian12\n'));
    expect(result.refusals).toEqual([]);
  }, LONG);

  it('thousands of relative WORKDIRs: read, left as they are', () => {
    const { text } = input('relative WORKDIRs');
    const result = run(text);
    expect(result.output).toBe(text);
    expect(result.refusals.map((r) => `${r.transform}:${r.code}`)).toEqual(['non-root-user:base-image']);
  }, LONG);

  it('thousands of relative WORKDIRs with a COPY each and a CMD: a non-root USER added, the COPYs left as they are', () => {
    const { text, size } = input('relative WORKDIRs, a COPY each, and a CMD');
    const result = run(text);
    expect(result.changes.map((c) => c.transform)).toEqual(['non-root-user']);
    const tail = 'RUN groupadd --system --gid 10001 app && \\\n    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app\nUSER 10001:10001\nCMD ["app"]\n';
    expect(result.output).toBe(text.slice(0, text.indexOf('CMD')) + tail);
    expect(parseDockerfile(result.output).instructions).toHaveLength(2 * size + 5);
    expect(run(result.output).output).toBe(result.output);
  }, LONG);

  it('tens of thousands of relative WORKDIRs and a CMD: read, a non-root USER added', () => {
    const { text, size } = input('relative WORKDIRs and a CMD');
    expect(text.length).toBeGreaterThan(550_000);
    const result = run(text);
    expect(result.changes.map((c) => c.transform)).toEqual(['non-root-user']);
    const tail = 'RUN groupadd --system --gid 10001 app && \\\n    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app\nUSER 10001:10001\nCMD ["./run"]\n';
    expect(result.output).toBe(text.slice(0, text.indexOf('CMD')) + tail);
    expect(parseDockerfile(result.output).instructions).toHaveLength(size + 4);
    expect(run(result.output).output).toBe(result.output);
  }, LONG);

  it('thousands of CMDs and ENTRYPOINTs: each CMD to exec form, each shell-form ENTRYPOINT left with its reason', () => {
    const { text, size } = input('CMD, ENTRYPOINT and HEALTHCHECK');
    const result = run(text);
    const lines = result.output.split('\n');
    expect(lines.filter((l) => l.startsWith('CMD '))).toEqual(Array.from({ length: size }, (_, i) => `CMD ["echo", "${i}"]`));
    expect(lines.filter((l) => l.startsWith('ENTRYPOINT '))).toEqual(Array.from({ length: size }, (_, i) => `ENTRYPOINT /bin/e${i}`));
    expect(result.refusals.filter((r) => r.code === 'entrypoint-with-cmd')).toHaveLength(size);
    expect(run(result.output).changes).toEqual([]);
  }, LONG);

  it('thousands of stages, each FROM the one before with a CMD: every CMD in exec form', () => {
    const { text, size } = input('chain of stages with a CMD each');
    const result = run(text);
    const cmds = result.output.split('\n').filter((l) => l.startsWith('CMD '));
    expect(cmds).toEqual(Array.from({ length: size }, (_, i) => `CMD ["echo", "${i}"]`));
    expect(run(result.output).changes).toEqual([]);
  }, LONG);

  it('thousands of stages, each FROM the one before with an ENTRYPOINT, and a CMD in the last: every ENTRYPOINT left', () => {
    const { text, size } = input('chain of stages with an ENTRYPOINT each');
    const result = run(text);
    const lines = result.output.split('\n');
    expect(lines.filter((l) => l.startsWith('ENTRYPOINT '))).toEqual(Array.from({ length: size }, (_, i) => `ENTRYPOINT /bin/e${i}`));
    expect(result.refusals.filter((r) => r.code === 'entrypoint-with-cmd')).toHaveLength(size);
    // The CMD is rewritten: the last stage's ENTRYPOINT, in shell form, ignores it either way.
    expect(lines.filter((l) => l.startsWith('CMD '))).toEqual(['CMD ["echo", "done"]']);
    expect(run(result.output).changes).toEqual([]);
  }, LONG);

  it.each([
    ['ADD <url> and RUN pairs, add-download', 'thousands of ADDs of a URL, each read by the RUN after it'],
    ['chain of stages with an ADD <url> each, add-download', 'thousands of stages, each FROM the one before with an ADD of a URL, curl installed at the top'],
  ])('%s: every ADD a download in the RUN that uses it (%s)', (name) => {
    const { text, size, only } = input(name);
    const result = run(text, only);
    expect(runs(result.output).slice(1)).toEqual(
      Array.from({ length: size }, (_, i) => `curl -fsSL -o /tmp/f${i}.tar.gz https://example.com/f${i}.tar.gz && chmod 600 /tmp/f${i}.tar.gz && tar xzf /tmp/f${i}.tar.gz`),
    );
    expect(result.refusals).toEqual([]);
    expect(run(result.output, only).changes).toEqual([]);
  }, LONG);

  it('one RUN of thousands of && commands: read without overflowing, left as it is', () => {
    const { text } = input('one RUN of && commands');
    const result = run(text);
    expect(result.output).toBe(text);
    expect(result.changes).toEqual([]);
    // Nothing refused for the RUN; with no CMD the image looks like a base for others, so no USER.
    expect(result.refusals.map((r) => `${r.transform}:${r.code}`)).toEqual(['non-root-user:base-image']);
  }, LONG);

  it('one RUN of thousands of cd and make pairs, bare or in subshells: slim-base refused for make, a USER added, once', () => {
    for (const name of ['one RUN of cd and make pairs', 'one RUN of cd and make pairs in subshells']) {
      const { text } = input(name);
      const result = run(text);
      expect(result.refusals.map((r) => `${r.transform}:${r.code}`), name).toContain('slim-base:missing-tools');
      expect(result.output, name).toMatch(/\nUSER 10001:10001\nCMD \["python", "app.py"\]\n$/);
      expect(run(result.output).output, name).toBe(result.output);
    }
  }, LONG);

  it('one RUN of tens of thousands of pipes: each command in one pipeline, the RUN left as it is', () => {
    const { text, size } = input('one RUN of piped commands');
    expect(text.length).toBeGreaterThan(600_000);
    const file = parseDockerfile(text);
    const body = runBody(file, file.instructions[1]!);
    if (!body.ok) throw new Error(body.reason);
    expect(body.parsed.commands).toHaveLength(size + 1);
    expect(body.parsed.commands.every((c) => c.enclosing.length === 1 && c.enclosing[0] === 'pipeline')).toBe(true);
    const result = run(text);
    expect(result.output).toBe(text);
    expect(result.changes).toEqual([]);
  }, LONG);

  it('thousands of RUNs that download and extract an archive: merged, every archive removed at the end, in one pass', () => {
    const { text, size } = input('RUNs that download and extract an archive');
    const result = run(text);
    const [merged, ...others] = runs(result.output);
    expect(others).toEqual([]);
    const commands = merged!.split(' && ').map((c) => c.trim());
    const work = Array.from({ length: size }, (_, i) => [`curl -fsSL -o /tmp/a${i}.tgz https://example.com/a${i}.tgz`, `tar -xzf /tmp/a${i}.tgz -C /opt`]).flat();
    expect(commands).toEqual([...work, ...Array.from({ length: size }, (_, i) => `rm -f /tmp/a${i}.tgz`)]);
    // The merge, then every removal in one change: a pass to make each, one to find nothing more.
    expect(result.changes.map((c) => c.transform)).toEqual(['collapse-run', 'cleanup-in-layer']);
    expect(result.changes[1]!.message).toBe(`curl downloads of /tmp/a0.tgz, /tmp/a1.tgz, /tmp/a2.tgz and ${size - 3} more: remove the archives after extracting them, in the same layer`);
    expect(result.passes).toBe(3);
    expect(run(result.output).output).toBe(result.output);
  }, LONG);

  it('thousands of RUNs that each create a user and give it a folder: merged, every useradd flagged, no USER guessed', () => {
    const { text, size } = input('RUNs that each create a user and give it a folder');
    const result = run(text);
    const [merged, ...others] = runs(result.output);
    expect(others).toEqual([]);
    const commands = merged!.split(' && ').map((c) => c.trim());
    expect(commands).toEqual(Array.from({ length: size }, (_, i) => [`useradd -l -u ${100_000 + i} u${i}`, `chown u${i} /d${i}`]).flat());
    expect(result.changes.filter((c) => c.transform === 'useradd-no-log-init')).toHaveLength(size);
    const several = result.refusals.filter((r) => r.transform === 'non-root-user');
    expect(several.map((r) => [r.code, r.line])).toEqual([['several-users', 2]]);
    expect(several[0]!.reason).toMatch(new RegExp(`^the stage creates or gives files to u0, u1, u2, .*, u${size - 1} and switches to none;`));
    expect(run(result.output).output).toBe(result.output);
  }, LONG);

  it('thousands of RUNs that each make a folder left empty: merged, each folder given to the new user', () => {
    const { text, size } = input('RUNs that each make a folder left empty');
    const result = run(text);
    const [merged, ...others] = runs(result.output);
    expect(others).toEqual([]);
    const commands = merged!.split(' && ').map((c) => c.trim());
    const made = Array.from({ length: size }, (_, i) => [`mkdir -p /srv/d${i}`, `touch /srv/x${i}`]).flat();
    const given = Array.from({ length: size }, (_, i) => `chown -R 10001:10001 /srv/d${i}`);
    expect(commands.slice(0, 2 * size)).toEqual(made);
    expect(commands.slice(-size)).toEqual(given);
    expect(result.output).toMatch(/\nUSER 10001:10001\nCMD \["\.\/app"\]\n$/);
    expect(run(result.output).output).toBe(result.output);
  }, LONG);

  it('tens of thousands of one-line RUNs under a bash SHELL: one RUN running every command in order', () => {
    const { text, size } = input('one-line RUNs under a bash SHELL');
    expectEchoesMerged(text, size);
  }, LONG);

  it('thousands of cleanup RUNs after one install, each behind an ENV: the first moved into the install, the rest removed', () => {
    const { text, size } = input('one install, then cleanup RUNs each after an ENV');
    const result = run(text);
    const [install, last, ...others] = runs(result.output);
    expect(others).toEqual([]);
    expect(install).toBe('apt-get update && apt-get install --no-install-recommends -y curl ca-certificates && rm -rf /var/lib/apt/lists/*');
    // The last cleanup takes the new user's RUN, which collapse-run merged into it first.
    expect(last).toMatch(/^rm -rf \/var\/lib\/apt\/lists\/\* && \s*groupadd /);
    expect(result.output.match(/^ENV A\d+=1$/gm)).toHaveLength(size);
    const cleanups = result.changes.filter((c) => c.transform === 'cleanup-in-layer');
    expect(cleanups).toHaveLength(size - 1);
    expect(cleanups[0]!.message).toMatch(/^move `rm -rf \/var\/lib\/apt\/lists\/\*` into the earlier RUN/);
    expect(cleanups.slice(1).every((c) => c.message.startsWith('remove this RUN: the earlier RUN with `apt-get install` already runs'))).toBe(true);
    expect(run(result.output).output).toBe(result.output);
  }, LONG);

  it('a RUN nested a thousand subshells deep is read, or refused as shell it cannot read, never a crash', () => {
    const text = `FROM debian:12\nRUN ${'('.repeat(1000)}apt-get install -y curl${')'.repeat(1000)}\n`;
    const result = runPipeline(text, transforms);
    expect(result.ok).toBe(true);
  }, LONG);
});

describe('deeply nested build arguments', () => {
  it('a default nested thousands deep expands to an unknown value instead of overflowing', () => {
    const depth = 20_000;
    const text = `ARG BASE=${'${X:-'.repeat(depth)}debian:12${'}'.repeat(depth)}\nFROM $BASE\nRUN apt-get update && apt-get install -y curl\n`;
    const result = runPipeline(text, transforms);
    expect(result.ok).toBe(true);
  }, LONG);
});

describe('values that grow with every line', () => {
  // A pipeline that expanded them in full ran out of string length (`A=$A$A`) or,
  // keeping every line's value, out of memory and took the process down (`PATH=$PATH:…`).
  it.each([
    ['an ENV that doubles itself', `FROM debian:12\nENV A=x\n${'ENV A=$A$A\n'.repeat(40)}RUN apt-get install -y $A\nCMD ["app"]\n`],
    ['a global ARG that doubles', `ARG A=x\n${'ARG A=${A}${A}\n'.repeat(40)}FROM debian:$A\nRUN apt-get install -y curl\n`],
    ['a WORKDIR and a LABEL of a value that doubles', `FROM debian:12\nENV A=x\n${'ENV A=$A$A\nWORKDIR /$A\nLABEL l=$A$A\n'.repeat(40)}COPY . .\nCMD ["app"]\n`],
    ['a PATH that grows on each of 50,000 lines', `FROM debian:12\n${Array.from({ length: 50_000 }, (_, i) => `ENV PATH=$PATH:/o${i % 10}\n`).join('')}RUN apt-get install -y curl\nCMD ["app"]\n`],
  ])('%s: each transform reads it as an unknown value, the file is processed', (_, text) => {
    const result = run(text);
    expect(result.changes.length).toBeGreaterThan(0);
    expect(run(result.output).output).toBe(result.output);
  }, LONG);
});
