import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/pipeline.js';
import installFlags from '../transforms/install-flags.js';

function refusals(text: string) {
  const result = runPipeline(text, [{ transform: installFlags, options: {} }], { tier: 'review' });
  if (!result.ok) throw new Error(result.error.message);
  return result.refusals.filter((r) => r.code === 'apk-update-kept').map((r) => r.reason);
}

describe('install-flags says what keeps an apk update', () => {
  it('names the option, operand, variable or redirection it has', () => {
    // docker-agent's netcat helper: `apk update --no-cache`.
    expect(refusals('FROM alpine:3.11\nRUN apk update --no-cache \\\n  && apk add --no-cache netcat-openbsd\n')).toEqual([
      'apk update kept: it has the option --no-cache; only a plain `apk update` (or `apk update -q`) is removed',
    ]);
    expect(refusals('FROM alpine:3.19\nRUN apk update --repository http://x/edge && apk add --no-cache z\n')).toEqual([
      'apk update kept: it has the option --repository; only a plain `apk update` (or `apk update -q`) is removed',
    ]);
    expect(refusals('FROM alpine:3.19\nRUN apk update main && apk add --no-cache z\n')).toEqual([
      'apk update kept: it has the operand main; only a plain `apk update` (or `apk update -q`) is removed',
    ]);
    expect(refusals('FROM alpine:3.19\nRUN HTTP_PROXY=http://proxy:3128 apk update && apk add --no-cache z\n')).toEqual([
      'apk update kept: it has variables set for it (HTTP_PROXY); only a plain `apk update` (or `apk update -q`) is removed',
    ]);
    expect(refusals('FROM alpine:3.19\nRUN apk update > /tmp/update.log && apk add --no-cache z\n')).toEqual([
      'apk update kept: it has the redirection `> /tmp/update.log`; only a plain `apk update` (or `apk update -q`) is removed',
    ]);
  });

  it('still removes a plain or quiet apk update', () => {
    const result = runPipeline('FROM alpine:3.19\nRUN apk update -q && apk add --no-cache z\n', [{ transform: installFlags, options: {} }], { tier: 'review' });
    expect(result.ok && result.output).toBe('FROM alpine:3.19\nRUN apk add --no-cache z\n');
  });
});

describe('install-flags names every shell whose command string installs', () => {
  const shellStrings = (text: string) => {
    const result = runPipeline(text, [{ transform: installFlags, options: { noInstallRecommends: true, allStages: false } }], { tier: 'review' });
    if (!result.ok) throw new Error(result.error.message);
    return result.refusals.filter((r) => r.code === 'shell-string').map((r) => [r.line, r.reason]);
  };

  it('says one refusal for a line, with each shell in it', () => {
    expect(shellStrings("FROM debian:bookworm\nRUN exec sh -c 'apt-get update && apt-get install -y wget' && sudo bash -c 'apt-get install -y gnupg'\n")).toEqual([
      [2, 'the installs run in the quoted command strings of `sh` and `bash`, which are not rewritten; not adding --no-install-recommends to apt-get install'],
    ]);
    expect(shellStrings("FROM python:3.12-slim\nRUN sh -c 'pip install flask' && bash -c 'apt-get install -y jq'\n")).toEqual([
      [2, 'the installs run in the quoted command strings of `sh` and `bash`, which are not rewritten; not adding --no-cache-dir to pip install, --no-install-recommends to apt-get install'],
    ]);
  });

  it('keeps the words for a single shell, and a refusal for each line', () => {
    expect(shellStrings("FROM debian:bookworm\nRUN bash -c 'apt-get install -y jq' \\\n && sh -c 'apt-get install -y curl'\n")).toEqual([
      [2, 'the install runs in the quoted command string of `bash`, which is not rewritten; not adding --no-install-recommends to apt-get install'],
      [3, 'the install runs in the quoted command string of `sh`, which is not rewritten; not adding --no-install-recommends to apt-get install'],
    ]);
  });
});

describe('install-flags reads which microdnf the base image has', () => {
  const run = (from: string) => {
    const result = runPipeline(`FROM ${from}\nRUN microdnf install -y tar\n`, [{ transform: installFlags, options: { noInstallRecommends: true, allStages: false } }], { tier: 'review' });
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };
  const microdnfRefusals = (from: string) => run(from).refusals.map((r) => [r.code, r.reason]);

  it('refuses where the release has microdnf 3.0.1, or does not say which', () => {
    expect(microdnfRefusals('registry.access.redhat.com/ubi8/ubi-minimal:8.1')).toEqual([
      ['tool-too-old', 'the stage is built on UBI 8.1, whose microdnf has no --setopt=install_weak_deps (it came with microdnf 3.4.0 (RHEL 8.3))'],
    ]);
    expect(microdnfRefusals('registry.access.redhat.com/ubi8/openjdk-21:1.20')).toEqual([
      [
        'tool-version-unknown',
        'the tag of registry.access.redhat.com/ubi8/openjdk-21:1.20 names no minor release of UBI 8, so not whether its microdnf has --setopt=install_weak_deps (it came with microdnf 3.4.0 (RHEL 8.3); an older one fails on it)',
      ],
    ]);
    expect(microdnfRefusals('quay.io/example/base:1')).toEqual([
      [
        'tool-version-unknown',
        'dockshift does not know the base image quay.io/example/base:1, so not whether its microdnf has --setopt=install_weak_deps (it came with microdnf 3.4.0 (RHEL 8.3); an older one fails on it)',
      ],
    ]);
  });

  it('says that a registry without `latest` has no image for a reference without a tag', () => {
    expect(microdnfRefusals('container-registry.oracle.com/os/oraclelinux')).toEqual([
      [
        'tool-version-unknown',
        'container-registry.oracle.com/os/oraclelinux names no tag, and the repository has no `latest` tag (each of its tags names a version): the reference cannot be pulled as written, and which image it means is unknown, so not whether its microdnf has --setopt=install_weak_deps (it came with microdnf 3.4.0 (RHEL 8.3); an older one fails on it)',
      ],
    ]);
  });

  it('adds the flag on a release whose microdnf has it', () => {
    for (const from of ['registry.access.redhat.com/ubi9/ubi-minimal', 'registry.access.redhat.com/ubi8/ubi-minimal:8.4', 'rockylinux:9-minimal']) {
      const result = run(from);
      expect(result.refusals, from).toEqual([]);
      expect(result.output, from).toBe(`FROM ${from}\nRUN microdnf install --setopt=install_weak_deps=0 -y tar\n`);
    }
  });
});
