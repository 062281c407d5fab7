import { own } from '../own.js';
import type { PackageRegistry } from './dotenv.js';

/**
 * Facts about programs a RUN may call, by what they do to the file system: the analyses of
 * merged RUNs (src/shell/installs.ts) and of downloads (alpine-base) read them.
 */

/**
 * Programs that unpack archives or compressed files: given a file, they write its contents
 * wherever the archive says (`unzip`, `cpio`) or beside it (`gunzip tool.gz` → `tool`); piped
 * a download, they turn it into files rather than read it as text.
 */
export const UNPACKERS: ReadonlySet<string> = new Set([
  'tar', 'bsdtar', 'unzip', 'funzip', '7z', '7za', 'cpio', 'rpm2cpio',
  'gunzip', 'gzip', 'zcat', 'xz', 'unxz', 'xzcat', 'bunzip2', 'bzcat', 'zstd',
]);

/** Programs that build sources (besides the compilers and make): an archive unpacked before one runs holds sources. */
export const SOURCE_BUILDERS: ReadonlySet<string> = new Set(['configure', 'cmake', 'meson', 'ninja', 'phpize', 'clang', 'clang++', 'scons']);

/** Programs that install what their words name (with `install`, `get`, `global`, `add`, `binstall`; `cargo-binstall` by itself): `cargo install`, `go install`. */
export const LANGUAGE_INSTALLERS: ReadonlySet<string> = new Set([
  'cargo', 'go', 'pipx', 'uv', 'cpanm', 'cpan', 'conda', 'mamba', 'micromamba', 'luarocks', 'stack', 'cabal', 'composer', 'dotnet',
  'python', 'python2', 'python3', 'easy_install', 'opam', 'nix-env', 'brew', 'cargo-binstall',
]);

const GO_BUILD_FLAGS = [
  '-o', '-tags', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-mod', '-modfile', '-overlay', '-pkgdir', '-p', '-buildmode', '-compiler',
  '-installsuffix', '-toolexec', '-pgo', '-C', '-exec', '-coverpkg', '-covermode',
];

/**
 * The flags of `go build` and `go install` that take the next word as their value (`-tags netgo`, `-C ./cmd/app`): Go's
 * flags are whole names (`-tags`, not `-t -a -g -s`), written with one dash or two (`--tags netgo`), and take `=` too.
 */
export const GO_BUILD_VALUED: readonly string[] = [...GO_BUILD_FLAGS, ...GO_BUILD_FLAGS.map((f) => `-${f}`)];

/**
 * Python's options that take a value, by CPython's Python/getopt.c (SHORT_OPTS `bBc:dEhiIm:OPqRsStuvVW:xX:?`, Python 2's
 * `-Q:` besides, and the long `--check-hash-based-pycs`). A one-letter option with a value ends a word of one-letter
 * flags and takes the rest of that word, or the next (`-Im uv`, `-mpip`, `-Wignore`, `-BW ignore`); `-c` and `-m` end
 * Python's options, their value the command or the module it runs.
 */
export const PYTHON_VALUED: readonly string[] = ['-c', '-m', '-W', '-X', '-Q', '--check-hash-based-pycs'];

/**
 * cargo's options before its subcommand that take a value (doc.rust-lang.org/cargo/commands/cargo.html: `--explain
 * CODE`, `--color WHEN`, `-C PATH`, `--config KEY=VALUE|PATH`, `-Z FLAG`; clap takes `--color=auto` and `-Zflag` too):
 * `cargo --config net.git-fetch-with-cli=true install ripgrep`. The others (`-v`, `-q`, `--locked`, `--offline`,
 * `--frozen`) are flags, and a rustup toolchain (`+nightly`) may come first.
 */
export const CARGO_GLOBAL_VALUED: readonly string[] = ['--explain', '--color', '-C', '--config', '-Z'];

/**
 * The subcommands of `go` that make no go.mod and leave the module line of one alone (`go help`, `go help mod`,
 * `go help get`): those that build, list or clean; `go get` and `go mod tidy`, which edit requirements only; and the
 * `go mod` subcommands that read. `go mod init` makes a go.mod, `go mod edit` rewrites any line of one, `go work sync`
 * writes the modules' own, and `go generate`, `go run` and `go test` run programs that may write anything: those, and
 * any subcommand not named here, may.
 */
