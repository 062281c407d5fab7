import { describe, expect, it } from 'vitest';
import { splitWords } from '../../src/shell/simpleWords.js';

describe('splitWords', () => {
  it('keeps a lone [ or ] as a word, and names the feature that needs a shell', () => {
    expect(splitWords('[ -f /etc/ok ]')).toEqual(['[', '-f', '/etc/ok', ']']);
    expect(splitWords('[ -f /etc/ok ] && unbound -d')).toEqual({ code: 'shell-feature', reason: 'uses a list or background job, which needs a shell' });
    expect(splitWords('ls /data/[ab]*')).toEqual({ code: 'shell-feature', reason: 'uses a glob, which needs a shell' });
    expect(splitWords('echo [x]')).toEqual({ code: 'shell-feature', reason: 'uses a glob, which needs a shell' });
  });
});
