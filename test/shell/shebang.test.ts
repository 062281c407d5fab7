import { describe, expect, it } from 'vitest';
import { shebangOf } from '../../src/shell/shebang.js';

describe('shebangOf', () => {
  it('names the program that reads the script, through env and its options', () => {
    expect(shebangOf('#!/bin/bash -e\necho')).toEqual({ line: '/bin/bash -e', path: '/bin/bash', program: 'bash' });
    expect(shebangOf('#! /usr/bin/env bash\n')?.program).toBe('bash');
    expect(shebangOf('#!/usr/bin/env -S bash -e\n')).toEqual({ line: '/usr/bin/env -S bash -e', path: '/usr/bin/env', program: 'bash' });
    expect(shebangOf('#!/usr/bin/env -i PATH=/bin -u HOME sh\r\n')?.program).toBe('sh');
    expect(shebangOf('#!/usr/local/bin/python3\n')?.program).toBe('python3');
    expect(shebangOf('#!/usr/bin/env\n')?.program).toBe('');
    expect(shebangOf('echo hi\n#!/bin/bash')).toBeNull();
  });
});
