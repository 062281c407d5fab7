/**
 * --format: SARIF validated against the official 2.1.0 schema (from an npm package, read
 * offline), GitHub annotations, checkstyle, Code Climate, the markdown PR body; and
 * --list-different, --quiet and the progress line.
 */
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEdits } from '../src/engine/edits.js';
import { count, emptyTally, explainLines, RunExplain, sizeLine } from '../src/engine/report.js';
import { LineIndex } from '../src/dockerfile/text.js';
import type { FileResult } from '../src/engine/processFile.js';
import { Progress } from '../src/progress.js';
import { markdownBody } from '../src/report/markdown.js';
import { assertBuilt, dockshift, messages, REPO_ROOT, removeTempFolders, tempFolder } from './helpers/cli.js';
import { cli } from './helpers/inProcess.js';

afterEach(removeTempFolders);

const APT = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\nCMD node app.js\n';
const tree = () => tempFolder({ 'api/Dockerfile': APT, 'ok/Dockerfile': 'FROM alpine:3.20\nUSER 65532\nCMD ["x"]\n', 'bad/Dockerfile': 'FROM php:8.3%\n' });

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// CommonJS packages: their default export is on `default`.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(schema);

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema, with a rule per transform, results by place and fixes that rebuild the output', async () => {
    const root = tree();
    const run = await cli(['--format', 'sarif'], root);
    expect(run.status).toBe(2);
    const log = JSON.parse(run.stdout) as any;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('cleanup-in-layer');
    expect(sarifRun.tool.driver.rules.find((r: { id: string }) => r.id === 'exec-form')).toMatchObject({ helpUri: 'https://github.com/hadolint/hadolint/wiki/DL3025', help: { text: expect.stringMatching(/exec form/) } });
    const results = sarifRun.results as any[];
    expect(results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine])).toContainEqual(['exec-form', 'api/Dockerfile', 4]);
    // The fixes, applied to the original by line and column, give what --write writes.
    const lines = new LineIndex(APT);
    const offset = (line: number, column: number) => lines.startOf(line) + column - 1;
    const edits = results.flatMap((r) => (r.fixes ?? []).flatMap((f: any) => f.artifactChanges[0].replacements.map((x: any) => ({ start: offset(x.deletedRegion.startLine, x.deletedRegion.startColumn), end: offset(x.deletedRegion.endLine, x.deletedRegion.endColumn), text: x.insertedContent.text }))));
    await cli(['--write'], root);
    expect(applyEdits(APT, edits)).toBe(fs.readFileSync(path.join(root, 'api/Dockerfile'), 'utf8'));
    expect(sarifRun.invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'invalid image reference "php:8.3%"' } }] });
  });

  it('carries problems found before any file is read (a missing path) as failed execution, as every report does', async () => {
    const root = tempFolder({ 'Dockerfile': 'FROM alpine:3.19\nCMD echo hi\n' });
    const log = JSON.parse((await cli(['--format', 'sarif', 'missing', 'Dockerfile'], root)).stdout) as any;
    expect(log.runs[0].invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'missing: no such file or folder' } }] });
    for (const format of ['checkstyle', 'codeclimate', 'markdown']) expect((await cli(['--format', format, 'missing', 'Dockerfile'], root)).stdout).toContain('missing');
  });

  it('places results and fixes of a file with a BOM alike: the BOM is no column, as an editor reads the file', async () => {
    const text = '\uFEFFFROM node:20\r\nCOPY . /app\r\nCMD node app.js\r\n';
    const root = tempFolder({ 'Dockerfile': text });
    const log = JSON.parse((await cli(['--format', 'sarif', '-t', 'slim-base,exec-form'], root)).stdout) as any;
    const results = log.runs[0].results as any[];
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    // The text an editor shows, and SARIF's columns and offsets count: after the BOM.
    const shown = text.slice(1);
    const lines = new LineIndex(shown);
    const offset = (line: number, column: number) => lines.startOf(line) + column - 1;
    const slim = results.find((r) => r.ruleId === 'slim-base');
    expect(slim.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    const edits = results.flatMap((r) => (r.fixes ?? []).flatMap((f: any) => f.artifactChanges[0].replacements.map((x: any) => ({ start: offset(x.deletedRegion.startLine, x.deletedRegion.startColumn), end: offset(x.deletedRegion.endLine, x.deletedRegion.endColumn), text: x.insertedContent.text }))));
    expect(edits.map((e) => shown.slice(e.start, e.end)).sort()).toEqual(['CMD node app.js', 'node:20']);
    // Each result sits where its fix starts, on the same count.
    for (const r of results) {
      const at = r.locations[0].physicalLocation.region;
      const fix = r.fixes[0].artifactChanges[0].replacements[0].deletedRegion;
      expect([at.startLine, shown.slice(offset(at.startLine, at.startColumn)).startsWith(r.ruleId === 'slim-base' ? 'FROM' : 'CMD')]).toEqual([fix.startLine, true]);
    }
    await cli(['--write', '-t', 'slim-base,exec-form'], root);
    expect(`\uFEFF${applyEdits(shown, edits)}`).toBe(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'));
    // --json says the same column as the SARIF result.
    const json = JSON.parse((await cli(['--json', '-t', 'slim-base'], tempFolder({ 'Dockerfile': text }))).stdout.split('\n')[0]!);
    expect(json.changes[0]).toMatchObject({ line: 1, column: 1 });
  });
});

