import { describe, expect, it } from 'vitest';
import { cacheKind, cacheKindIn } from '../../src/shell/caches.js';
import { asInvoked, cargoSubcommand, invokedProgram, invokedTool, packageCommands, programWords, recognise, recogniseAll, unreadRunner } from '../../src/shell/commands.js';
import { parseScript } from '../../src/shell/parse.js';
import type { PackageCommand, RecognisedCommand, ShellScript } from '../../src/shell/types.js';

function parse(script: string): ShellScript {
  const parsed = parseScript(script);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

const values = (words: readonly { value: string | null }[]) => words.map((w) => w.value);

/** The recognised commands of a script, as plain summaries. */
function summary(script: string) {
  return recogniseAll(parse(script)).map((r: RecognisedCommand) => {
    switch (r.kind) {
      case 'package':
        return { manager: r.manager, action: r.action, operands: values(r.operands) };
      case 'remove-files':
        return { rm: r.paths.map((p) => [p.word.value, p.cache]) };
      case 'download':
        return { download: r.tool, urls: values(r.urls), output: r.output, toStdout: r.toStdout };
      case 'extract':
        return { extract: r.archive, fromStdin: r.fromStdin, directory: r.directory };
      case 'add-user':
        return { useradd: r.login?.value ?? null, options: r.options.map((o) => o.name) };
    }
  });
}

function onlyPackage(script: string): PackageCommand {
  const [cmd, ...rest] = packageCommands(parse(script));
  expect(rest).toEqual([]);
  return cmd!;
}

describe('recognise: official-images shapes', () => {
  it('apt-get update, install, lists removal under set -eux', () => {
    const script =
      'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t; \trm -rf /var/lib/apt/lists/*';
    expect(summary(script)).toEqual([
      { manager: 'apt', action: 'update', operands: [] },
      { manager: 'apt', action: 'install', operands: ['ca-certificates', 'curl'] },
      { rm: [['/var/lib/apt/lists/*', 'apt-lists']] },
    ]);
    const install = packageCommands(parse(script), 'apt')[1]!;
    expect(install.hasFlag('-y', '--yes')).toBe(true);
    expect(install.hasFlag('--no-install-recommends')).toBe(true);
    expect(script.slice(0, install.flagAt).endsWith('apt-get install')).toBe(true);
  });

  it('apk add --no-cache --virtual with a variable among the packages', () => {
    const apk = onlyPackage('apk add --no-cache --virtual .build-deps $PHPIZE_DEPS autoconf curl-dev');
    expect(apk).toMatchObject({ manager: 'apk', action: 'install' });
    expect(values(apk.operands)).toEqual([null, 'autoconf', 'curl-dev']);
    expect(apk.optionValue('--virtual', '-t')).toBe('.build-deps');
    expect(apk.hasFlag('--no-cache')).toBe(true);
    expect(onlyPackage('apk add -t .deps gcc').optionValue('--virtual', '-t')).toBe('.deps');
    expect(summary('apk update && apk del .build-deps')).toEqual([
      { manager: 'apk', action: 'update', operands: [] },
      { manager: 'apk', action: 'remove', operands: ['.build-deps'] },
    ]);
  });
});

describe('recognise: prefixes', () => {
  it('sees through DEBIAN_FRONTEND=noninteractive and bundled flags', () => {
    const apt = onlyPackage('DEBIAN_FRONTEND=noninteractive apt-get install -yq tzdata');
    expect(apt.env.get('DEBIAN_FRONTEND')).toBe('noninteractive');
    expect(apt.hasFlag('-y')).toBe(true);
    expect(apt.hasFlag('-q')).toBe(true);
    expect(values(apt.operands)).toEqual(['tzdata']);
  });

  it('sees through sudo and env', () => {
    const sudo = onlyPackage('sudo -E apt-get install -y -t jessie-backports openjdk-8-jre');
    expect(sudo).toMatchObject({ sudo: { text: 'sudo -E', user: 'root' }, manager: 'apt', action: 'install' });
    expect(sudo.optionValue('-t')).toBe('jessie-backports');
    expect(values(sudo.operands)).toEqual(['openjdk-8-jre']);
    const env = onlyPackage('env -u X DEBIAN_FRONTEND=noninteractive apt-get -y upgrade');
    expect(env).toMatchObject({ action: 'upgrade', sudo: null });
    expect(env.env.get('DEBIAN_FRONTEND')).toBe('noninteractive');
  });

  it('sees through timeout, nice, ionice and stdbuf, and reads nothing past an option it does not know', () => {
    for (const script of ['timeout 600 apt-get install -y curl', 'timeout -k 10s --preserve-status 5m apt-get install -y curl', 'nice -n 19 apt-get install -y curl', 'nice -10 apt-get install -y curl', 'ionice -c2 -n7 apt-get install -y curl', 'stdbuf -oL -e L apt-get install -y curl', 'nice -- timeout 1h apt-get install -y curl']) {
      expect(onlyPackage(script), script).toMatchObject({ manager: 'apt', action: 'install' });
    }
    expect(summary('timeout --frobnicate 5 apt-get install -y curl; timeout apt-get install -y curl; nice; ionice -p 1')).toEqual([]);
    // A program named as a property every object has is no wrapper.
    expect(summary('constructor apt-get install -y curl; toString apt-get install -y curl')).toEqual([]);
  });

  it('sees through rustup run and its toolchain, but not rustup\'s other subcommands', () => {
    const program = (script: string) => invokedProgram(parse(script).commands[0]!);
    expect(program('rustup run nightly cargo install ripgrep')).toMatchObject({ name: 'cargo' });
    expect(values(program('rustup run --install 1.79 cargo build --release')!.args)).toEqual(['build', '--release']);
    expect(program('rustup target add x86_64-unknown-linux-musl')).toMatchObject({ name: 'rustup' });
    // rustup's own flags may come before its subcommand.
    expect(program('rustup --verbose run nightly cargo install ripgrep')).toMatchObject({ name: 'cargo' });
    expect(program('rustup -q run stable cargo build')).toMatchObject({ name: 'cargo' });
    expect(program('rustup -v target add x86_64-unknown-linux-musl')).toMatchObject({ name: 'rustup' });
    // The toolchain is one word whatever its value, when the shell cannot split it into several.
    expect(program('rustup run "$TOOLCHAIN" cargo install ripgrep')).toMatchObject({ name: 'cargo' });
    expect(values(program('rustup run "${TOOLCHAIN:-stable}" cargo build --release')!.args)).toEqual(['build', '--release']);
    expect(program("rustup run 'nightly'\"-$DATE\" cargo build")).toMatchObject({ name: 'cargo' });
    // clap reads run's --install, and a \`--\`, anywhere before the command; from the command on, every word is its.
    expect(values(program('rustup run nightly -- cargo install ripgrep')!.args)).toEqual(['install', 'ripgrep']);
    expect(program('rustup run -- nightly cargo build')).toMatchObject({ name: 'cargo' });
    expect(program('rustup run nightly --install -- cargo build')).toMatchObject({ name: 'cargo' });
    expect(values(program('rustup run nightly cargo -- --install')!.args)).toEqual(['--', '--install']);
    expect(program('rustup run nightly -- -- cargo build')).toMatchObject({ name: '--' });
    expect(program('rustup run nightly --help cargo build')).toBeNull();
    expect(program('rustup run nightly "$FLAG" cargo build')).toBeNull();
    // Other wrappers' options end at their operand: timeout runs \`--\` here.
    expect(program('timeout 10 -- make')).toMatchObject({ name: '--' });
    // One the shell may split (or make none of), or no command: no program is read.
    expect(program('rustup run $TOOLCHAIN cargo build')).toBeNull();
    expect(program('rustup run "$(cat toolchain)"$X cargo build')).toBeNull();
    expect(program('rustup run nightly-* cargo build')).toBeNull();
    expect(program('rustup run nightly')).toBeNull();
    expect(program('rustup run "$TOOLCHAIN"')).toBeNull();
    // Other wrappers' operands are read by their values.
    expect(program('timeout "$LIMIT" make install')).toBeNull();
  });

  it('keeps the sudo words that say who runs the command, for commands that must run the same way', () => {
    const cases: [string, string, string | null][] = [
      ['sudo -u node npm install -g x', 'sudo -u node', 'node'],
      ['sudo -H -u "$APP_USER" npm install -g x', 'sudo -H -u "$APP_USER"', null],
      ['sudo -unode -E npm install -g x', 'sudo -unode -E', 'node'],
      ['sudo --user=node npm ci', 'sudo --user=node', 'node'],
      ['sudo --user node DEBUG=1 npm ci', 'sudo --user node', 'node'],
      ['sudo -g staff npm ci', 'sudo -g staff', 'root'],
    ];
    for (const [script, text, user] of cases) {
      const npm = onlyPackage(script);
      expect(npm.sudo, script).toMatchObject({ text, user });
      expect(asInvoked(npm, 'npm cache clean --force')).toBe(`${text} npm cache clean --force`);
    }
    expect(asInvoked(onlyPackage('npm ci'), 'npm cache clean --force')).toBe('npm cache clean --force');
  });

  it('reads options before the subcommand and puts flagAt after the subcommand', () => {
    const script = 'apt-get -yq --no-install-suggests -o Dpkg::Options::=--force-confold install curl';
    const apt = onlyPackage(script);
    expect(apt.action).toBe('install');
    expect(values(apt.operands)).toEqual(['curl']);
    expect(apt.optionValue('-o')).toBe('Dpkg::Options::=--force-confold');
    expect(script.slice(apt.flagAt)).toBe(' curl');
  });

  it('reads busybox APPLET as the applet, also as exec form quotes it, and busybox\'s own options as busybox', () => {
    expect(summary('busybox rm -rf /var/cache/apk/*; /bin/busybox tar -xzf /tmp/app.tgz -C /opt; sudo busybox wget -O /tmp/a.tgz https://example.com/a.tgz')).toEqual([
      { rm: [['/var/cache/apk/*', 'apk']] },
      { extract: '/tmp/app.tgz', fromStdin: false, directory: '/opt' },
      { download: 'wget', urls: ['https://example.com/a.tgz'], output: '/tmp/a.tgz', toStdout: false },
    ]);
    // \`RUN ["/bin/busybox", "mkdir", "-p", "/data"]\` is read as the words its argv quotes.
    const mkdir = invokedProgram(parse("'/bin/busybox' 'mkdir' '-p' '/data'").commands[0]!);
    expect(mkdir).toMatchObject({ name: 'mkdir', path: 'mkdir' });
    expect(values(mkdir!.args)).toEqual(['-p', '/data']);
    for (const script of ['busybox --install -s /usr/local/bin', 'busybox --list', 'busybox', 'busybox /bin/mkdir /data']) {
      expect(invokedProgram(parse(script).commands[0]!)?.name, script).toBe('busybox');
    }
  });

  it('ignores what is not a program run, and non-literal programs', () => {
    expect(summary('command -v apt-get; $PKG install x; export APT=1')).toEqual([]);
    expect(recognise(parse('/usr/bin/apt-get clean').commands[0]!)).toMatchObject({ manager: 'apt', action: 'clean' });
  });

  it('gives the words from the program on, through the same prefixes as recognise', () => {
    const from = (script: string) => values(programWords(parse(script).commands[0]!));
    expect(from('sudo -u app mkdir -p /data')).toEqual(['mkdir', '-p', '/data']);
    expect(from('env -u HOME A=1 chown app /data')).toEqual(['chown', 'app', '/data']);
    expect(from('timeout 60 nice -n 5 /usr/bin/make all')).toEqual(['/usr/bin/make', 'all']);
    expect(from('exec busybox mkdir /x')).toEqual(['mkdir', '/x']);
    // A program only known at build time is still the program: readers treat it as a script they cannot see.
    expect(from('sudo $SETUP --fast')).toEqual([null, '--fast']);
    // A declaration is its own program; `command -v` and bare assignments run none.
    expect(from('export A=1')).toEqual(['export', 'A=1']);
    expect(from('command -v mkdir')).toEqual([]);
    expect(from('A=1')).toEqual([]);
  });
});

describe('recognise: other package managers', () => {
  it('yum/dnf/microdnf/zypper', () => {
    expect(summary('yum -y install httpd mod_ssl && yum clean all')).toEqual([
      { manager: 'yum', action: 'install', operands: ['httpd', 'mod_ssl'] },
      { manager: 'yum', action: 'clean', operands: ['all'] },
    ]);
    const dnf = onlyPackage('dnf install -y --setopt=install_weak_deps=False --setopt tsflags=nodocs gcc');
    expect(dnf.options.filter((o) => o.name === '--setopt').map((o) => o.value)).toEqual(['install_weak_deps=False', 'tsflags=nodocs']);
    expect(values(dnf.operands)).toEqual(['gcc']);
    expect(summary('yum -y update; microdnf install -y tar && microdnf clean all')).toEqual([
      { manager: 'yum', action: 'upgrade', operands: [] },
      { manager: 'microdnf', action: 'install', operands: ['tar'] },
      { manager: 'microdnf', action: 'clean', operands: ['all'] },
    ]);
    expect(summary('zypper --non-interactive in -y curl && zypper clean -a; zypper ref')).toEqual([
      { manager: 'zypper', action: 'install', operands: ['curl'] },
      { manager: 'zypper', action: 'clean', operands: [] },
      { manager: 'zypper', action: 'update', operands: [] },
    ]);
  });

  it('pip in all its spellings', () => {
    expect(onlyPackage('pip install -r requirements.txt')).toMatchObject({ manager: 'pip', action: 'install', operands: [] });
    expect(onlyPackage('pip install -r requirements.txt').optionValue('-r', '--requirement')).toBe('requirements.txt');
    const py = onlyPackage('python3 -m pip install --no-cache-dir --upgrade pip setuptools');
    expect(py).toMatchObject({ manager: 'pip', action: 'install' });
    expect(py.program.value).toBe('python3');
    expect(values(py.operands)).toEqual(['pip', 'setuptools']);
    expect(py.hasFlag('--no-cache-dir')).toBe(true);
    // Python's own options before `-m pip`, bundled or apart, and none after `-c`, whose command pip is not.
    expect(summary('python3 -Im pip install awscli; python -W ignore -m pip install flask; python -mpip install x')).toEqual([
      { manager: 'pip', action: 'install', operands: ['awscli'] },
      { manager: 'pip', action: 'install', operands: ['flask'] },
      { manager: 'pip', action: 'install', operands: ['x'] },
    ]);
    expect(summary('python -c "import pip" -m pip install x; python -- -m pip install x')).toEqual([]);
    expect(summary('pip3.11 install flask; python -m pip uninstall -y x; pip cache purge')).toEqual([
      { manager: 'pip', action: 'install', operands: ['flask'] },
      { manager: 'pip', action: 'remove', operands: ['x'] },
      { manager: 'pip', action: 'clean', operands: [] },
    ]);
  });

  it('npm, yarn, pnpm and gem', () => {
    expect(summary('npm ci --omit dev && npm cache clean --force; yarn; yarn global add pm2; pnpm i; gem install -N bundler')).toEqual([
      { manager: 'npm', action: 'install', operands: [] },
      { manager: 'npm', action: 'clean', operands: [] },
      { manager: 'yarn', action: 'install', operands: [] },
      { manager: 'yarn', action: 'install', operands: ['pm2'] },
      { manager: 'pnpm', action: 'install', operands: [] },
      { manager: 'gem', action: 'install', operands: ['bundler'] },
    ]);
    expect(onlyPackage('gem install rails --no-document -v 7.1').optionValue('-v')).toBe('7.1');
    expect(onlyPackage('npm run build')).toMatchObject({ manager: 'npm', action: 'other' });
    expect(onlyPackage('npm cache clean --force').subcommand.map((w) => w.value)).toEqual(['cache', 'clean']);
  });

  it('bun', () => {
    expect(summary('bun install --frozen-lockfile --production; bun i; bun add -g pm2; bun remove x; bun update')).toEqual([
      { manager: 'bun', action: 'install', operands: [] },
      { manager: 'bun', action: 'install', operands: [] },
      { manager: 'bun', action: 'install', operands: ['pm2'] },
      { manager: 'bun', action: 'remove', operands: ['x'] },
      { manager: 'bun', action: 'upgrade', operands: [] },
    ]);
    expect(onlyPackage('bun install --cwd /srv/app --omit dev').optionValue('--cwd')).toBe('/srv/app');
    expect(onlyPackage('bun run build')).toMatchObject({ manager: 'bun', action: 'other' });
    expect(onlyPackage('bun pm cache rm')).toMatchObject({ manager: 'bun', action: 'other' });
  });

  it('a package manager a runner fetches and runs, with the version asked for', () => {
    const run = (script: string) => {
      const p = onlyPackage(script);
      return { manager: p.manager, action: p.action, sub: values(p.subcommand), options: p.options.map((o) => o.name), tool: p.runner?.tool ?? null, version: p.runner?.version ?? null, runner: p.runner?.text ?? null };
    };
    expect(run('npx pnpm@9 install --frozen-lockfile')).toEqual({ manager: 'pnpm', action: 'install', sub: ['install'], options: ['--frozen-lockfile'], tool: 'npx', version: '9', runner: 'npx pnpm@9' });
    expect(run('npx -y pnpm install')).toMatchObject({ manager: 'pnpm', action: 'install', tool: 'npx', version: null, runner: 'npx -y pnpm' });
    expect(run('npx --yes yarn@1 install --frozen-lockfile')).toMatchObject({ manager: 'yarn', action: 'install', version: '1', runner: 'npx --yes yarn@1' });
    expect(run('npx --yes yarn@1')).toMatchObject({ manager: 'yarn', action: 'install', sub: [] });
    expect(run('npx pnpm@latest i')).toMatchObject({ manager: 'pnpm', action: 'install', version: 'latest' });
    expect(run('npx -p pnpm@9.15.0 pnpm install')).toMatchObject({ manager: 'pnpm', tool: 'npx', version: '9.15.0', runner: 'npx -p pnpm@9.15.0 pnpm' });
    expect(run('npx --package=pnpm@8 --registry https://r.example pnpm install')).toMatchObject({ manager: 'pnpm', version: '8' });
    expect(run('pnpx pnpm@9 install')).toMatchObject({ manager: 'pnpm', tool: 'pnpx', version: '9' });
    expect(run('pnpm dlx pnpm@9 install')).toMatchObject({ manager: 'pnpm', tool: 'pnpm dlx', version: '9', runner: 'pnpm dlx pnpm@9' });
    expect(run('yarn dlx -q pnpm@9 install')).toMatchObject({ manager: 'pnpm', tool: 'yarn dlx', version: '9' });
    expect(run('bunx pnpm install')).toMatchObject({ manager: 'pnpm', tool: 'bunx', version: null });
    expect(run('bun x --bun pnpm@9 install')).toMatchObject({ manager: 'pnpm', tool: 'bun x', version: '9' });
    expect(run('corepack pnpm install --prod')).toMatchObject({ manager: 'pnpm', action: 'install', tool: 'corepack', version: null, runner: 'corepack pnpm' });
    expect(run('corepack pnpm@9.1.0 install')).toMatchObject({ manager: 'pnpm', version: '9.1.0' });
    expect(run('corepack yarn install --immutable')).toMatchObject({ manager: 'yarn', action: 'install', tool: 'corepack' });
    expect(run('npm exec -- pnpm@9 install --frozen-lockfile')).toMatchObject({ manager: 'pnpm', action: 'install', options: ['--frozen-lockfile'], tool: 'npm exec', version: '9' });
    expect(run('npm x pnpm install')).toMatchObject({ manager: 'pnpm', action: 'install', tool: 'npm exec' });
    expect(run('sudo -u node npx pnpm@9 add -g x')).toMatchObject({ manager: 'pnpm', action: 'install' });
    expect(onlyPackage('sudo -u node npx pnpm@9 add -g x').sudo?.text).toBe('sudo -u node');
    // A version only known at build time is no version.
    expect(onlyPackage('npx "pnpm@${PNPM_VERSION}" install').runner).toMatchObject({ version: null, versioned: true });
    // The manager's word is the program; a flag goes after its subcommand.
    const p = onlyPackage('npx pnpm@9 install');
    expect([p.program.value, p.flagAt]).toEqual(['pnpm@9', 'npx pnpm@9 install'.length]);
    // Runners of other packages, corepack's own commands, and what runners cannot tell are no package command.
    expect(summary('npx prisma generate; npx -y create-react-app x; pnpm dlx degit x; bunx cowsay hi; corepack enable; corepack prepare pnpm@9 --activate; corepack install')).toEqual([
      { manager: 'pnpm', action: 'other', operands: ['degit', 'x'] },
    ]);
    // A scoped package is read as one, whatever manager its arguments name.
    expect(summary('npx -y @angular/cli@17 new web --package-manager npm; npx @nestjs/cli new api -p pnpm')).toEqual([]);
    expect(unreadRunner(parse('npx -y @angular/cli@17 new web --package-manager npm').commands[0]!)).toBeNull();
    expect(summary("npx -p pnpm@9 -c 'pnpm install'; npx --weird pnpm install; npm exec pnpm install --frozen-lockfile; npx $PM install")).toEqual([
      { manager: 'npm', action: 'other', operands: ['pnpm', 'install'] },
    ]);
  });
});

describe('recognise: files', () => {
  it('rm of caches', () => {
    expect(summary('rm -rf /var/cache/apk/* ~/.cache/pip "$HOME/.npm" /root/.cache /tmp/* /usr/src/app')).toEqual([
      {
        rm: [
          ['/var/cache/apk/*', 'apk'],
          ['~/.cache/pip', 'pip'],
          [null, 'npm'],
          ['/root/.cache', 'user-cache'],
          ['/tmp/*', 'tmp'],
          ['/usr/src/app', null],
        ],
      },
    ]);
    const rm = recogniseAll(parse('rm -fr /var/cache/yum'))[0]!;
    expect(rm).toMatchObject({ kind: 'remove-files', recursive: true, force: true });
  });

  it('curl and wget downloads', () => {
    expect(summary('curl -fsSLo /tmp/go.tgz https://go.dev/dl/go.tgz; curl -fsSLO https://x/y/node.tar.xz?v=1; curl -fsSL https://get.docker.com | sh')).toEqual([
      { download: 'curl', urls: ['https://go.dev/dl/go.tgz'], output: '/tmp/go.tgz', toStdout: false },
      { download: 'curl', urls: ['https://x/y/node.tar.xz?v=1'], output: 'node.tar.xz', toStdout: false },
      { download: 'curl', urls: ['https://get.docker.com'], output: null, toStdout: true },
    ]);
    expect(summary('wget -qO- https://a/b.tgz | tar xz; wget -O /usr/local/bin/dind "https://x/dind"; wget -P /opt https://a/c.zip')).toEqual([
      { download: 'wget', urls: ['https://a/b.tgz'], output: null, toStdout: true },
      { extract: null, fromStdin: true, directory: null },
      { download: 'wget', urls: ['https://x/dind'], output: '/usr/local/bin/dind', toStdout: false },
      { download: 'wget', urls: ['https://a/c.zip'], output: '/opt/c.zip', toStdout: false },
    ]);
    const dl = recogniseAll(parse('curl -o "/tmp/x-${V}.tgz" "$URL"'))[0]!;
    expect(dl.kind === 'download' && dl.outputWord?.raw).toBe('"/tmp/x-${V}.tgz"');
  });

  it('where a download goes: a file, a pipe, a substitution, nowhere, or the build output', () => {
    const sinks = (script: string) => recogniseAll(parse(script)).flatMap((r) => (r.kind === 'download' ? [r.sink] : []));
    expect(sinks('curl -o /tmp/a u; curl -O u/b; wget u/c; curl u > /tmp/d; curl u >>log 2>&1; curl u &>out')).toEqual(['file', 'file', 'file', 'file', 'file', 'file']);
    expect(sinks('curl -fsSL u | sh; wget -qO- u | tar xz; { curl u; } | bash; curl u 2>/dev/null | gpg --import')).toEqual(['pipe', 'pipe', 'pipe', 'pipe']);
    expect(sinks('V=$(curl -s u); sh -c "$(curl -fsSL u)"; bash <(curl -s u); X=$(curl u | jq .v)')).toEqual(['substitution', 'substitution', 'substitution', 'pipe']);
    expect(sinks('curl -o /dev/null u; curl -s u >/dev/null; wget -O /dev/null u; curl u >/dev/null | cat')).toEqual(['discarded', 'discarded', 'discarded', 'discarded']);
    expect(sinks('curl u; curl u >&2; curl -s u 1>&2 | cat; curl u >&1 | sh')).toEqual(['output', 'output', 'output', 'pipe']);
  });

  it('reads curl options that take a value, so their values are not taken for URLs', () => {
    const dl = recogniseAll(parse('curl --json \'{"a":1}\' --connect-to a:443:b:443 -H "X: y" https://api/x'))[0]!;
    expect(dl.kind === 'download' && values(dl.urls)).toEqual(['https://api/x']);
  });

  it('tar extraction in its three spellings; creation is not extraction', () => {
    expect(summary('tar -xzf /tmp/go.tgz -C /usr/local; tar xJf node.tar.xz; tar --extract --file=a.tar --directory /opt; tar czf out.tgz dir')).toEqual([
      { extract: '/tmp/go.tgz', fromStdin: false, directory: '/usr/local' },
      { extract: 'node.tar.xz', fromStdin: false, directory: null },
      { extract: 'a.tar', fromStdin: false, directory: '/opt' },
    ]);
    const tar = recogniseAll(parse('tar xfC a.tgz /dir --strip-components=1'))[0]!;
    expect(tar).toMatchObject({ kind: 'extract', archive: 'a.tgz', directory: '/dir' });
  });
});

describe('recognise: accounts', () => {
  it('useradd with bundled, valued and long options, through sudo; adduser is another program', () => {
    expect(summary('groupadd -r app && useradd -rm -u 1000 -g app -s /bin/sh app')).toEqual([
      { useradd: 'app', options: ['-r', '-m', '-u', '-g', '-s'] },
    ]);
    expect(summary('sudo /usr/sbin/useradd --uid=10001 --create-home --shell /bin/bash -c "Build user" builder')).toEqual([
      { useradd: 'builder', options: ['--uid', '--create-home', '--shell', '-c'] },
    ]);
    expect(summary('useradd -D -s /bin/bash; adduser -D -u 1000 app')).toEqual([{ useradd: null, options: ['-D', '-s'] }]);
    const u = recogniseAll(parse('useradd -lu 99999 $NAME'))[0]!;
    expect(u.kind === 'add-user' && [u.hasFlag('-l'), u.optionValue('-u'), u.login?.value]).toEqual([true, '99999', null]);
  });
});

describe('cacheKind', () => {
  it('classifies cache directories and their contents', () => {
    expect(
      ['/var/lib/apt/lists', '/var/lib/apt/lists/', '/var/cache/apt/archives/*.deb', '/var/cache/dnf', '${HOME}/.cache/pip',
        '/usr/local/share/.cache/yarn', '/root/.npm/_cacache', '/var/tmp/x', '/var/lib/apt', '/tmpfoo'].map(cacheKind),
    ).toEqual(['apt-lists', 'apt-lists', 'apt-archives', 'dnf', 'pip', 'yarn', 'npm', 'tmp', null, null]);
  });

  it('reads a path in the home of the user a command runs as as ~, and /root as no cache of another user', () => {
    expect(['/home/node/.npm', '~/.npm', '/root/.npm', '/var/lib/apt/lists/*'].map((p) => cacheKindIn(p, '/home/node'))).toEqual(['npm', 'npm', null, 'apt-lists']);
    expect(['/root/.npm', '/.npm', '/var/cache/apk'].map((p) => cacheKindIn(p, '/root'))).toEqual(['npm', null, 'apk']);
    // HOME=/ for an account /etc/passwd lacks: ~/.npm is /.npm, and the system's caches stay theirs.
    expect(['/.npm', '/var/cache/apk'].map((p) => cacheKindIn(p, '/'))).toEqual(['npm', 'apk']);
    expect(['~/.cache/pip', '/root/.cache/pip', '/home/app/.cache/pip'].map((p) => cacheKindIn(p, null))).toEqual(['pip', null, null]);
  });
});

describe('invokedTool', () => {
  const tool = (script: string) => {
    const t = invokedTool(parse(script).commands[0]!)!;
    return [t.name, t.module, values(t.args)];
  };

  it('reads the module Python runs past its options, one-letter ones bundled or with their value attached', () => {
    expect(tool('python3 -m uv pip install awscli')).toEqual(['uv', true, ['pip', 'install', 'awscli']]);
    expect(tool('python3 -Im uv pip install awscli')).toEqual(['uv', true, ['pip', 'install', 'awscli']]);
    expect(tool('python -mpip install flask')).toEqual(['pip', true, ['install', 'flask']]);
    expect(tool('python3 -u -OO -m celery -A proj worker')).toEqual(['celery', true, ['-A', 'proj', 'worker']]);
    expect(tool('python3 -X dev -W ignore -m uv pip list')).toEqual(['uv', true, ['pip', 'list']]);
    expect(tool('python3 -Xdev -BWignore -m uv pip list')).toEqual(['uv', true, ['pip', 'list']]);
    expect(tool('python3 --check-hash-based-pycs never -m uv pip list')).toEqual(['uv', true, ['pip', 'list']]);
  });

  it('reads no module where Python runs a script or a command', () => {
    expect(tool('python3 -c "import uv" -m uv')).toEqual(['python3', false, ['-c', 'import uv', '-m', 'uv']]);
    expect(tool('python3 -Ic "import uv"')).toEqual(['python3', false, ['-Ic', 'import uv']]);
    expect(tool('python3 -W -m app.py')).toEqual(['python3', false, ['-W', '-m', 'app.py']]);
    expect(tool('python3 setup.py -m x')).toEqual(['python3', false, ['setup.py', '-m', 'x']]);
    expect(tool('python3 - -m uv')).toEqual(['python3', false, ['-', '-m', 'uv']]);
    expect(tool('python3 -m "$MODULE" run')).toEqual(['python3', false, ['-m', null, 'run']]);
  });
});

describe('cargoSubcommand', () => {
  const sub = (script: string) => {
    const read = cargoSubcommand(invokedProgram(parse(script).commands[0]!)!.args);
    return read === null ? null : [read.sub.value, values(read.args)];
  };

  it('reads the subcommand past a toolchain and cargo\'s own options, with or without their values', () => {
    expect(sub('cargo install ripgrep')).toEqual(['install', ['ripgrep']]);
    expect(sub('cargo +nightly -q install --locked ripgrep')).toEqual(['install', ['--locked', 'ripgrep']]);
    expect(sub('cargo -vv --color always --config net.git-fetch-with-cli=true install ripgrep')).toEqual(['install', ['ripgrep']]);
    expect(sub('cargo -Z sparse-registry -Zunstable-options --color=never --offline --frozen --locked binstall rg')).toEqual(['binstall', ['rg']]);
    expect(sub('cargo -C /src --config /etc/cargo.toml build --release')).toEqual(['build', ['--release']]);
    expect(sub('cargo --version')).toBeNull();
  });
});
