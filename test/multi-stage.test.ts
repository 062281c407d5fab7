import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transformText } from '../src/api.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__', 'multi-stage');

/** multi-stage on a fixture case, with its build context. */
function fixture(name: string) {
  const text = fs.readFileSync(path.join(FIXTURES, `${name}.input.Dockerfile`), 'utf8');
  const result = transformText(text, { transforms: ['multi-stage'], context: path.join(FIXTURES, `${name}.context`) });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('multi-stage refusals name the right image', () => {
  it('unknown-needs: the line runs on the builder, what it made must run on the runtime image', () => {
    const [refusal] = fixture('refuse-unknown-needs').refusals;
    expect(refusal).toMatchObject({ code: 'unknown-needs', line: 5 });
    expect(refusal!.reason).toMatch(/^cannot tell whether what line 5 makes on node:22-bookworm \(the build stage\) runs on node:22-bookworm-slim: @prisma\/client/);
  });
});

describe('multi-stage: Rust built for musl', () => {
  it('a static binary of rust:*-alpine goes on the same Alpine release, or on scratch by option', () => {
    expect(fixture('rust-alpine').changes[0]!.message).toContain('runtime stage on alpine:3.20');
    expect(fixture('rust-alpine').changes[0]!.message).toContain("a static binary: the builder's host target is musl (rust:1.80-alpine3.20), which links musl in (crt-static)");
  });

  it('refuses a musl build that links a library of the system, and scratch for a binary with crt-static off', () => {
    expect(fixture('refuse-rust-alpine-system-library').refusals[0]!.reason).toBe(
      "Cargo.lock has openssl-sys, which links libssl (OpenSSL) from the system: the binary is built for musl (the builder's host target is musl (rust:1-alpine), which links musl in (crt-static)), and whether that library is linked in or needed at run time is not followed",
    );
    const scratch = transformText(fs.readFileSync(path.join(FIXTURES, 'refuse-rust-alpine-dynamic-scratch.input.Dockerfile'), 'utf8'), {
      transforms: ['multi-stage'],
      options: { 'multi-stage': { runtime: 'scratch' } },
      context: path.join(FIXTURES, 'refuse-rust-alpine-dynamic-scratch.context'),
    });
    if (!scratch.ok) throw new Error(scratch.error.message);
    expect(scratch.refusals[0]!.reason).toBe("the binary links musl dynamically (the builder's host target is musl (rust:1-alpine), with crt-static turned off); scratch has no C library");
  });
});
