import { alpineOs, axis, fixedOs, option } from './axes.js';
import { UBUNTU_PATTERN } from './distros.js';
import { SOURCES } from './sources.js';
import type { FactsPatch, RepositoryEntry, Source } from './types.js';

/**
 * .NET images on mcr.microsoft.com/dotnet/{sdk,aspnet,runtime,runtime-deps}:
 * `<version>[-<os>][-chiseled|-distroless][-composite][-extra][-aot][-<arch>]`.
 * .NET 10 and 11 default to Ubuntu, 8 and 9 to Debian 12.
 */

/** Version lines before .NET 8: no `app` user, and ASP.NET Core on port 80. */
const OLD_LINES = ['1.0', '1.1', '2.0', '2.1', '2.2', '3.0', '3.1', '5.0', '6.0', '7.0'];

/** Chiseled Ubuntu and Azure Linux distroless: no shell, no package manager, USER app. */
const SHELL_LESS: FactsPatch = { shell: null, bash: false, packageManager: 'none', userTools: 'none', user: { name: 'app', uid: 1654 } };

/** The chiseled images set no WORKDIR (runtime-deps is \`FROM scratch\`; runtime and aspnet add none). */
const CHISELED: FactsPatch = { ...SHELL_LESS, workdir: '/' };

/** The Azure Linux distroless images' WORKDIR is not read from their Dockerfiles. */
const DISTROLESS: FactsPatch = { ...SHELL_LESS, workdir: null };

/**
 * runtime-deps' Alpine images (and the aspnet and runtime ones on them) leave ICU out and set
 * DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true; the Debian and Ubuntu ones carry libicu. The SDK's
 * Alpine images install icu-libs and turn the variable off.
 */
const ALPINE_NO_ICU: FactsPatch = {
  noIcu: true,
  notes: [
    'the Alpine images have no ICU and set DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true: cultures other than the invariant one (number, date and currency formats, culture-aware sorting) are gone; an app that needs them installs icu-libs and sets the variable to false',
  ],
};