describe('github', () => {
  it('prints an annotation per change and per failed file, escaped', async () => {
    const run = await cli(['--format', 'github', '-t', 'exec-form'], tree());
    expect(run.stdout).toBe(
      '::warning file=api/Dockerfile,line=4,col=1,title=dockshift exec-form::CMD to exec form.\n' +
        '::error file=bad/Dockerfile,line=1,title=dockshift::invalid image reference "php:8.3%25"\n',
    );
  });
});

describe('checkstyle and codeclimate', () => {
  it('checkstyle: a <file> per Dockerfile with findings, attributes escaped', async () => {
    const run = await cli(['--format', 'checkstyle', '-t', 'exec-form'], tree());
    expect(run.stdout).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<checkstyle version="4.3">',
        '<file name="api/Dockerfile">',
        '<error line="4" column="1" severity="warning" message="CMD to exec form." source="dockshift.exec-form"/>',
        '</file>',
        '<file name="bad/Dockerfile">',
        '<error line="1" column="1" severity="error" message="invalid image reference &quot;php:8.3%&quot;" source="dockshift"/>',
        '</file>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
  });

  it('codeclimate: GitLab code quality issues with fingerprints that do not move with lines', async () => {
    const root = tree();
    const first = JSON.parse((await cli(['--format', 'codeclimate', '-t', 'exec-form'], root)).stdout) as any[];
    expect(first[1]).toMatchObject({ type: 'issue', check_name: 'dockshift', severity: 'major', location: { path: 'bad/Dockerfile', lines: { begin: 1 } } });
    expect(first[0]).toMatchObject({ check_name: 'dockshift/exec-form', description: 'CMD to exec form.', severity: 'minor', location: { path: 'api/Dockerfile', lines: { begin: 4, end: 4 } } });
    fs.writeFileSync(path.join(root, 'api/Dockerfile'), `# moved\n${APT}`);
    const second = JSON.parse((await cli(['--format', 'codeclimate', '-t', 'exec-form'], root)).stdout) as any[];
    expect(second[0].location.lines.begin).toBe(5);
    expect(second[0].fingerprint).toBe(first[0].fingerprint);
  });
});

