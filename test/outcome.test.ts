import { describe, expect, it } from 'vitest';
import { exitCodeOf, isUnknownFile, severityOf, type ProblemKind } from '../src/engine/outcome.js';
import { displayPathOf, patchFolderOf, patchPathOf } from '../src/engine/patchPaths.js';

describe('exitCodeOf', () => {
  it('puts a signal before an error before a change found by --check', () => {
    expect(exitCodeOf({ changed: 3, errors: 1 }, true, 'SIGINT')).toBe(130);
    expect(exitCodeOf({ changed: 0, errors: 0 }, false, 'SIGTERM')).toBe(143);
    expect(exitCodeOf({ changed: 3, errors: 1 }, true, null)).toBe(2);
    expect(exitCodeOf({ changed: 3, errors: 0 }, true, null)).toBe(1);
    expect(exitCodeOf({ changed: 3, errors: 0 }, false, null)).toBe(0);
    expect(exitCodeOf({ changed: 0, errors: 0 }, true, null)).toBe(0);
  });
});

describe('severityOf', () => {
  it('lets --on-error=warn soften only failures that leave the file as it was', () => {
    const kinds: ProblemKind[] = ['unreadable', 'not-text', 'not-dockerfile', 'invalid', 'transform', 'write', 'missing', 'no-dockerfile'];
    expect(kinds.map((k) => severityOf(k, 'warn'))).toEqual(['warning', 'warning', 'warning', 'warning', 'warning', 'error', 'error', 'error']);
    expect(kinds.every((k) => severityOf(k, 'fail') === 'error')).toBe(true);
  });
});

describe('isUnknownFile', () => {
  it('is a file named explicitly, not named like a Dockerfile, that is not text or not a Dockerfile', () => {
    expect(isUnknownFile('/r/README.md', true, 'not-dockerfile')).toBe(true);
    expect(isUnknownFile('/r/logo.png', true, 'not-text')).toBe(true);
    expect(isUnknownFile('/r/README.md', false, 'not-dockerfile')).toBe(false);
    expect(isUnknownFile('/r/Dockerfile.md', true, 'not-dockerfile')).toBe(false);
    expect(isUnknownFile('/r/app.dockerfile', true, 'not-text')).toBe(false);
    expect(isUnknownFile('/r/template.txt', true, 'invalid')).toBe(false);
    expect(isUnknownFile('/r/secret.txt', true, 'unreadable')).toBe(false);
  });
});

describe('patchPathOf', () => {
  it('is relative below the base and absolute without the leading / elsewhere, never with ..', () => {
    expect(patchPathOf('/repo/svc/Dockerfile', '/repo')).toBe('svc/Dockerfile');
    expect(patchPathOf('/repo/..odd/Dockerfile', '/repo')).toBe('..odd/Dockerfile');
    expect(patchPathOf('/other/Dockerfile', '/repo')).toBe('other/Dockerfile');
    expect(patchPathOf('/repo-two/Dockerfile', '/repo')).toBe('repo-two/Dockerfile');
    expect(patchPathOf('/Dockerfile', '/repo')).toBe('Dockerfile');
  });

  it('names a build context that is the base itself `.`, so that its files are `a/.dockerignore`', () => {
    expect(patchFolderOf('/repo', '/repo')).toBe('.');
    expect(patchFolderOf('/repo/svc', '/repo')).toBe('svc');
    expect(patchFolderOf('/other', '/repo')).toBe('other');
  });

  it('messages name files from the working folder, climbing out with .. as compilers do', () => {
    expect(displayPathOf('/repo/svc/Dockerfile', '/repo/svc')).toBe('Dockerfile');
    expect(displayPathOf('/repo/Dockerfile', '/repo/svc')).toBe('../Dockerfile');
  });
});
