import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transformText } from '../src/api.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__', 'alpine-base');

/** alpine-base on a fixture case, with its build context. */
function fixture(name: string) {
  const text = fs.readFileSync(path.join(FIXTURES, `${name}.input.Dockerfile`), 'utf8');
  const result = transformText(text, { transforms: ['alpine-base'], context: path.join(FIXTURES, `${name}.context`) });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('alpine-base: .NET runtime identifiers', () => {
  it('refuses a build for linux-x64, a glibc identifier, naming the musl one', () => {
    expect(fixture('refuse-dotnet-glibc-rid').refusals.map((r) => r.reason)).toEqual([
      'mcr.microsoft.com/dotnet/sdk:8.0-alpine: line 4 runs `dotnet restore -r linux-x64`: linux-x64 is the glibc runtime identifier, so the app\'s host and native libraries are built for glibc and do not run on musl (Alpine\'s is linux-musl-x64)',
    ]);
  });

  it('switches a portable build, which picks its native libraries when it runs', () => {
    expect(fixture('dotnet-portable').changes.map((c) => c.message)).toEqual(['mcr.microsoft.com/dotnet/sdk:8.0 → mcr.microsoft.com/dotnet/sdk:8.0-alpine']);
  });
});
