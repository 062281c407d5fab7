import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transformText } from '../src/api.js';
import { runFixtureCase } from './helpers/fixtures.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__', 'alpine-base');

const fixture = (name: string) => runFixtureCase('alpine-base', name);

describe('alpine-base: .NET runtime identifiers', () => {
  it('refuses a build for linux-x64, a glibc identifier, naming the musl one', () => {
    expect(fixture('refuse-dotnet-glibc-rid').refusals.map((r) => r.reason)).toEqual([
      'mcr.microsoft.com/dotnet/sdk:8.0-alpine: line 4 runs `dotnet restore -r linux-x64`: linux-x64 is the glibc runtime identifier, so the app\'s host and native libraries are built for glibc and do not run on musl (Alpine\'s is linux-musl-x64)',
    ]);
  });

  it('refuses the identifier given as an MSBuild property', () => {
    expect(fixture('refuse-dotnet-rid-property').refusals[0]!.reason).toContain('line 6 runs `dotnet publish -c Release -p:RuntimeIdentifier=linux-x64 …`: linux-x64 is the glibc runtime identifier');
  });

  it('refuses a project file that sets a glibc RuntimeIdentifier, naming the file', () => {
    expect(fixture('refuse-dotnet-rid-csproj').refusals.map((r) => r.reason)).toEqual([
      "mcr.microsoft.com/dotnet/sdk:8.0-alpine: Worker.csproj sets <RuntimeIdentifier>linux-x64</RuntimeIdentifier>, which line 4 (`dotnet restore`) builds for: the glibc runtime identifier, so the app's host and native libraries are built for glibc and do not run on musl (Alpine's is linux-musl-x64)",
    ]);
  });

  it('switches a portable build, which picks its native libraries when it runs', () => {
    expect(fixture('dotnet-portable').changes.map((c) => c.message)).toEqual(['mcr.microsoft.com/dotnet/sdk:8.0 → mcr.microsoft.com/dotnet/sdk:8.0-alpine']);
  });
});

/** The review note of alpine-base's one change to a fixture case. */
function review(name: string): string {
  const result = transformText(fs.readFileSync(path.join(FIXTURES, `${name}.input.Dockerfile`), 'utf8'), { transforms: ['alpine-base'] });
  if (!result.ok) throw new Error(result.error.message);
  expect(result.changes).toHaveLength(1);
  return result.changes[0]!.review ?? '';
}

describe('alpine-base review notes', () => {
  it("say what the knowledge base knows of the Alpine image alone: .NET's have no ICU", () => {
    expect(review('dotnet-aspnet-runtime')).toContain('the Alpine images have no ICU and set DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true');
    // A note both images share (the `app` user of .NET 8) is not repeated.
    expect(review('dotnet-aspnet-runtime')).not.toContain('every image has the user `app`');
    expect(review('locales-dropped')).not.toContain('ICU');
  });
});