describe('markdown', () => {
  it('is a PR body: per file and transform, review changes first, size effect, left alone, not processed', async () => {
    const run = await cli(['--format', 'markdown'], tree());
    const body = run.stdout;
    expect(body).toMatch(/^## dockshift: 1 Dockerfile to rewrite\n/);
    expect(body).toContain('3 files: 1 changed, 1 unchanged, 1 error.');
    expect(body).toContain('### `api/Dockerfile`\n\n| line | transform | change |\n| ---: | --- | --- |\n| 1 | slim-base **review** | debian:12 → debian:12-slim (review: slim leaves out man pages');
    expect(body).toContain('| 2 | collapse-run | merged 2 RUN instructions into one |');
    expect(body).toContain('| 4 | exec-form | CMD to exec form |');
    expect(body).toContain('### Not processed\n\n- `bad/Dockerfile` line 1: error: invalid image reference "php:8.3%"');
  });

  it('names the generated files it left alone, and counts them skipped', async () => {
    const root = tree();
    fs.writeFileSync(path.join(root, 'ok/Dockerfile'), `# Code generated by gen. DO NOT EDIT.\n${APT}`);
    const body = (await cli(['--format', 'markdown'], root)).stdout;
    expect(body).toContain('3 files: 1 changed, 0 unchanged, 1 error, 1 skipped.');
    expect(body).toContain('### Generated, left alone (1)\n\nTheir headers say a tool writes them, so a rewrite here would be lost at the next generation: the fix belongs in the template (or rerun with `--include-generated`).\n\n- `ok/Dockerfile` line 1\n');
  });

  it('calls out review changes and sums the size effect, labelled an estimate; stays under the size limit', () => {
    const change = (line: number, review: boolean, measure: 'uncompressed' | 'compressed' = 'uncompressed') => ({ transform: 'slim-base', line, column: 1, message: 'node:20 to node:20-slim', tier: review ? ('review' as const) : ('safe' as const), ...(review ? { review: 'slim lacks build tools' } : {}), hadolint: [], size: { savedMb: 776, measure, note: 'about 776 MB smaller (an estimate)' } });
    const file = (i: number, measures: ('uncompressed' | 'compressed')[] = ['uncompressed', 'uncompressed']) => ({ status: 'changed' as const, patchPath: `svc${i}/Dockerfile`, result: { path: `svc${i}/Dockerfile`, status: 'changed' as const, changes: [change(1, true, measures[0]), change(9, false, measures[1])], refusals: [{ transform: 'x', line: 3, column: 1, code: 'c', reason: 'a | pipe' }], newFiles: [], fileEdits: [], runtime: [], diff: '', fixes: [], error: null, written: false } });
    const summary = { tally: emptyTally(), seconds: 1, notProcessed: 0, interrupted: null, exitCode: 0 };
    const body = markdownBody([file(1), file(2)], [], summary);
    expect(body).toContain('### Needs review (2)\n\nThese change what is installed or how the container runs:\n\n- `svc1/Dockerfile` line 1, slim-base: node:20 to node:20-slim. slim lacks build tools.');
    expect(body).toContain('About 3.1 GB smaller uncompressed in total: an estimate');
    // Sizes of the unpacked image and of the download are not added together.
    expect(markdownBody([file(1, ['uncompressed', 'compressed'])], [], summary)).toContain('About 776 MB smaller uncompressed (1 switch), and 776 MB smaller compressed (1 switch) in total: an estimate');
    expect(body).toContain('| 3 | x | a \\| pipe |');
    const many = Array.from({ length: 2000 }, (_, i) => file(i));
    const long = markdownBody(many, [], { ...summary, tally: { ...summary.tally, files: 2000, changed: 2000 } });
    expect(long.length).toBeLessThanOrEqual(60_000);
    expect(long).toMatch(/… and \d+ more changed files: /);
  });
});

describe('markdown: a file section', () => {
  const summary = { tally: { ...emptyTally(), files: 2, changed: 2 }, seconds: 1, notProcessed: 0, interrupted: null, exitCode: 0 };
  const reported = (name: string, result: Partial<FileResult>) => ({
    status: 'changed' as const,
    patchPath: name,
    result: { path: name, status: 'changed' as const, changes: [], refusals: [], newFiles: [], fileEdits: [], runtime: [], diff: '', fixes: [], error: null, written: false, ...result },
  });

  it('holding only a context file has one blank line after its heading, and one between its parts', () => {
    const ignore = { path: '.dockerignore', target: '/r/.dockerignore', transform: 'dockerignore', message: 'leave .git out of the build context', content: '.git\n', tier: 'review' as const, status: 'proposed' as const, diff: '' };
    const edit = { path: 'svc/.dockerignore', target: '/r/svc/.dockerignore', transform: 'dockerignore', message: 'add .git', before: '*.log\n', after: '*.log\n.git\n', tier: 'safe' as const, status: 'proposed' as const, diff: '' };
    const body = markdownBody(
      [
        reported('Dockerfile', { newFiles: [ignore] }),
        reported('svc/Dockerfile', { fileEdits: [edit], refusals: [{ transform: 'slim-base', line: 1, column: 1, code: 'unknown-image', reason: 'not known' }] }),
      ],
      [],
      summary,
    );
    expect(body).toBe(
      [
        '## dockshift: 2 Dockerfiles to rewrite',
        '',
        'Rewrites for smaller, safer images. Each change keeps what the build does unless it is marked **review**; every byte not changed stays as it was, and running dockshift again changes nothing.',
        '',
        '2 files: 2 changed, 0 unchanged, 0 errors.',
        '',
        '### `Dockerfile`',
        '',
        'New file `.dockerignore` (dockerignore, **review**): leave .git out of the build context',
        '',
        '### `svc/Dockerfile`',
        '',
        'Edit of `svc/.dockerignore` (dockerignore): add .git',
        '',
        '<details><summary>Left alone (1)</summary>',
        '',
        '| line | transform | why |',
        '| ---: | --- | --- |',
        '| 1 | slim-base | not known |',
        '',
        '</details>',
        '',
        '<sub>Generated by dockshift; `dockshift --explain` lists every change and refusal.</sub>',
        '',
      ].join('\n'),
    );
  });
});

describe('runtime changes', () => {
  it('name the image whose run time changes: the final one, or a published target by its name', () => {
    const result = { path: 'Dockerfile', changes: [], refusals: [], newFiles: [], fileEdits: [] };
    const runtime = [
      { transform: 'non-root-user', fact: 'user' as const, before: '(inherited)', after: '1000:1000' },
      { transform: 'non-root-user', image: 'app', fact: 'user' as const, before: '(inherited)', after: '1000:1000' },
    ];
    expect(explainLines({ ...result, runtime })).toEqual([
      "Dockerfile: non-root-user [review]: changes the final image's user: (inherited) -> 1000:1000",
      "Dockerfile: non-root-user [review]: changes the app image's user: (inherited) -> 1000:1000",
    ]);
    const file = { status: 'changed' as const, patchPath: 'Dockerfile', result: { ...result, status: 'changed' as const, runtime, diff: '', fixes: [], error: null, written: false } };
    const body = markdownBody([file], [], { tally: emptyTally(), seconds: 1, notProcessed: 0, interrupted: null, exitCode: 0 });
    expect(body).toContain("The final image's user changes (non-root-user): `(inherited)` → `1000:1000`");
    expect(body).toContain("The app image's user changes (non-root-user): `(inherited)` → `1000:1000`");
  });
});

describe('the size line', () => {
  it('totals each measure apart: the unpacked image and the compressed download do not add up', () => {
    const switchTo = (savedMb: number, measure: 'uncompressed' | 'compressed') => ({ transform: 'slim-base', line: 1, column: 1, message: 'm', tier: 'review' as const, hadolint: [], size: { savedMb, measure, note: 'n' } });
    const tally = emptyTally();
    count(tally, 'changed', [switchTo(900, 'uncompressed'), switchTo(771, 'uncompressed')]);
    count(tally, 'changed', [switchTo(25, 'compressed')]);
    expect(sizeLine(tally)).toBe('estimated size effect of 3 base-image switches: ~1671 MB smaller uncompressed (2 switches), ~25 MB smaller compressed (1 switch) (an estimate from published image sizes; --explain gives each figure and its source)');
    const one = emptyTally();
    count(one, 'changed', [switchTo(25, 'compressed')]);
    expect(sizeLine(one)).toBe('estimated size effect of 1 base-image switch: ~25 MB smaller compressed (an estimate from published image sizes; --explain gives each figure and its source)');
  });
});

describe('--list-different, --quiet, progress', () => {
  it('--list-different prints the names of files that would change and exits 1; with --write, 0', async () => {
    const root = tree();
    const dry = await cli(['-l', '--on-error=warn'], root);
    expect([dry.status, dry.stdout]).toEqual([1, 'api/Dockerfile\n']);
    const write = await cli(['-l', '--write', '--on-error=warn'], root);
    expect([write.status, write.stdout]).toEqual([0, 'api/Dockerfile\n']);
  });

  it('--quiet leaves errors alone on stderr and drops the summary and warnings', async () => {
    const run = await cli(['--quiet', '-l'], tree());
    expect(run.stderr).toBe('bad/Dockerfile:1: error: invalid image reference "php:8.3%"\n');
    const warn = await cli(['--quiet', '-l', '--on-error=warn'], tree());
    expect(warn.stderr).toBe('');
  });

  it('the progress line is erased before stdout is written, so it never lands in the diff', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`s${i}/Dockerfile`] = APT;
    const events: string[] = [];
    const run = await cli(['-t', 'exec-form'], tempFolder(files), {
      stderrIsTTY: true,
      stderrColumns: 60,
      stdout: (s) => events.push(`out:${String(s).slice(0, 10)}`),
      stderr: (s) => events.push(`err:${s}`),
    });
    expect(run.status).toBe(0);
    // However it interleaves, a drawn line is always cleared before the next stdout write.
    let drawn = false;
    for (const e of events) {
      if (e.startsWith('err:\r') && !e.startsWith('err:\r\x1b[K')) drawn = true;
      if (e === 'err:\r\x1b[K') drawn = false;
      if (e.startsWith('out:')) expect(drawn).toBe(false);
    }
  });

  it('the line says done/total, changed, errors and the rate, fitted to the terminal', () => {
    let now = 0;
    const written: string[] = [];
    const p = new Progress((s) => written.push(s), 200, () => now);
    p.start(4);
    now = 1000;
    p.update('changed');
    expect(written.at(-1)).toBe('\rdockshift: 1/4 files, 1 changed, 0 errors, 1.0 files/s\x1b[K');
    now = 1010;
    p.update('error'); // within 100 ms of the last: not drawn
    expect(written).toHaveLength(1);
    now = 2000;
    p.update('unchanged');
    expect(written.at(-1)).toBe('\rdockshift: 3/4 files, 1 changed, 1 error, 1.5 files/s\x1b[K');
    p.clear();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });
});