export const GO_MODULE_KEPT: { readonly commands: readonly string[]; readonly mod: readonly string[] } = {
  commands: ['build', 'install', 'vet', 'list', 'fmt', 'env', 'version', 'clean', 'doc', 'help', 'get'],
  mod: ['download', 'graph', 'verify', 'why', 'vendor', 'tidy'],
};

/**
 * Programs that may write files their words do not name (a go.mod into a folder a COPY brought without one, a start
 * script over the one a COPY put in the image): those that copy, link or unpack a folder or archive
 * (\`cp -r /tmpl/. .\`), fetch a repository (\`git clone\`, \`git checkout\`), run a build file or a project's scripts
 * (\`make\`, \`npm install\`), or an interpreter's program, or apply edits a file holds: \`patch\` writes the files
 * its patch names (\`patch -p0 < /tmp/fix.patch\`), \`ex\` and \`vim\` those their commands write (\`:w b\`).
 * \`git config\` writes git's own settings only. A shell running a file, \`source\`, \`eval\` and a program run by a path are a script, and count as well. \`find\` writes
 * only with an action that runs a program (\`-exec\`, \`-execdir\`, \`-ok\`, \`-okdir\`) other than a MODE_CHANGERS
 * one, or one that writes a list (\`-fprint\`, \`-fprint0\`, \`-fprintf\`, \`-fls\`).
 */
export const UNNAMED_WRITERS: { readonly programs: ReadonlySet<string>; readonly gitKeeps: readonly string[] } = {
  programs: new Set([
    ...UNPACKERS, 'cp', 'mv', 'ln', 'rsync', 'install', 'scp', 'git', 'svn', 'hg', 'make', 'gmake', 'ninja', 'cmake', 'meson', 'scons', 'just',
    'task', 'mage', 'source', '.', 'eval', 'xargs', 'find', 'npm', 'npx', 'yarn', 'pnpm', 'bun', 'node', 'deno', 'python', 'python2', 'python3',
    'pip', 'pip3', 'ruby', 'perl', 'php', 'cargo', 'cookiecutter', 'copier', 'gonew', 'patch', 'ex', 'vi', 'vim',
  ]),
  gitKeeps: ['config'],
};

/**
 * wget's options under which it writes over a file that is there (GNU wget's manual, Download Options: -nc): without
 * one, \`wget URL\` saves beside a file of the URL's name as \`name.1\`, and with \`-nc\` not at all. \`-O\` writes the
 * file it names, \`-N\` replaces an older one, \`-c\` continues it, and \`-e\` may set either; \`recursive\` ones (\`-r\`,
 * \`-m\`, \`-p\`) write the files of a site below the folder, over those there.
 */
export const WGET_OVERWRITING: { readonly named: readonly string[]; readonly recursive: readonly string[] } = {
  named: ['-O', '--output-document', '-N', '--timestamping', '-c', '--continue', '-e', '--execute'],
  recursive: ['-r', '--recursive', '-m', '--mirror', '-p', '--page-requisites'],
};

/**
 * The options of \`git clone\` that take the next word as their value (git-scm.com/docs/git-clone): \`git clone
 * --depth 1 -b main URL /opt/app\`. The words left are the repository and the folder it makes, if one is given.
 */
export const GIT_CLONE_VALUED: readonly string[] = [
  '--template', '-o', '--origin', '-b', '--branch', '--revision', '-u', '--upload-pack', '--reference', '--reference-if-able',
  '--separate-git-dir', '--depth', '--shallow-since', '--shallow-exclude', '-c', '--config', '-j', '--jobs', '--filter',
  '--server-option', '--bundle-uri', '--ref-format',
];

/**
 * rsync's options that take the next word as their value (rsync(1), OPTIONS SUMMARY): \`rsync -a --exclude .git
 * /opt/src/ /opt/dest/\`; the last of the words left is where it writes. \`writing\`: those that write files of their
 * own elsewhere (a log, a batch, backups, partial or temporary files).
 */
