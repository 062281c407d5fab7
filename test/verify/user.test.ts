import { describe, expect, it } from 'vitest';
import { checkUser, finalStageUser } from '../../src/verify/user.js';

const root = { user: '', entrypoint: null, cmd: null, stopSignal: null };
const app = { ...root, user: 'app' };

describe('the USER check', () => {
  it('reads the last USER of the final stage', () => {
    expect(finalStageUser('FROM a AS b\nUSER builder\nFROM c\nUSER 1000:1000\nUSER app\nCMD x\n')).toBe('app');
    expect(finalStageUser('FROM a\nUSER builder\nFROM c\nCMD x\n')).toBeNull();
  });

  it('expects the image to run as the USER the rewrite wrote', () => {
    const rewritten = 'FROM a\nUSER app\nCMD x\n';
    expect(checkUser('FROM a\nCMD x\n', rewritten, root, root)).toEqual({ before: '', after: '', expected: 'app', ok: false });
    expect(checkUser('FROM a\nCMD x\n', rewritten, root, app)).toEqual({ before: '', after: 'app', expected: 'app', ok: true });
  });

  it('expects nothing when the rewrite left USER alone or it reads a variable', () => {
    expect(checkUser('FROM a\nUSER app\n', 'FROM a\nUSER app\n', app, root)).toEqual({ before: 'app', after: '', expected: null, ok: true });
    expect(checkUser('FROM a\nCMD x\n', 'FROM a\nUSER ${UID}\nCMD x\n', root, root).expected).toBeNull();
  });
});
