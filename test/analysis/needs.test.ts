import { describe, expect, it } from 'vitest';
import { transformText } from '../../src/api.js';

/** The refusal reason slim-base gives for a Dockerfile (with a build context), or null when it switches. */
function slimRefusal(text: string, context: Record<string, string> = {}): string | null {
  const r = transformText(text, { transforms: ['slim-base'], context });
  if (!r.ok) throw new Error(r.error.message);
  return r.refusals[0]?.reason ?? null;
}

describe('stageNeeds: what a command needs beyond the program it runs', () => {
  it('tar hands .xz and .bz2 archives to xz and bzip2, by flag or by the name of the archive it reads', () => {
    expect(slimRefusal('FROM python:3.12\nRUN tar -xf /tmp/app.tar.xz -C /opt\n')).toContain('lacks xz-utils: line 2 runs `tar -xf /tmp/app.tar.xz -C /opt`, which runs xz');
    expect(slimRefusal('FROM node:20\nRUN tar xjf /tmp/data.tar.bz2 -C /srv\n')).toContain('lacks bzip2: line 2 runs `tar xjf /tmp/data.tar.bz2 -C /srv`, which runs bzip2');
    expect(slimRefusal('FROM node:20\nRUN curl -fsSL http://example.com/n.tar.xz | tar -xJ -C /opt\n')).toContain('xz-utils');
    // gzip is essential; creating an archive named .xz without -J or -a compresses nothing.
    expect(slimRefusal('FROM python:3.12\nRUN tar -xzf /tmp/app.tar.gz -C /opt && tar -cf /tmp/out.tar.xz /opt\n')).toBeNull();
    expect(slimRefusal('FROM python:3.12\nRUN tar --extract --file=/tmp/app.txz -C /opt\n')).toContain('lacks xz-utils');
    // A pattern option names no archive.
    expect(slimRefusal('FROM python:3.12\nRUN tar --exclude=*.xz -xzf /tmp/app.tar.gz -C /opt\n')).toBeNull();
  });

  it('curl, wget and git over https need the CA bundle, which an install without recommends leaves out on slim', () => {
    const noRecommends = 'FROM node:20\nRUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*\nRUN git clone https://github.com/org/repo /src\n';
    expect(slimRefusal(noRecommends)).toContain('node:20-slim lacks ca-certificates: line 3 runs `git clone https://github.com/org/repo /src`, which verifies https servers');
    expect(slimRefusal(noRecommends.replace('install -y --no-install-recommends git', 'install -y --no-install-recommends git ca-certificates'))).toBeNull();
    expect(slimRefusal(noRecommends.replace('--no-install-recommends ', ''))).toBeNull();
    // A URL a variable holds may be https.
    expect(slimRefusal('FROM node:20\nARG URL\nRUN apt-get update && apt-get install -y --no-install-recommends wget\nRUN wget "$URL"\n')).toContain('lacks ca-certificates');
    // Plain http, and python's and ruby's slim, which keep ca-certificates.
    expect(slimRefusal('FROM node:20\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nHEALTHCHECK CMD curl -f http://localhost:3000/\n')).toBeNull();
    expect(slimRefusal('FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN curl -fsSLO https://example.com/x\n')).toBeNull();
    expect(slimRefusal('FROM ruby:3.3\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN curl -fsSLO https://example.com/x\n')).toBeNull();
  });

  it('update-ca-certificates and apt-key are commands of packages slim lacks', () => {
    expect(slimRefusal('FROM node:20\nCOPY ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates\n', { 'ca.crt': 'x' })).toContain('lacks ca-certificates: line 3 runs `update-ca-certificates`');
    expect(slimRefusal('FROM python:3.12\nCOPY key.asc /tmp/\nRUN apt-key add /tmp/key.asc\n', { 'key.asc': 'x' })).toContain('lacks gnupg: line 3 runs `apt-key add /tmp/key.asc`');
  });

  it('Python installs read by no manifest are unknown; pipx install names its packages as pip does', () => {
    const on = (run: string) => slimRefusal(`FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN ${run}\n`, { 'pyproject.toml': '[project]\nname = "x"\n', 'setup.py': 'from setuptools import setup\nsetup()\n' });
    expect(on('pdm install --prod')).toContain('line 4 needs: pdm install --prod: it installs Python packages with pdm install, which dockshift does not read');
    expect(on('conda install -y numpy')).toContain('with conda install');
    expect(on('python3 setup.py build_ext --inplace')).toContain('it builds the project of setup.py');
    expect(on('pipx install --spec git+https://example.com/cli.git cli')).toContain('it installs --spec git+https://example.com/cli.git');
    expect(on('pipx install "$TOOL"')).toContain('depends on a variable');
    // Named, pure-Python tools are read as pip's requirements; running setup.py for its version builds nothing.
    expect(on('pipx install --python python3.12 poetry==1.8.3')).toBeNull();
    expect(on('python setup.py --version')).toBeNull();
    // setup.py named by a path, pipx run as a module, and uv's tool installs read the same way.
    expect(on('python ./setup.py install')).toContain('it builds the project of setup.py');
    expect(on('python3 /app/setup.py build_ext --inplace')).toContain('it builds the project of setup.py');
    expect(on('python -m pipx install ./tools/cli')).toContain('it installs ./tools/cli, a local project');
    expect(on('python3 -m pipx install poetry')).toBeNull();
    // Python's own options may come before -m, as pythonModule reads them.
    expect(on('python3 -Im pipx install ./tools/cli')).toContain('it installs ./tools/cli, a local project');
    expect(on('python -W ignore -m pipx install ./tools/cli')).toContain('it installs ./tools/cli, a local project');
    expect(on('python3 -Im pipx install poetry')).toBeNull();
    expect(on('python3 -m uv tool install --from ./tools/cli cli')).toContain('it installs --from ./tools/cli');
    expect(on('uv tool install ruff --with black')).toBeNull();
    expect(on('uv tool install --from ./tools/cli cli')).toContain('it installs --from ./tools/cli');
    expect(on('uv tool install ruff --with ./plugins/x')).toContain('it installs ./plugins/x');
  });

  it('pip builds source archives and --no-binary packages from source, whatever the package', () => {
    expect(slimRefusal('FROM python:3.12\nRUN pip install --no-binary :all: psycopg2-binary\n')).toContain('--no-binary :all: makes pip build every package from source');
    expect(slimRefusal('FROM python:3.12\nRUN pip install --no-binary=lxml lxml\n')).toContain('--no-binary lxml makes pip build lxml from source');
    expect(slimRefusal('FROM python:3.12\nRUN pip install https://example.com/foo-1.0.tar.gz\n')).toContain('a source archive pip builds');
    const req = 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n';
    expect(slimRefusal(req, { 'requirements.txt': '--no-binary lxml\nlxml==5.2.1\n' })).toContain('--no-binary lxml makes pip build lxml from source');
    expect(slimRefusal(req, { 'requirements.txt': 'foo @ https://example.com/foo-1.0.zip\n' })).toContain('a source archive pip builds');
    // Wheels and --no-binary :none: build nothing.
    expect(slimRefusal(req, { 'requirements.txt': '--no-binary :none:\nflask==3.0.0\nfoo @ https://example.com/foo-1.0-py3-none-any.whl\n' })).toBeNull();
    expect(slimRefusal('FROM python:3.12\nRUN pip install https://example.com/foo-1.0-py3-none-any.whl\n')).toBeNull();
  });
});