export const RSYNC_OPTIONS: { readonly valued: readonly string[]; readonly writing: readonly string[] } = {
  valued: [
    '-e', '--rsh', '--rsync-path', '-f', '--filter', '--exclude', '--include', '--exclude-from', '--include-from', '--files-from',
    '--chmod', '--chown', '--usermap', '--groupmap', '-T', '--temp-dir', '--log-file', '--log-file-format', '--out-format',
    '--backup-dir', '--suffix', '--partial-dir', '--compare-dest', '--copy-dest', '--link-dest', '-B', '--block-size',
    '--timeout', '--contimeout', '--port', '--bwlimit', '--max-size', '--min-size', '--max-delete', '--max-alloc', '--iconv',
    '-M', '--remote-option', '--info', '--debug', '--skip-compress', '--sockopts', '--modify-window', '--protocol',
    '--checksum-choice', '--cc', '--compress-choice', '--zc', '--compress-level', '--zl', '--stop-after', '--stop-at',
    '--outbuf', '--early-input', '--write-batch', '--only-write-batch', '--read-batch', '--password-file', '--address',
  ],
  writing: ['-T', '--temp-dir', '--log-file', '--backup-dir', '--partial-dir', '--write-batch', '--only-write-batch'],
};

/** Programs that change a file's mode or owner and leave what it holds alone: \`chmod +x start.sh\` keeps the script it was. */
export const MODE_CHANGERS: ReadonlySet<string> = new Set(['chmod', 'chown', 'chgrp']);

/**
 * Programs that rewrite the files their words name in place, by the options that make them do so (none: always):
 * \`sed -i\` (GNU sed's and busybox's, \`-i.bak\` and \`-ri\` too), \`dos2unix\` and \`unix2dos\`. \`chmod\`, \`chown\`
 * and \`touch\` change a file's mode, owner or times, not what it holds.
 */
export const IN_PLACE_EDITORS: Readonly<Record<string, readonly string[]>> = {
  sed: ['-i', '--in-place'],
  dos2unix: [],
  unix2dos: [],
};

/**
 * cargo-binstall's options that take the next word as their value (cargo-bins/cargo-binstall crates/bin/src/args.rs:
 * its fields that are no `bool`): `cargo binstall --version 14.1.0 ripgrep`, `--root /usr/local`. `--bin` takes one
 * or more: the words after it are binaries' names, which name programs as they stand.
 */
export const CARGO_BINSTALL_VALUED: readonly string[] = [
  '--version', '--targets', '--target', '--bin', '--manifest-path', '--git', '--bin-dir', '--pkg-fmt', '--pkg-url', '--rate-limit', '--strategies',
  '--disable-strategies', '--maximum-resolution-timeout', '--install-path', '--root', '--roots', '--index', '--registry', '--min-tls-version',
  '--root-certificates', '--github-token', '--settings', '--log-level',
];

/**
 * Programs of the base system that no install puts earlier on PATH under the same name:
 * package managers, the shells, coreutils, busybox applets and the account tools.
 */
export const BASE_SYSTEM_PROGRAMS: ReadonlySet<string> = new Set([
  'apt-get', 'apt', 'apt-cache', 'apt-key', 'apt-mark', 'dpkg', 'dpkg-reconfigure', 'add-apt-repository', 'apk', 'yum', 'dnf', 'microdnf', 'rpm', 'zypper', 'pacman',
  'sh', 'bash', 'dash', 'ash', 'cat', 'cp', 'mv', 'rm', 'ln', 'mkdir', 'rmdir', 'chmod', 'chown', 'chgrp', 'touch', 'ls', 'env', 'sleep', 'tee', 'head',
  'tail', 'sort', 'uniq', 'cut', 'tr', 'wc', 'basename', 'dirname', 'readlink', 'realpath', 'mktemp', 'install', 'stat', 'id', 'whoami', 'date', 'sed',
  'grep', 'egrep', 'fgrep', 'awk', 'gawk', 'mawk', 'find', 'xargs', 'tar', 'gzip', 'gunzip', 'bzip2', 'xz', 'unzip', 'zip', 'useradd', 'groupadd',
  'usermod', 'adduser', 'addgroup', 'passwd', 'chpasswd', 'su', 'sudo', 'update-ca-certificates', 'update-alternatives', 'ldconfig', 'locale-gen',
  'curl', 'wget', 'echo', 'printf', 'test', 'true', 'false',
]);

