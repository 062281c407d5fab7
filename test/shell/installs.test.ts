import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/shell/parse.js';
import { replaceableProgram, unnamedInstall } from '../../src/shell/installs.js';

/** What the first command of `script` may install unnamed: 'any', the families it installs beside, or null. */
function installs(script: string): string | string[] | null {
  const parsed = parseScript(script);
  if (!parsed.ok) throw new Error(parsed.message);
  const found = unnamedInstall(parsed.commands[0]!);
  if (found === null) return null;
  return found.besides.size === 0 ? 'any' : [...found.besides].sort();
}

describe('unnamedInstall', () => {
  it.each([
    ['sh /tmp/cmake-installer.sh --prefix=/usr/local', 'any'],
    ['bash install.sh', 'any'],
    ['./configure', 'any'],
    ['. /opt/env.sh', 'any'],
    ['make install', 'any'],
    ['make -j4 PREFIX=/usr/local install', 'any'],
    ['cmake --install build', 'any'],
    ['tar -xzf node.tar.gz -C /usr/local --strip-components=1', 'any'],
    ['unzip awscliv2.zip', 'any'],
    ['gunzip /usr/local/bin/tool.gz', 'any'],
    ['cpio -idm < /tmp/root.cpio', 'any'],
    ['cp build/bin/* /usr/local/bin/', 'any'],
    ['ln -s /opt/tool/bin/tool /usr/local/bin', 'any'],
    ['install -m 0755 -t /usr/local/bin build/tool', 'any'],
    ['python3 setup.py install', 'any'],
    ['cargo install --path .', 'any'],
    ['cargo binstall --git https://github.com/x/tool tool', 'any'],
    ['cargo-binstall --manifest-path ./tool/Cargo.toml tool', 'any'],
    ['python -m uv pip install --system -r requirements.txt', 'any'],
    ['python3 -m uv pip sync requirements.txt', 'any'],
    ['python3 -Im uv pip install --system -r requirements.txt', 'any'],
    ['python3 -X dev -W ignore -B -m uv pip sync requirements.txt', 'any'],
    ['cargo -q --config net.git-fetch-with-cli=true install --path .', 'any'],
    ['rustup run nightly cargo install --path .', 'any'],
    ['rustup run $TOOLCHAIN cargo install ripgrep', 'any'],
    ['rustup run "$TOOLCHAIN" cargo install --path .', 'any'],
    ['timeout 30m make install', 'any'],
    ['su -c "cargo install ripgrep" root', 'any'],
    ['runuser -u app -- cargo install ripgrep', 'any'],
    ['gosu app make install', 'any'],
    ['python3 -W ignore -m pip install -r requirements.txt', ['pip', 'python']],
    ['go install', 'any'],
    ['go install -tags netgo -trimpath', 'any'],
    ['go install ./', 'any'],
    ['sh -c "cd /src/cmd/api && go install"', 'any'],
    ['$INSTALLER --all', 'any'],
    ['pip install -r requirements.txt', ['pip', 'python']],
    ['pip install .', ['pip', 'python']],
    ['python3 -m pip install -e .', ['pip', 'python']],
    ['npm install -g ./tool.tgz', ['npm', 'npx']],
    ['gem install ./pkg.gem', ['gem', 'ruby']],
  ])('%s may install programs it does not name', (script, expected) => {
    expect(installs(script)).toEqual(expected);
  });

  it.each([
    'apt-get install -y cmake',
    'apk add --no-cache git',
    'dnf install -y make',
    'pip install flask gunicorn==22.0',
    'npm ci',
    'npm install -g typescript',
    'cargo install ripgrep',
    'cargo binstall -y ripgrep',
    'cargo-binstall --no-confirm ripgrep@14.1.0',
    'go install -tags netgo golang.org/x/tools/gopls@latest',
    'python3 -m uv pip install --system awscli',
    'python3 -Im uv pip install --system awscli',
    'cargo -q install ripgrep',
    'cargo --config /etc/cargo-ci.toml install --locked ripgrep',
    'rustup run nightly cargo install ripgrep',
    'rustup run "$TOOLCHAIN" cargo install ripgrep',
    'rustup target add x86_64-unknown-linux-musl',
    'bash -c "pip install --no-cache-dir awscli"',
    'python -m uv python install 3.12',
    'make',
    'cp config.yaml /etc/app/',
    'bash -c "echo done > /tmp/done"',
    'echo hi',
    'mkdir -p /usr/local/bin',
    'install -d /usr/local/bin /usr/local/sbin',
    'install -s -m755 /build/src/mosquitto /usr/sbin/mosquitto',
    'tar -czf /tmp/app.tar.gz /app',
  ])('%s installs nothing it does not name', (script) => {
    expect(installs(script)).toBeNull();
  });

  it('reads the script a shell is given with -c', () => {
    expect(installs('sh -c "make install"')).toBe('any');
    expect(installs('bash -lc "cd /src && ./build.sh"')).toBe('any');
    expect(installs('bash -O extglob -c "make install"')).toBe('any');
    expect(installs('bash -c -- "make install"')).toBe('any');
    expect(installs('bash -o pipefail -c "echo done"')).toBeNull();
    // `-c echo` is install.sh's arguments, not a string the shell runs.
    expect(installs('sh ./install.sh -c echo')).toBe('any');
  });

  it('does not fear for the base system: no install shadows apt-get or coreutils', () => {
    expect(replaceableProgram('apt-get')).toBe(false);
    expect(replaceableProgram('mkdir')).toBe(false);
    expect(replaceableProgram('cmake')).toBe(true);
    expect(replaceableProgram('node')).toBe(true);
  });
});
