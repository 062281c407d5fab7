import { describe, expect, it } from 'vitest';
import { runForAlpine } from '../../src/analysis/index.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { applyEdits } from '../../src/engine/edits.js';
import { aptInstalls, downloadLibc, glibcArtefact, identify, npmInstallScript, siblingOfKind } from '../../src/knowledge/index.js';

/** The RUN on line 2 of `FROM x` + `run`, as Alpine would get it. */
function alpine(run: string, source: 'apt' | 'rpm' = 'apt'): string {
  const text = `FROM debian:bookworm\n${run}\n`;
  const f = parseDockerfile(text);
  const r = runForAlpine(f, f.instructions[1]!, source);
  if (r.kind === 'refuse') return `refuse ${r.code}`;
  if (r.kind === 'unchanged') return 'unchanged';
  return applyEdits(text, [r.edit]).slice('FROM debian:bookworm\n'.length, -1);
}

describe('a RUN for Alpine', () => {
  it('turns installs into one apk add and drops apt-only steps', () => {
    expect(alpine('RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends build-essential libssl-dev apt-transport-https && rm -rf /var/lib/apt/lists/*')).toBe(
      'RUN apk add --no-cache build-base openssl-dev',
    );
    expect(alpine('RUN set -eux; \\\n    apt-get update; \\\n    apt-get install -y curl; \\\n    rm -rf /var/lib/apt/lists/* /tmp/x; \\\n    curl -V')).toBe(
      'RUN set -eux; \\\n    apk add --no-cache curl; \\\n    rm -rf /tmp/x; \\\n    curl -V',
    );
    expect(alpine('RUN yum install -y gcc && yum clean all', 'rpm')).toBe('RUN apk add --no-cache gcc musl-dev');
  });

  it('removes a RUN that only did apt housekeeping', () => {
    expect(alpine('RUN apt-get update && apt-get install -y locales')).toBe('');
  });

  it('translates users with the same ids', () => {
    expect(alpine('RUN groupadd -r -g 999 app && useradd -r -g app -d /srv -s /bin/false -c "App user" app')).toBe(
      "RUN addgroup -S -g 999 app && adduser -D -S -h /srv -H -s /bin/false -g 'App user' -G app app",
    );
    expect(alpine('RUN useradd -m -u 1000 dev')).toBe('RUN addgroup -g 1000 dev && adduser -D -s /bin/sh -u 1000 -G dev dev');
  });

  it('refuses what it cannot translate', () => {
    expect(alpine('RUN apt-get install -y curl=7.88.1-10')).toBe('refuse unmapped-package');
    expect(alpine('RUN echo "deb http://x stable main" > /etc/apt/sources.list.d/x.list')).toBe('refuse apt-repository');
    expect(alpine('RUN if true; then apt-get install -y curl; fi')).toBe('refuse unsupported-command');
    expect(alpine('RUN apt-get install -y curl || true')).toBe('RUN apk add --no-cache curl || true');
    expect(alpine('RUN apt-get update || true')).toBe('refuse unsupported-command');
    expect(alpine('RUN useradd -u 1000 -g 1000 app')).toBe('refuse user-options');
    expect(alpine('RUN adduser --disabled-password --gecos "" app')).toBe('refuse user-options');
    expect(alpine('RUN echo hello')).toBe('unchanged');
  });
});

describe('knowledge used by the analysis', () => {
  it('knows what an install brings', () => {
    expect(aptInstalls('build-essential').sort()).toEqual(['build-essential', 'dpkg-dev', 'g++', 'gcc', 'libc6-dev', 'make']);
    expect(aptInstalls('curl')).toEqual(['curl']);
  });

  it('recognises glibc artefacts', () => {
    expect(glibcArtefact('https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz')).not.toBeNull();
    expect(glibcArtefact('https://unofficial-builds.nodejs.org/download/release/v20.11.0/node-v20.11.0-linux-x64-musl.tar.xz')).toBeNull();
    expect(glibcArtefact('https://go.dev/dl/go1.22.0.linux-amd64.tar.gz')).toBeNull();
    expect(glibcArtefact('https://example.com/tool-x86_64-unknown-linux-gnu.tar.gz')).not.toBeNull();
  });

  it('tells what a download holds: programs of unknown C library apart from static, musl and non-native files', () => {
    const kind = (url: string | null, saved: string | null = null) => downloadLibc(url, saved).kind;
    expect(kind('https://github.com/krallin/tini/releases/download/v0.19.0/tini-amd64', '/usr/local/bin/tini')).toBe('program');
    expect(kind('https://github.com/krallin/tini/releases/download/${TINI_VERSION}/tini')).toBe('program');
    expect(kind('https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64')).toBe('musl-or-static');
    expect(kind('https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip', '/tmp/awscliv2.zip')).toBe('archive');
    expect(kind('https://example.com/download', '/tmp/tool.tar.gz')).toBe('archive');
    expect(downloadLibc('https://github.com/redis/redis/archive/refs/tags/7.2.4.tar.gz', null)).toEqual({ kind: 'archive', what: 'a source archive' });
    expect(kind('https://github.com/mikefarah/yq/releases/download/v4.44.1/yq_linux_amd64', '/usr/local/bin/yq')).toBe('musl-or-static');
    expect(kind('https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl')).toBe('musl-or-static');
    expect(kind('https://go.dev/dl/go1.22.0.linux-amd64.tar.gz')).toBe('musl-or-static');
    expect(kind('https://example.com/tool-1.2.3-x86_64-linux-musl.tar.gz')).toBe('musl-or-static');
    expect(kind('https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz')).toBe('glibc');
    expect(kind('https://bootstrap.pypa.io/get-pip.py')).toBe('not-native');
    expect(kind('https://repo1.maven.org/maven2/x/y/1.0/y-1.0.jar', '/app/app.jar')).toBe('not-native');
    expect(kind('https://example.com/install.sh')).toBe('not-native');
    // An extension that is a version number or an architecture is no file type.
    expect(kind('https://example.com/releases/tool-v1.2.3')).toBe('program');
    expect(kind('https://example.com/releases/tool.linux-amd64')).toBe('program');
  });

  it('knows npm install scripts', () => {
    expect(npmInstallScript('canvas')).toMatchObject({ compiles: 'without-prebuild', prebuilds: ['glibc'] });
    expect(npmInstallScript('left-pad')).toBeNull();
  });

  it('has no debian:slim: a slim sibling needs a version', () => {
    expect(siblingOfKind(identify('debian')!, 'slim')).toBeNull();
    expect(siblingOfKind(identify('debian:latest')!, 'slim')).toBeNull();
    expect(siblingOfKind(identify('debian:12')!, 'slim')?.reference).toBe('debian:12-slim');
  });
});