const dotnet = (image: 'sdk' | 'aspnet' | 'runtime' | 'runtime-deps', source: Source): RepositoryEntry => ({
  name: `dotnet/${image}`,
  registry: 'mcr.microsoft.com',
  path: `dotnet/${image}`,
  kind: image === 'sdk' ? 'build-tool' : 'runtime',
  version: '(?:\\d+\\.\\d+(?:\\.\\d+)?(?:-preview(?:\\.\\d+)?|-rc(?:\\.\\d+)?)?)',
  versionAliases: {},
  axes: [
    axis('os', 'default', [
      { id: 'debian', pattern: '(?:buster|bullseye|bookworm|trixie)-slim', render: '', silent: true, release: { from: 'codename', family: 'debian' } },
      { id: 'ubuntu', pattern: UBUNTU_PATTERN, render: '', silent: true, release: { from: 'codename', family: 'ubuntu' } },
      image === 'sdk' ? alpineOs() : alpineOs(false, ALPINE_NO_ICU),
      fixedOs('azurelinux', 'azurelinux3\\.0', 'azurelinux', 'azurelinux3.0'),
      fixedOs('cbl-mariner', 'cbl-mariner2\\.0', 'cbl-mariner', 'cbl-mariner2.0'),
    ]),
    axis('flavour', '', [option('chiseled', CHISELED), option('distroless', DISTROLESS)]),
    axis('composite', '', [option('composite')]),
    axis('extra', '', [option('extra')]),
    axis('aot', '', [option('aot')]),
    axis('arch', '', [option('amd64'), option('arm64v8'), option('arm32v7')]),
  ],
  defaults: [
    // Lines no longer built: their last images were Debian ones, whose release is not recorded.
    { versions: OLD_LINES, family: 'debian', release: null },
    { versions: ['10.0'], family: 'ubuntu', release: 'noble' },
    { versions: ['11.0'], family: 'ubuntu', release: 'resolute' },
    { versions: ['8.0', '9.0'], family: 'debian', release: 'bookworm' },
    { versions: ['8.0', '9.0', '10.0', '11.0'], family: 'alpine', release: '3.24' },
  ],
  siblings:
    image === 'sdk'
      ? [{ kind: 'alpine', from: { os: ['debian', 'ubuntu', 'default'] }, to: { os: 'alpine' }, release: 'default' }]
      : [
          { kind: 'chiseled', from: { os: ['ubuntu'], flavour: [''] }, to: { flavour: 'chiseled' }, release: 'keep' },
          { kind: 'alpine', from: { os: ['debian', 'ubuntu', 'default'], flavour: [''] }, to: { os: 'alpine' }, release: 'default' },
        ],
  facts: {
    nonRootUser: { name: 'app', uid: 1654, gid: 1654 },
    // None of the Debian, Ubuntu, Alpine or Azure Linux images sets a WORKDIR (sdk/8.0/bookworm-slim, among the sources).
    workdir: '/',
    buildTools: image === 'sdk',
    // runtime-deps sets it, and every other image builds on runtime-deps; the runtime image has no
    // ASP.NET Core (its apps are console ones), so no program there reads it.
    env: image === 'runtime' ? {} : { ASPNETCORE_HTTP_PORTS: '8080' },
    notes: ['from .NET 8 every image has the user `app` (uid 1654); ASP.NET Core listens on 8080'],
  },
  versionFacts: [
    {
      versions: OLD_LINES,
      facts: {
        nonRootUser: null,
        // The SDK image empties the variable its aspnet base sets.
        env: image === 'runtime' ? {} : { ASPNETCORE_URLS: image === 'sdk' ? '' : 'http://+:80' },
        notes: ['before .NET 8 the images have no `app` user and ASP.NET Core listens on port 80 (ASPNETCORE_URLS=http://+:80)'],
      },
    },
  ],
  sizes: {},
  latest: '10.0',
  sources: [source, SOURCES.dotnetNonRoot, SOURCES.dotnetBefore8, SOURCES.dotnetSdkDockerfile, SOURCES.dotnetChiseled],
  notes: ['chiseled (Ubuntu) and distroless (Azure Linux) variants have no shell and run as `app`'],
});

export const DOTNET: readonly RepositoryEntry[] = [
  dotnet('sdk', SOURCES.dotnetSdk),
  dotnet('aspnet', SOURCES.dotnetAspnet),
  dotnet('runtime', SOURCES.dotnetRuntime),
  dotnet('runtime-deps', SOURCES.dotnetRuntimeDeps),
];

/**
 * NuGet packages that stop in invariant globalization mode, as .NET's Alpine runtime images run an app: they need
 * ICU. Microsoft.Data.SqlClient refuses to open a connection ("Globalization Invariant Mode is not supported", by
 * design), and EF Core's SQL Server provider connects through it. By package id, with why.
 */
export const ICU_PACKAGES: Readonly<Record<string, { readonly why: string; readonly source: Source }>> = {
  'Microsoft.Data.SqlClient': {
    why: 'Microsoft.Data.SqlClient does not open a connection in invariant globalization mode ("Globalization Invariant Mode is not supported")',
    source: { url: 'https://github.com/dotnet/SqlClient/issues/220', checked: '2026-12-06', note: 'closed "By Design"; dotnet/dotnet-docker#4697 documents it for the Alpine images' },
  },
  'Microsoft.EntityFrameworkCore.SqlServer': {
    why: 'EF Core\'s SQL Server provider connects through Microsoft.Data.SqlClient, which does not open a connection in invariant globalization mode ("Globalization Invariant Mode is not supported")',
    source: { url: 'https://github.com/dotnet/efcore/issues/18025', checked: '2026-12-06', note: 'closed as external: the exception comes from SqlClient (dotnet/SqlClient#220)' },
  },
};
