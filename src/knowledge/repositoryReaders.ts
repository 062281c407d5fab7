/**
 * Programs that read the version-control repository of the folder they run in: read by dockerignore,
 * which keeps `.git` (or `.hg`, `.svn`) in the build context when a RUN after the copy that brings it
 * runs one of them there. Each from the tool's documentation: what it reads from the repository.
 */

export interface RepositoryReader {
  /** The program, the module Python runs (`python -m setuptools_scm`), or the .NET local tool `dotnet` runs (`dotnet gitversion`). */
  readonly name: string;
  readonly through: 'program' | 'python-module' | 'dotnet-tool';
  /** What it reads from the repository. */
  readonly reads: string;
}

export const REPOSITORY_READERS: readonly RepositoryReader[] = [
  { name: 'git', through: 'program', reads: 'git reads the repository it runs in (`git describe`, `git rev-parse HEAD`, `git log`)' },
  { name: 'hg', through: 'program', reads: 'Mercurial reads the repository it runs in' },
  { name: 'svn', through: 'program', reads: 'Subversion reads the working copy it runs in' },
  { name: 'setuptools_scm', through: 'python-module', reads: '`python -m setuptools_scm` prints the version it takes from the repository' },
  { name: 'dunamai', through: 'program', reads: '`dunamai from any` (or `from git`) takes the version from the repository' },
  { name: 'versioningit', through: 'program', reads: 'versioningit takes the version from the repository' },
  { name: 'nbgv', through: 'program', reads: 'Nerdbank.GitVersioning’s nbgv computes the version from the git history' },
  { name: 'nbgv', through: 'dotnet-tool', reads: 'Nerdbank.GitVersioning’s nbgv computes the version from the git history' },
  { name: 'dotnet-gitversion', through: 'program', reads: 'GitVersion computes the version from the git history' },
  { name: 'gitversion', through: 'dotnet-tool', reads: 'GitVersion computes the version from the git history' },
  { name: 'minver', through: 'program', reads: 'MinVer takes the version from the latest git tag' },
  { name: 'minver', through: 'dotnet-tool', reads: 'MinVer takes the version from the latest git tag' },
  { name: 'goreleaser', through: 'program', reads: 'GoReleaser reads the current git tag and commit, and stops without a repository' },
];

/**
 * Go (1.18 and later) stamps a binary it builds inside a repository with the repository's commit, its time and
 * whether files were modified (\`-buildvcs\`, on by default: \`go help buildflag\`), which the program reads with
 * debug.ReadBuildInfo under these keys. One that reads them (tailscale's version package takes its commit from
 * vcs.revision when no -ldflags stamp gives one) is not the same program built without the repository.
 */
export const GO_VCS_SETTINGS: readonly string[] = ['vcs.revision', 'vcs.time', 'vcs.modified'];

/**
 * Commands of a version-control program that do not read the repository of the folder they run in:
 * a clone or checkout of a remote one (it reads the network, and writes a repository of its own),
 * the user's or system's settings, the program's version or help.
 */
export const REMOTE_SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  git: ['clone', 'ls-remote'],
  hg: ['clone'],
  svn: ['checkout', 'co', 'export'],
};