/**
 * Programs and shell builtins that run no other program, whatever their words: file and text tools without an
 * option that runs a command (not awk, sed's \`e\`, tar's \`--to-command\`, sort's \`--compress-program\`, zip's
 * \`-TT\`, find's \`-exec\`, xargs), and no package manager (a package's maintainer scripts run anything).
 */
export const RUN_NOTHING_ELSE: ReadonlySet<string> = new Set([
  'cd', 'export', 'unset', 'set', ':', 'true', 'false', 'test', '[', 'echo', 'printf', 'umask',
  'rm', 'rmdir', 'mkdir', 'cp', 'mv', 'ln', 'chmod', 'chown', 'chgrp', 'touch', 'ls', 'cat', 'head', 'tail', 'wc', 'cut', 'tr',
  'uniq', 'tee', 'stat', 'basename', 'dirname', 'readlink', 'realpath', 'mktemp', 'id', 'whoami', 'date', 'sleep', 'grep', 'egrep', 'fgrep',
]);

/**
 * Programs a package installs beside its own under another name, by that name: what installs or upgrades the
 * package writes them anew with it. npm's package.json lists `npx` in its `bin` with `npm` (npm/cli's
 * package.json), so `npm install -g npm` replaces npx too.
 */
export const SHIPPED_WITH: ReadonlyMap<string, string> = new Map([['npx', 'npm']]);

/** The registries of the packages PACKAGE_PROGRAMS knows: crates.io's besides those of dotenv.ts. */
export type ProgramRegistry = Extract<PackageRegistry, 'npm' | 'pypi' | 'rubygems'> | 'crates';

/**
 * Programs a language's package puts on PATH, by registry and package name (npm's as written, PyPI's normalised as
 * pip compares them, lowercase with `-`): an install of the package writes them anew (`npm install -g typescript` a
 * new `tsc`, `gem install bundler` a new `bundle`). Well-known packages whose programs are named otherwise than the
 * package, or besides it; each list read from the package's metadata (npm's package.json `bin`, PyPI's console
 * scripts or `scripts`, a gemspec's `executables`, a crate's `[[bin]]` names), but ansible's, which are those of
 * ansible-core, the package it requires.
 */
