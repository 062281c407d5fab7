import { describe, expect, it } from 'vitest';
import { splitCommand } from '../../src/verify/words.js';

describe('splitCommand', () => {
  it('splits words as a shell would, without expanding anything', () => {
    expect(splitCommand(`curl -sS 'https://x/?a=1&b=2' "say \\"hi\\"" a\\ b $HOME`)).toEqual({ ok: true, args: ['curl', '-sS', 'https://x/?a=1&b=2', 'say "hi"', 'a b', '$HOME'] });
    expect(splitCommand(`sh -c 'test -s /etc/ssl/certs/ca-certificates.crt'`)).toEqual({ ok: true, args: ['sh', '-c', 'test -s /etc/ssl/certs/ca-certificates.crt'] });
    expect(splitCommand(`a ''`)).toEqual({ ok: true, args: ['a', ''] });
  });

  it('takes a JSON array as the arguments', () => {
    expect(splitCommand('["node", "-e", "console.log(1)"]')).toEqual({ ok: true, args: ['node', '-e', 'console.log(1)'] });
  });

  it('refuses unterminated quotes and an empty command', () => {
    expect(splitCommand(`echo 'a`)).toEqual({ ok: false, message: 'unterminated single quote' });
    expect(splitCommand(`echo "a`)).toEqual({ ok: false, message: 'unterminated double quote' });
    expect(splitCommand('  ')).toEqual({ ok: false, message: 'empty command' });
  });
});