describe('--explain over a run', () => {
  const edit = (status: 'proposed' | 'duplicate' | 'stale', after: string, first?: { by: string; same: boolean }) => ({
    path: '.dockerignore', target: '/r/.dockerignore', transform: 'dockerignore', message: first === undefined ? 'add .git' : `add .git (also proposed for ${first.by})`,
    before: '*.log\n', after, tier: 'review' as const, status, diff: '', ...(first === undefined ? {} : { first }),
  });
  const result = (path: string, fileEdits: ReturnType<typeof edit>[]) => ({ path, changes: [], refusals: [], newFiles: [], fileEdits, runtime: [] });

  it('says a context file several Dockerfiles propose once, when the run ends, naming them in the order reported', () => {
    const explain = new RunExplain();
    expect(explain.file(result('src/a/Dockerfile', [edit('proposed', '*.log\n.git\n')]))).toEqual([]);
    expect(explain.file(result('src/b/Dockerfile', [edit('duplicate', '*.log\n.git\n', { by: 'src/a/Dockerfile', same: true })]))).toEqual([]);
    // Another text is not what is shown or written: said apart, after the first one's line.
    expect(explain.file(result('src/c/Dockerfile', [edit('duplicate', '*.log\n.git\nnode_modules\n', { by: 'src/a/Dockerfile', same: false })]))).toEqual([]);
    expect(explain.file(result('src/d/Dockerfile', [edit('duplicate', '*.log\n.git\n', { by: 'src/a/Dockerfile', same: true })]))).toEqual([]);
    expect(explain.end()).toEqual([
      '.dockerignore: dockerignore [review]: add .git (for src/a/Dockerfile, src/b/Dockerfile and src/d/Dockerfile)',
      '.dockerignore: dockerignore [review]: add .git (also proposed for src/a/Dockerfile) (for src/c/Dockerfile) (not shown: it reads otherwise than that of src/a/Dockerfile, which is)',
    ]);
  });

  it('says the proposals of a context file in the order of the files, in band and in threads alike', () => {
    assertBuilt();
    // A transform of the run's own that proposes the .dockerignore a Dockerfile's comment names.
    const transform = `export default {
  meta: { name: 'ignore-by-comment', summary: 'test', docs: 'test', hadolint: [], defaultEnabled: false, options: {},
    touches: { instructions: {}, newFiles: ['.dockerignore'] }, refusals: {}, needsBuildContext: true },
  run(file) {
    const m = /^# ignore: (.*)$/m.exec(file.text);
    return m === null ? [] : [{ kind: 'new-file', path: '.dockerignore', content: m[1] + '\\n', message: 'leave ' + m[1] + ' out', review: null }];
  },
};
`;
    const root = tempFolder({
      'ignore-by-comment.mjs': transform,
      'a.Dockerfile': '# ignore: .git\nFROM alpine:3.20\n',
      'b.Dockerfile': '# ignore: node_modules\nFROM alpine:3.20\n',
      'c.Dockerfile': '# ignore: .git\nFROM alpine:3.20\n',
    });
    for (const how of [['-j', '1'], ['-j', '2'], ['--run-in-band']]) {
      const run = dockshift(['-t', './ignore-by-comment.mjs', '--explain', ...how, 'a.Dockerfile', 'b.Dockerfile', 'c.Dockerfile'], { cwd: root });
      expect([run.status, messages(run)], how.join(' ')).toEqual([0, [
        '.dockerignore: ignore-by-comment: leave .git out (for a.Dockerfile and c.Dockerfile)',
        '.dockerignore: ignore-by-comment: leave node_modules out (also proposed for a.Dockerfile) (for b.Dockerfile) (not shown: it reads otherwise than that of a.Dockerfile, which is)',
      ]]);
    }
  });

  it('says at once what became of a proposal that is not shown', () => {
    const explain = new RunExplain();
    expect(explain.file(result('Dockerfile', [edit('stale', '*.log\n.git\n')]))).toEqual(['.dockerignore: dockerignore [review]: add .git (for Dockerfile) (changed since it was read; left alone)']);
    expect(explain.end()).toEqual([]);
  });
});