export const PACKAGE_PROGRAMS: Readonly<Record<ProgramRegistry, Readonly<Record<string, readonly string[]>>>> = {
  npm: {
    typescript: ['tsc', 'tsserver'], // microsoft/TypeScript package.json bin
    '@angular/cli': ['ng'], // angular/angular-cli packages/angular/cli/package.json bin
    yarn: ['yarn', 'yarnpkg'], // yarnpkg/yarn package.json bin
    pnpm: ['pnpm', 'pnpx'], // pnpm/pnpm pnpm/package.json bin
    '@vue/cli': ['vue'], // vuejs/vue-cli packages/@vue/cli/package.json bin
    '@nestjs/cli': ['nest'], // nestjs/nest-cli package.json bin
    'firebase-tools': ['firebase'], // firebase/firebase-tools package.json bin
    'aws-cdk': ['cdk'], // aws/aws-cdk packages/aws-cdk/package.json bin
    serverless: ['serverless', 'sls'], // serverless/serverless package.json bin
    pm2: ['pm2', 'pm2-dev', 'pm2-docker', 'pm2-runtime'], // Unitech/pm2 package.json bin
    vercel: ['vercel', 'vc'], // vercel/vercel packages/cli/package.json bin
    'npm-check-updates': ['ncu', 'npm-check-updates'], // raineorshine/npm-check-updates package.json bin
    '@playwright/test': ['playwright'], // microsoft/playwright packages/playwright-test/package.json bin
  },
  pypi: {
    awscli: ['aws', 'aws_completer'], // aws/aws-cli setup.py scripts (bin/aws, bin/aws_completer)
    'ansible-core': ['ansible', 'ansible-config', 'ansible-console', 'ansible-doc', 'ansible-galaxy', 'ansible-inventory', 'ansible-playbook', 'ansible-pull', 'ansible-test', 'ansible-vault'], // ansible/ansible pyproject.toml [project.scripts]
    // The ansible package has no scripts of its own: it requires ansible-core, whose scripts it brings.
    ansible: ['ansible', 'ansible-config', 'ansible-console', 'ansible-doc', 'ansible-galaxy', 'ansible-inventory', 'ansible-playbook', 'ansible-pull', 'ansible-test', 'ansible-vault'],
    'azure-cli': ['az'], // Azure/azure-cli src/azure-cli/setup.py scripts
    httpie: ['http', 'https', 'httpie'], // httpie/cli setup.cfg console_scripts
    pytest: ['pytest', 'py.test'], // pytest-dev/pytest pyproject.toml [project.scripts]
    black: ['black', 'blackd'], // psf/black pyproject.toml [project.scripts]
    ipython: ['ipython', 'ipython3'], // ipython/ipython pyproject.toml [project.scripts]
    mypy: ['mypy', 'stubgen', 'stubtest', 'dmypy', 'mypyc'], // python/mypy pyproject.toml [project.scripts]
    sphinx: ['sphinx-build', 'sphinx-quickstart', 'sphinx-apidoc', 'sphinx-autogen'], // sphinx-doc/sphinx pyproject.toml [project.scripts]
    awsebcli: ['eb'], // aws/aws-elastic-beanstalk-cli setup.py console_scripts
    pipenv: ['pipenv', 'pipenv-resolver'], // pypa/pipenv pyproject.toml [project.scripts]
  },
  rubygems: {
    bundler: ['bundle', 'bundler'], // rubygems/rubygems bundler/bundler.gemspec executables
    cocoapods: ['pod', 'sandbox-pod'], // CocoaPods/CocoaPods cocoapods.gemspec executables
    sass: ['sass', 'sass-convert', 'scss'], // sass/ruby-sass sass.gemspec executables
    'asciidoctor-pdf': ['asciidoctor-pdf', 'asciidoctor-pdf-optimize'], // asciidoctor/asciidoctor-pdf asciidoctor-pdf.gemspec executables
  },
  crates: {
    ripgrep: ['rg'], // BurntSushi/ripgrep Cargo.toml [[bin]]
    'fd-find': ['fd'], // sharkdp/fd Cargo.toml [[bin]]
    'du-dust': ['dust'], // bootandy/dust Cargo.toml [[bin]]
    bottom: ['btm'], // ClementTsang/bottom Cargo.toml [[bin]]
    tealdeer: ['tldr'], // tealdeer-rs/tealdeer Cargo.toml [[bin]]
    'git-delta': ['delta'], // dandavison/delta Cargo.toml [[bin]]
    'sqlx-cli': ['sqlx', 'cargo-sqlx'], // launchbadge/sqlx sqlx-cli/Cargo.toml [[bin]]
    diesel_cli: ['diesel'], // diesel-rs/diesel diesel_cli/Cargo.toml [[bin]]
    'wasm-bindgen-cli': ['wasm-bindgen', 'wasm-bindgen-test-runner', 'wasm2es6js'], // rustwasm/wasm-bindgen crates/cli/Cargo.toml [[bin]]
  },
};

/** The programs a package of `registry` puts on PATH under other names than its own (see PACKAGE_PROGRAMS); none when not known. */
export function packagePrograms(registry: ProgramRegistry, name: string): readonly string[] {
  return own(PACKAGE_PROGRAMS[registry], name) ?? [];
}

/**
 * Tools that write into a project's files, run in an image on the project `docker run` mounts (`-v "$PWD:/src"`):
 * those that check the files and rewrite them in place (at once, or with the option named), and the static site
 * generators, which build the site into a folder of the project (squidfunk/mkdocs-material's image, run as
 * `docker run -v "$PWD:/docs" squidfunk/mkdocs-material build`). The files keep the host's owner, so only the user
 * `docker run --user` picks may write them. What each rewrites, and where that was read.
 */
