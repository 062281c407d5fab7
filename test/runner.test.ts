import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileTask } from '../src/engine/processFile.js';
import { runTasks, threadsFor } from '../src/engine/runner.js';

describe('threadsFor', () => {
  it('runs in band by default below 2,000 files, on one core, or on 2 cores below 10,000 files', () => {
    expect(threadsFor(1999, undefined, 8)).toBe(1);
    expect(threadsFor(9999, undefined, 2)).toBe(1);
    expect(threadsFor(100_000, undefined, 1)).toBe(1);
  });

  it('uses both cores of a 2-core machine from 10,000 files', () => {
    expect(threadsFor(10_000, undefined, 2)).toBe(2);
    expect(threadsFor(100_000, undefined, 2)).toBe(2);
  });

  it('uses one thread per core by default from 2,000 files on 3 cores or more', () => {
    expect(threadsFor(2000, undefined, 3)).toBe(3);
    expect(threadsFor(50_000, undefined, 8)).toBe(8);
  });

  it('honours an explicit concurrency whatever the size, never above the number of files', () => {
    expect(threadsFor(10, 2, 2)).toBe(2);
    expect(threadsFor(1, 4, 8)).toBe(1);
    expect(threadsFor(5000, 1, 8)).toBe(1);
    expect(threadsFor(5000, 0, 8)).toBe(1);
  });

  it('caps an explicit concurrency at two threads per core', () => {
    expect(threadsFor(5000, 16, 8)).toBe(16);
    expect(threadsFor(5000, 17, 8)).toBe(16);
    expect(threadsFor(5000, 5000, 2)).toBe(4);
    expect(threadsFor(5000, Number('99999999999999999999'), 2)).toBe(4);
    expect(threadsFor(3, Number('99999999999999999999'), 2)).toBe(3);
  });
});

describe('runTasks', () => {
  it('hands each result on in order with its task and index, and lets go of every task it was given', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-runner-'));
    try {
      const texts = ['FROM alpine:3.20\nRUN apk add curl\n', 'FROM debian:12\n', 'FROM alpine:3.20\nRUN echo a\nRUN echo b\n'];
      const tasks: FileTask[] = texts.map((text, i) => {
        const file = path.join(dir, `${i}.Dockerfile`);
        fs.writeFileSync(file, text);
        return { path: file, display: `${i}.Dockerfile` };
      });
      const given = [...tasks];
      const seen: [string, FileTask, number][] = [];
      const processed = await runTasks(tasks, [{ names: ['install-flags', 'collapse-run'], options: {} }], 'dry-run', { inBand: true }, (result, task, index) => seen.push([result.path, task, index]));
      expect(processed).toBe(3);
      expect(seen).toEqual(given.map((t, i) => [t.display, t, i]));
      expect(seen.map(([, t], i) => t === given[i])).toEqual([true, true, true]);
      expect(Object.keys(tasks)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
