/**
 * hadolint's configuration as users write it: ignore comments (per instruction and
 * global) and the `ignored:` list of a `.hadolint.yaml` found upward from the Dockerfile.
 * A comment or list that names nothing real is an error, not silence.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import { isHadolintRule, pragmaProblem } from '../src/engine/pragmas.js';
import { runPipeline } from '../src/engine/pipeline.js';
import { processFile } from '../src/engine/processFile.js';
import { configure } from '../src/engine/select.js';

const defaults = () => configure({ names: ['exec-form', 'collapse-run', 'install-flags', 'cleanup-in-layer'], options: {} });
const names = new Set(['collapse-run', 'exec-form']);

describe('ignore comments that name nothing real', () => {
  it.each([
    ['a transform that does not exist', 'FROM a\n# dockshift-ignore colapse-run\nRUN x\n', 2, 'dockshift has no transform "colapse-run" (see --list)'],
    ['one of several names', 'FROM a\n# dockshift-ignore-file exec-form, cleanup\nRUN x\n', 2, 'dockshift has no transform "cleanup" (see --list)'],
    ['a hadolint rule that does not exist', 'FROM a\n# hadolint ignore=DL3099\nRUN x\n', 2, "hadolint has no rule DL3099 (its rules are DL3000–DL3077, DL4000–DL4007, DL1001 and ShellCheck's SCnnnn)"],
    ['a global ignore of an unknown rule', '# hadolint global ignore=DL3015,DL9\nFROM a\n', 1, "hadolint has no rule DL9 (its rules are DL3000–DL3077, DL4000–DL4007, DL1001 and ShellCheck's SCnnnn)"],
    ['an ignore comment hadolint would not read', 'FROM a\n# hadolint ignore=DL3008 because pinning\nRUN x\n', 2, 'hadolint would not read this ignore comment (it takes `ignore=DL3008,DL3015`, optionally followed by `# a note`)'],
  ])('%s is an error with its line', (_, text, line, message) => {
    expect(pragmaProblem(parseDockerfile(text), names)).toEqual({ line, message });
    const result = runPipeline(text, defaults());
    expect(result.ok ? null : result.error.line).toBe(line);
  });

  it('accepts real names, notes after #, ShellCheck codes and other hadolint comments', () => {
    const text = '# hadolint global ignore=DL3008, SC2086 # pinned elsewhere\nFROM a\n# hadolint ignore=DL3059\n# hadolint shell=bash\n# dockshift-ignore exec-form collapse-run\nRUN x\n';
    expect(pragmaProblem(parseDockerfile(text), names)).toBeNull();
    expect(runPipeline(text, defaults()).ok).toBe(true);
  });

  it('knows hadolint rules', () => {
    for (const code of ['DL3000', 'DL3015', 'DL3062', 'DL3077', 'DL4000', 'DL4006', 'DL1001', 'SC1091', 'SC2086']) expect(isHadolintRule(code), code).toBe(true);
    for (const code of ['DL2999', 'DL3078', 'DL4008', 'DL1000', 'SC123', 'sc2086', 'dl3015', 'X1']) expect(isHadolintRule(code), code).toBe(false);
  });
});

describe('hadolint global ignore', () => {
  it('turns off the transforms whose every rule it names, and the matching part of the others', () => {
    const text = '# hadolint global ignore=DL3059,DL3015\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5\nRUN pip install psycopg\nCMD python app.py\n';
    const result = runPipeline(text, defaults());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.output).toBe(
      '# hadolint global ignore=DL3059,DL3015\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir psycopg\nCMD ["python", "app.py"]\n',
    );
  });
});

describe('a transform off for the whole file', () => {
  it('says, at each line it would have changed, which comment keeps it off, and changes nothing there', () => {
    const text = '# dockshift-ignore-file exec-form\n# hadolint global ignore=DL3059\nFROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nRUN pip install --no-cache-dir gunicorn\nCMD python app.py\n';
    const result = runPipeline(text, defaults());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.output).toBe(text);
    expect(result.refusals.map(({ transform, line, code, reason }) => ({ transform, line, code, reason }))).toEqual([
      { transform: 'collapse-run', line: 4, code: 'ignored', reason: "the ignore comment on line 2 (`# hadolint global ignore=`) ignores hadolint's rule DL3059, which collapse-run answers, so it is off for this file" },
      { transform: 'exec-form', line: 6, code: 'ignored', reason: 'an ignore comment on line 1 keeps exec-form off this file' },
    ]);
  });
});

describe('.hadolint.yaml found upward from the Dockerfile', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
  });
  const tree = (files: Record<string, string>) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-hadolint-'));
    roots.push(root);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    return root;
  };
  const DOCKERFILE = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nRUN mkdir /app\n';
  const run = (root: string) => processFile({ path: path.join(root, 'services/api/Dockerfile'), display: 'services/api/Dockerfile' }, defaults(), 'dry-run');

  it('applies its ignored list to every Dockerfile below it', () => {
    const root = tree({ '.hadolint.yaml': 'ignored:\n  - DL3059\n  - DL3015\n', 'services/api/Dockerfile': DOCKERFILE });
    const result = run(root);
    expect(result.error).toBeNull();
    expect(result.changes.map((c) => c.transform)).toEqual(['cleanup-in-layer']);
    expect(result.diff).toContain('+RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*');
  });

  it('reads a list or a rule given through a YAML alias, as hadolint does', () => {
    for (const config of ['common: &c\n  - DL3059\n  - DL3015\nignored: *c\n', 'shared: &r DL3015\nignored:\n  - DL3059\n  - *r\n']) {
      const result = run(tree({ '.hadolint.yaml': config, 'services/api/Dockerfile': DOCKERFILE }));
      expect(result.error).toBeNull();
      expect(result.changes.map((c) => c.transform)).toEqual(['cleanup-in-layer']);
    }
    // What an alias stands for is checked as any entry is, at the alias's line.
    const wrong = run(tree({ '.hadolint.yaml': 'bad: &b DL3999\nignored:\n  - DL3059\n  - *b\n', 'services/api/Dockerfile': DOCKERFILE }));
    expect(wrong.error!.message).toBe('hadolint configuration .hadolint.yaml:4: `ignored:` names "DL3999", which is not a hadolint rule (DL3000–DL3077, DL4000–DL4007, DL1001, SCnnnn)');
    const notList = run(tree({ '.hadolint.yaml': 'one: &o DL3059\nignored: *o\n', 'services/api/Dockerfile': DOCKERFILE }));
    expect(notList.error!.message).toBe('hadolint configuration .hadolint.yaml:2: `ignored:` must be a list of rule codes');
  });

  it('takes the nearest one, .yml too', () => {
    const root = tree({ '.hadolint.yaml': 'ignored: [DL3015]\n', 'services/.hadolint.yml': 'ignored:\n  - DL3059\n', 'services/api/Dockerfile': DOCKERFILE });
    const result = run(root);
    expect(result.changes.map((c) => c.transform)).toEqual(['install-flags', 'cleanup-in-layer']);
  });

  it('says, where a transform it keeps off would change the file, which file keeps it off; the diff and the status stay as they were', () => {
    const SERVICE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n';
    const withUser = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nUSER nobody\nCMD ["python", "app.py"]\n';
    const nonRoot = () => configure({ names: ['non-root-user', 'exec-form'], options: {} });
    const runNonRoot = (root: string) => processFile({ path: path.join(root, 'services/api/Dockerfile'), display: 'services/api/Dockerfile' }, nonRoot(), 'dry-run');
    const result = runNonRoot(tree({ 'services/.hadolint.yml': 'ignored:\n  - DL3002\n', 'services/api/Dockerfile': SERVICE }));
    expect(result.error).toBeNull();
    expect(result.status).toBe('unchanged');
    expect(result.diff).toBe('');
    expect(result.changes).toEqual([]);
    expect(result.refusals.map(({ transform, line, code, reason }) => ({ transform, line, code, reason }))).toEqual([
      { transform: 'non-root-user', line: 3, code: 'ignored', reason: "the `ignored:` list of services/.hadolint.yml ignores hadolint's rule DL3002, which non-root-user answers, so it is off for this file" },
    ]);
    // Where it would change nothing, it has nothing to say.
    expect(runNonRoot(tree({ 'services/.hadolint.yml': 'ignored:\n  - DL3002\n', 'services/api/Dockerfile': withUser })).refusals).toEqual([]);
  });

  it('without one, nothing is ignored', () => {
    const result = run(tree({ 'services/api/Dockerfile': DOCKERFILE }));
    expect(result.changes.map((c) => c.transform)).toContain('collapse-run');
  });

  it('an unknown rule or a broken file is an error naming the configuration and its line', () => {
    const unknown = run(tree({ '.hadolint.yaml': 'ignored:\n  - DL3015\n  - DL3999\n', 'services/api/Dockerfile': DOCKERFILE }));
    expect(unknown.status).toBe('error');
    expect(unknown.error!.message).toBe('hadolint configuration .hadolint.yaml:3: `ignored:` names "DL3999", which is not a hadolint rule (DL3000–DL3077, DL4000–DL4007, DL1001, SCnnnn)');
    // The line that lists it, not a comment or a longer code that holds it.
    const listed = run(tree({ '.hadolint.yaml': '# DL300 is noisy\nignored:\n  - DL3008\n  - DL300\n', 'services/api/Dockerfile': DOCKERFILE }));
    expect(listed.error!.message).toMatch(/^hadolint configuration \.hadolint\.yaml:4: /);
    const broken = run(tree({ 'services/.hadolint.yaml': 'ignored: [DL3015\n', 'services/api/Dockerfile': DOCKERFILE }));
    // One line: the yaml package's code frame and its dangling colon are left out.
    expect(broken.error!.message).toMatch(/^hadolint configuration services\/\.hadolint\.yaml:2: not valid YAML: [^\n]*[^:\n]$/);
  });

  it('a wrong configuration is a configuration error, as a wrong .dockshift.yaml is, naming its line', () => {
    const cases: [string, string][] = [
      ['ignored: DL3059\n', 'hadolint configuration .hadolint.yaml:1: `ignored:` must be a list of rule codes'],
      ['# rules\nignored:\n  - DL3059\n  - [DL3015]\n', 'hadolint configuration .hadolint.yaml:4: `ignored:` must be a list of rule codes'],
      ['\n- DL3059\n', 'hadolint configuration .hadolint.yaml:2: expected a mapping with keys such as `ignored:`'],
    ];
    for (const [config, message] of cases) {
      const result = run(tree({ '.hadolint.yaml': config, 'services/api/Dockerfile': DOCKERFILE }));
      // `line` is the Dockerfile's; the message names the configuration's.
      expect(result.error).toEqual({ kind: 'config', line: null, message });
    }
    for (const config of ['', '# nothing yet\n', 'ignored:\n', 'ignored: []\nfailure-threshold: error\n']) {
      expect(run(tree({ '.hadolint.yaml': config, 'services/api/Dockerfile': DOCKERFILE })).error).toBeNull();
    }
  });
});