export const PROJECT_REWRITERS: Readonly<Record<string, { readonly what: string; readonly rewrites: string; readonly source: string }>> = {
  codespell: { what: 'codespell, a spelling checker', rewrites: 'the files it fixes with `-w` (`--write-changes`)', source: 'codespell-project/codespell README.rst (Useful options: -w)' },
  black: { what: 'Black, a Python formatter', rewrites: 'every file it formats, unless `--check` or `--diff`', source: 'black.readthedocs.io usage_and_configuration/the_basics (--check, --diff)' },
  isort: { what: 'isort, which sorts Python imports', rewrites: 'every file it sorts, unless `--check-only` or `--diff`', source: 'pycqa.github.io/isort docs/configuration/options (check, show_diff)' },
  autopep8: { what: 'autopep8, a Python formatter', rewrites: 'the files it fixes with `-i` (`--in-place`)', source: 'hhatto/autopep8 README.rst (Usage: --in-place)' },
  yapf: { what: 'YAPF, a Python formatter', rewrites: 'the files it formats with `-i` (`--in-place`)', source: 'google/yapf README.md (Usage: -i)' },
  ruff: { what: 'Ruff, a Python linter and formatter', rewrites: 'every file `ruff format` formats, and those `ruff check --fix` fixes', source: 'docs.astral.sh/ruff formatter and linter (--fix)' },
  prettier: { what: 'Prettier, a code formatter', rewrites: 'the files it formats with `--write`', source: 'prettier.io docs/cli (--write)' },
  eslint: { what: 'ESLint, a JavaScript linter', rewrites: 'the files it fixes with `--fix`', source: 'eslint.org docs/latest/use/command-line-interface (--fix)' },
  stylelint: { what: 'Stylelint, a CSS linter', rewrites: 'the files it fixes with `--fix`', source: 'stylelint.io user-guide/cli (--fix)' },
  markdownlint: { what: 'markdownlint-cli, a Markdown linter', rewrites: 'the files it fixes with `--fix`', source: 'igorshubovych/markdownlint-cli README.md (--fix)' },
  shfmt: { what: 'shfmt, a shell formatter', rewrites: 'the files it formats with `-w` (`--write`)', source: 'mvdan/sh cmd/shfmt/shfmt.1.scd (-w)' },
  'clang-format': { what: 'clang-format, a C and C++ formatter', rewrites: 'the files it formats with `-i`', source: 'clang.llvm.org/docs/ClangFormat.html (-i)' },
  sqlfluff: { what: 'SQLFluff, an SQL linter', rewrites: 'the files `sqlfluff fix` and `sqlfluff format` fix', source: 'docs.sqlfluff.com reference/cli (fix, format)' },
  mkdocs: { what: 'MkDocs, a static site generator', rewrites: 'the site `mkdocs build` makes in the project\'s site/, and the files `mkdocs new` starts a project with', source: 'mkdocs.org user-guide/configuration (site_dir: default site) and user-guide/cli (new, build)' },
  jekyll: { what: 'Jekyll, a static site generator', rewrites: 'the site `jekyll build` and `jekyll serve` make in the project\'s _site/, and their cache in .jekyll-cache/', source: 'jekyllrb.com docs/configuration/options (destination: ./_site) and docs/structure (.jekyll-cache)' },
  hugo: { what: 'Hugo, a static site generator', rewrites: 'the site `hugo` makes in the project\'s public/, and the processed resources in resources/_gen/', source: 'gohugo.io getting-started/directory-structure (public, resources) and commands/hugo' },
  zola: { what: 'Zola, a static site generator', rewrites: 'the site `zola build` makes in the project\'s public/', source: 'getzola.org documentation/getting-started/cli-usage (build: output-dir, default public)' },
};

/**
 * Programs that convert or typeset the files they are given and write what they make beside them, or where an
 * argument names (`-o`), run in an image on a folder `docker run` mounts (`-v "$PWD:/data"`): the folder keeps the
 * host's owner, so only the user `docker run --user` picks may write there. What each writes, and where that was read.
 */
