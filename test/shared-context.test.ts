import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gitBlobId } from '../src/engine/diff.js';
import { assertBuilt, contents, dockshift, removeTempFolders, tempFolder } from './helpers/cli.js';

beforeAll(assertBuilt);
afterEach(removeTempFolders);

/**
 * Several Dockerfiles built with one build context (bitwarden/server's `src/*\/Dockerfile`, built from
 * the repository's root): each proposes the same .dockerignore, which the run proposes and writes once,
 * and --explain says once, naming every Dockerfile it is for.
 */
const SERVICES = ['a', 'b', 'c'];
const dockerfile = (name: string) => `FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "src/${name}/index.js"]\n`;
const COMPOSE = `services:\n${SERVICES.map((s) => `  ${s}:\n    build:\n      context: .\n      dockerfile: src/${s}/Dockerfile\n`).join('')}`;
const DOCKERFILES = SERVICES.map((s) => `src/${s}/Dockerfile`);
const FOR_ALL = '(for src/a/Dockerfile, src/b/Dockerfile and src/c/Dockerfile)';

function sharedContext(extra: Readonly<Record<string, string>> = {}): string {
  return tempFolder({
    'docker-compose.yml': COMPOSE,
    ...Object.fromEntries(SERVICES.flatMap((s) => [[`src/${s}/Dockerfile`, dockerfile(s)], [`src/${s}/index.js`, '1\n']])),
    'package.json': '{"name":"x","version":"1.0.0"}\n',
    'package-lock.json': '{}\n',
    'node_modules/left-pad/index.js': 'module.exports = 1\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    ...extra,
  });
}

const blob = (text: string) => gitBlobId(Buffer.from(text, 'utf8'));
/** The `.dockerignore: …` lines of --explain. */
const ignoreLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('.dockerignore: '));

describe('a build context several Dockerfiles share', () => {
  it('has its .dockerignore edited once, said once for every Dockerfile, and a second run changes nothing', () => {
    const before = '*.log\n';
    const after = '*.log\n.git\nnode_modules\n';
    const root = sharedContext({ '.dockerignore': before });

    const dry = dockshift(['-t', 'dockerignore', '--explain', '.'], { cwd: root });
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toBe(
      [
        'diff --git a/.dockerignore b/.dockerignore',
        `index ${blob(before)}..${blob(after)} 100644`,
        '--- a/.dockerignore',
        '+++ b/.dockerignore',
        '@@ -1 +1,3 @@',
        ' *.log',
        '+.git',
        '+node_modules',
        '',
      ].join('\n'),
    );
    expect(ignoreLines(dry.stderr)).toEqual([
      `.dockerignore: dockerignore [review]: add .git, node_modules to the .dockerignore, which lets them into the build context ${FOR_ALL} (review: a file left out of the build context is no longer there for COPY, ADD or a bind mount; check that no build step or script reads one indirectly (a version read from .git, a .env read at build time))`,
    ]);
    // Said after every Dockerfile's own lines, once the run knows all that share the file.
    expect(dry.stderr.indexOf('.dockerignore: ')).toBeGreaterThan(dry.stderr.lastIndexOf('src/c/Dockerfile: '));

    // The markdown report shows the edit under the first Dockerfile, naming the others.
    const markdown = dockshift(['-t', 'dockerignore', '-f', 'markdown', '.'], { cwd: root });
    expect(markdown.stdout).toContain('Edit of `.dockerignore` (dockerignore, **review**): add .git, node_modules to the .dockerignore, which lets them into the build context (also for `src/b/Dockerfile`, `src/c/Dockerfile`)\n');

    const write = dockshift(['-t', 'dockerignore', '--write', '--explain', '.'], { cwd: root });
    expect(write.status, write.stderr).toBe(0);
    expect(contents(root)['.dockerignore']).toBe(after);
    expect(ignoreLines(write.stderr)).toHaveLength(1);
    expect(ignoreLines(write.stderr)[0]).toContain(FOR_ALL);

    const written = contents(root);
    const again = dockshift(['-t', 'dockerignore', '--check', '--explain', '.'], { cwd: root });
    expect([again.status, again.stdout, ignoreLines(again.stderr)], again.stderr).toEqual([0, '', []]);
    expect(contents(root)).toEqual(written);
  });

  it('has a new .dockerignore proposed once, whichever Dockerfiles the run names, in the same order', () => {
    const proposed = '# Version control\n.git\n\n# Dependencies the build installs itself\nnode_modules\n';
    const root = sharedContext();
    const runs = [['.'], DOCKERFILES, [...DOCKERFILES].reverse()].map((paths) => dockshift(['-t', 'dockerignore', '--explain', ...paths], { cwd: root }));
    for (const run of runs) {
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(
        [
          'diff --git a/.dockerignore b/.dockerignore',
          'new file mode 100644',
          `index 0000000000000000000000000000000000000000..${blob(proposed)}`,
          '--- /dev/null',
          '+++ b/.dockerignore',
          '@@ -0,0 +1,5 @@',
          ...proposed.split('\n').slice(0, -1).map((l) => `+${l}`),
          '',
        ].join('\n'),
      );
      expect(ignoreLines(run.stderr)).toEqual([expect.stringContaining(`: leave .git, node_modules out of the build context: the build does not use them ${FOR_ALL} (review: `)]);
    }

    const write = dockshift(['-t', 'dockerignore', '--write', '.'], { cwd: root });
    expect(write.status, write.stderr).toBe(0);
    expect(contents(root)['.dockerignore']).toBe(proposed);
    const again = dockshift(['-t', 'dockerignore', '--check', '.'], { cwd: root });
    expect([again.status, again.stdout], again.stderr).toEqual([0, '']);
  });
});
