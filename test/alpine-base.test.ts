import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transformText } from '../src/api.js';
import { runFixtureCase } from './helpers/fixtures.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__', 'alpine-base');

const fixture = (name: string) => runFixtureCase('alpine-base', name);

describe('alpine-base: apt files written', () => {
  it('says a tee into apt.conf.d writes there, not that it writes an apt source', () => {
    expect(fixture('refuse-apt-repository-tee-apt-settings').refusals.map((r) => r.reason)).toEqual([
      'python:3.12-alpine: line 2: `tee /etc/apt/apt.conf.d/80-retries` writes to /etc/apt/apt.conf.d/80-retries',
    ]);
  });
});

describe('alpine-base: piped scripts', () => {
  it('names the download a shell runs, and does not claim an installer was written for Debian', () => {
    expect(fixture('refuse-piped-installer-script').refusals.map((r) => r.reason)).toEqual([
      'node:22-alpine: line 9: `sh -s -- -b /usr/local/bin/ ${REVIEWDOG_VERSION}` runs the script `wget -O - -q https://raw.githubusercontent.com/reviewdog/reviewdog/…` downloads, which dockshift cannot read: it may install with apt (a repository setup script) or fetch programs built for glibc',
    ]);
  });
});

describe('alpine-base: bash scripts', () => {
  it('names a bash script the command runs once, and the script that runs one it starts', () => {
    expect(fixture('refuse-bash-entrypoint-script').refusals.map((r) => r.reason)).toEqual([
      'eclipse-temurin:17-jre-alpine: lacks bash: line 4 runs `docker-entrypoint.sh (#!/bin/bash)`, and the stage does not install it',
    ]);
    expect(fixture('refuse-bash-script-in-start-script').refusals.map((r) => r.reason)).toEqual([
      'eclipse-temurin:17-jre-alpine: lacks bash: line 5 runs `setup.sh (#!/bin/bash)` (in start.sh), and the stage does not install it',
    ]);
  });
});

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

  it('judges an identifier given through a variable by the value the Dockerfile gives it', () => {
    expect(fixture('refuse-dotnet-rid-arg').refusals[0]!.reason).toContain(': linux-x64 (${RID} is linux-x64, the default of ARG RID on line 2) is the glibc runtime identifier');
    expect(fixture('refuse-dotnet-rid-env').refusals[0]!.reason).toContain(': linux-arm64 (${RID} is linux-arm64, set by ENV on line 2) is the glibc runtime identifier');
  });

  it('refuses an identifier only known at build time, naming the variable', () => {
    expect(fixture('refuse-dotnet-rid-arg-no-default').refusals[0]!.reason).toContain('its runtime identifier is only known at build time (ARG TARGET_RID on line 2 has no default)');
    expect(fixture('refuse-dotnet-rid-property-global-arg').refusals[0]!.reason).toContain('(ARG RID on line 3 has no default)');
    // The RUN sets RID itself on one branch: the ARG's default is not what dotnet gets there.
    expect(fixture('refuse-dotnet-rid-shell-variable').refusals[0]!.reason).toContain('(${RID} is set by the RUN itself)');
  });

  it("switches a build for an ARG whose default is a musl identifier, saying what another --build-arg would do", () => {
    const result = fixture('dotnet-rid-arg-musl');
    expect(result.changes.map((c) => c.message)).toEqual(['mcr.microsoft.com/dotnet/sdk:8.0 → mcr.microsoft.com/dotnet/sdk:8.0-alpine']);
    expect(review('dotnet-rid-arg-musl')).toContain('which builds for linux-musl-x64 (${RID} is linux-musl-x64, the default of ARG RID on line 2): a --build-arg giving a glibc runtime identifier (linux-x64) would make a build that does not run on musl');
  });

  it('counts an ENV that reads the ARG as the build argument it is', () => {
    expect(review('dotnet-rid-env-from-arg-musl')).toContain('which builds for linux-musl-x64 (${RID} is linux-musl-x64, set by ENV on line 3 from a build argument\'s default): a --build-arg giving a glibc runtime identifier (linux-x64) would make a build that does not run on musl');
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

describe('alpine-base: packages that do not install on musl', () => {
  it('names a glibc-only package rather than an unknown one listed before it', () => {
    expect(fixture('refuse-musl-package-beside-unknown').refusals.map((r) => r.reason)).toEqual([
      'python:3.11-alpine: line 4 installs torch==2.3.0 (requirements.txt): PyTorch publishes manylinux (glibc) wheels only and no sdist: it cannot be installed on Alpine',
    ]);
  });

  it('still says what it cannot tell when no package is known to fail', () => {
    expect(fixture('refuse-unknown-pip-musl').refusals[0]!.reason).toContain('cannot tell what line 4 needs');
  });
});

describe('alpine-base: a package pinned to a Debian version', () => {
  it('names the pin, not the package, as what has no Alpine counterpart', () => {
    expect(fixture('refuse-debian-version-pin').refusals.map((r) => r.reason)).toEqual([
      'python:3.12-alpine: line 2: `apt-get install --no-install-recommends -y git=1:2.*`: git is pinned to the Debian version 1:2.*, and Alpine numbers its versions otherwise (the pin is not translated)',
    ]);
  });
});

describe('alpine-base: options busybox applets lack', () => {
  const reasons = (run: string) => {
    const result = transformText(`FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN ${run}\nCMD ["python", "-m", "app"]\n`, { transforms: ['alpine-base'] });
    if (!result.ok) throw new Error(result.error.message);
    return result.refusals.map((r) => `${r.code}: ${r.reason}`);
  };

  it('refuses grep -P in any spelling, naming the GNU package', () => {
    expect(fixture('refuse-busybox-grep-perl').refusals.map((r) => r.reason)).toEqual([
      'python:3.12-alpine: lacks grep: line 5 runs `grep -oP \'(?<=^version = ")[^"]+\' pyproject.toml > VERSION`, whose -P (Perl regular expressions) busybox\'s grep does not have, and the stage does not install it',
    ]);
    for (const run of ['grep -P x a.txt', 'grep -Pq x a.txt', 'grep -m1 -P x a.txt', 'grep --perl-regexp x a.txt']) expect(reasons(run)[0], run).toMatch(/^missing-tool: .*busybox's grep does not have/);
  });

  it('names useradd\'s -G as the option busybox adduser lacks: its own -G is the primary group', () => {
    expect(reasons('groupadd app && useradd -m -g app -G sudo app')).toEqual([
      "user-options: python:3.12-alpine: line 4: `useradd -m -g app -G sudo app`: busybox adduser has nothing for useradd's -G (supplementary groups; its own -G names the primary group)",
    ]);
  });

  it('leaves alone a -P that is an argument or an operand', () => {
    for (const run of ['grep -e -P a.txt', 'grep -ve -P a.txt', 'grep -q -- -P a.txt', 'grep -A3 x a.txt']) expect(reasons(run), run).toEqual([]);
  });
});