export const FILE_CONVERTERS: Readonly<Record<string, { readonly what: string; readonly writes: string; readonly source: string }>> = {
  pandoc: { what: 'pandoc, a document converter', writes: 'the file it converts to with `-o`', source: 'pandoc.org MANUAL (-o FILE); pandoc/dockerfiles README.md (docker run --volume "$(pwd):/data" --user $(id -u):$(id -g))' },
  ffmpeg: { what: 'FFmpeg, a media converter', writes: 'the output file its last argument names', source: 'ffmpeg.org/ffmpeg.html (Synopsis: output url); jrottenberg/ffmpeg README.md (docker run -v $(pwd):$(pwd) -w $(pwd))' },
  magick: { what: 'ImageMagick, an image converter', writes: 'the output image its last argument names', source: 'imagemagick.org/script/magick.php (magick input output)' },
  convert: { what: 'ImageMagick\'s convert, an image converter', writes: 'the output image its last argument names', source: 'imagemagick.org/script/convert.php (convert input output)' },
  wkhtmltopdf: { what: 'wkhtmltopdf, an HTML to PDF converter', writes: 'the PDF its last argument names', source: 'wkhtmltopdf.org/usage/wkhtmltopdf.txt (wkhtmltopdf <page> <output file>)' },
  wkhtmltoimage: { what: 'wkhtmltoimage, an HTML to image converter', writes: 'the image its last argument names', source: 'wkhtmltopdf.org/usage/wkhtmltopdf.txt (wkhtmltoimage <input> <output file>)' },
  gs: { what: 'Ghostscript, a PostScript and PDF converter', writes: 'the file `-sOutputFile` names', source: 'ghostscript.com/docs Use.htm (-sOutputFile)' },
  tesseract: { what: 'Tesseract, an OCR engine', writes: 'the text or PDF its output base names', source: 'tesseract-ocr.github.io/tessdoc Command-Line-Usage.html (tesseract imagename outputbase)' },
  ocrmypdf: { what: 'OCRmyPDF, which adds a text layer to PDFs', writes: 'the PDF its second argument names', source: 'ocrmypdf.readthedocs.io docker.html (ocrmypdf input.pdf output.pdf on a mounted folder)' },
  asciidoctor: { what: 'Asciidoctor, a document converter', writes: 'the output file beside each input, or where `-o` says', source: 'docs.asciidoctor.org asciidoctor/latest/cli/output-file (writes beside the input file)' },
  'asciidoctor-pdf': { what: 'Asciidoctor PDF, a document converter', writes: 'the PDF beside each input, or where `-o` says', source: 'docs.asciidoctor.org asciidoctor/latest/cli/output-file (writes beside the input file)' },
  typst: { what: 'Typst, a typesetter', writes: 'the PDF `typst compile` makes beside its input, or where its output argument says', source: 'man.archlinux.org typst-compile(1) (<INPUT> [OUTPUT])' },
  tectonic: { what: 'Tectonic, a TeX engine', writes: 'the PDF beside its input, or in the folder `--outdir` names', source: 'jgm/pandoc pull 5346 (tectonic: outdir defaults to dir of input file)' },
  latexmk: { what: 'latexmk, which runs LaTeX', writes: 'the PDF and auxiliary files in the folder it runs in', source: 'miktex.org faq/output-directory (the output goes to the current folder unless --output-directory)' },
  pdflatex: { what: 'pdfLaTeX', writes: 'the PDF and auxiliary files in the folder it runs in', source: 'miktex.org faq/output-directory (the output goes to the current folder unless --output-directory)' },
  xelatex: { what: 'XeLaTeX', writes: 'the PDF and auxiliary files in the folder it runs in', source: 'miktex.org faq/output-directory (the output goes to the current folder unless --output-directory)' },
  lualatex: { what: 'LuaLaTeX', writes: 'the PDF and auxiliary files in the folder it runs in', source: 'miktex.org faq/output-directory (the output goes to the current folder unless --output-directory)' },
};
