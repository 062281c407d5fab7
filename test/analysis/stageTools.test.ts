import { describe, expect, it } from 'vitest';
import { originAtEnd, workdirAtEnd } from '../../src/analysis/paths.js';
import { downloadToolsAt, packageManagerInUse, userAt, yumIsDnf } from '../../src/analysis/stageTools.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import type { Instruction, ParsedDockerfile } from '../../src/dockerfile/types.js';
import { memoryBuildContext } from '../../src/engine/context.js';

/** The tools before the last instruction of the file. */
function toolsAtEnd(text: string) {
  const file = parseDockerfile(text);
  const t = downloadToolsAt(file, file.instructions.at(-1)!);
  return { curl: t.curl !== null, wget: t.wget !== null, ca: t.caCertificates !== null };
}

const last = (file: ParsedDockerfile): Instruction => file.instructions.at(-1)!;

describe('downloadToolsAt', () => {
  it('starts from what the base image has, and knows nothing of unknown images', () => {
    expect(toolsAtEnd('FROM python:3.12\nRUN true\n')).toEqual({ curl: true, wget: true, ca: true });
    expect(toolsAtEnd('FROM debian:bookworm-slim\nRUN true\n')).toEqual({ curl: false, wget: false, ca: false });
    expect(toolsAtEnd('FROM registry.example.com/base:1\nRUN true\n')).toEqual({ curl: false, wget: false, ca: false });
  });

  it('counts installs that the RUN cannot succeed without, with the CA bundle apt recommends', () => {
    expect(toolsAtEnd('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nRUN true\n')).toEqual({ curl: true, wget: false, ca: true });
    expect(toolsAtEnd('FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN true\n')).toEqual({ curl: true, wget: false, ca: false });
    expect(toolsAtEnd('FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates\nRUN true\n')).toEqual({ curl: true, wget: false, ca: true });
    expect(toolsAtEnd('FROM debian:bookworm\nRUN apt-get install -y wget || true\nRUN true\n')).toEqual({ curl: false, wget: false, ca: false });
    expect(toolsAtEnd('FROM debian:bookworm\nRUN apt-get install -y wget; echo done\nRUN true\n')).toEqual({ curl: false, wget: false, ca: false });
    expect(toolsAtEnd('FROM debian:bookworm\nRUN set -e; apt-get install -y wget; echo done\nRUN true\n')).toEqual({ curl: false, wget: true, ca: true });
  });

  it('forgets what is removed again, by name, by virtual group, or by a removal it cannot read', () => {
    expect(toolsAtEnd('FROM alpine:3.7\nRUN apk add --no-cache --virtual .fetch curl\nRUN apk del .fetch\nRUN true\n')).toEqual({ curl: false, wget: true, ca: false });
    expect(toolsAtEnd('FROM debian:bookworm\nRUN apt-get install -y curl && apt-get purge -y curl\nRUN true\n')).toEqual({ curl: false, wget: false, ca: true });
    expect(toolsAtEnd('FROM python:3.12\nRUN apt-get purge -y $FETCH_DEPS\nRUN true\n')).toEqual({ curl: false, wget: false, ca: false });
    expect(toolsAtEnd('FROM debian:bookworm\nRUN apt-get install -y curl && apt-get purge -y --auto-remove git\nRUN true\n')).toEqual({ curl: true, wget: false, ca: false });
  });

  it('counts a download that ran for sure, and https as proof of the CA bundle', () => {
    expect(toolsAtEnd('FROM example/base\nRUN curl -fsSL -o /x https://example.com/x\nRUN true\n')).toEqual({ curl: true, wget: false, ca: true });
    expect(toolsAtEnd('FROM example/base\nRUN wget -q http://example.com/x\nRUN true\n')).toEqual({ curl: false, wget: true, ca: false });
    expect(toolsAtEnd('FROM example/base\nRUN curl -k -o /x https://example.com/x\nRUN true\n')).toEqual({ curl: true, wget: false, ca: false });
  });

  it('follows the stages a stage builds on, and stops at the instruction asked about', () => {
    expect(toolsAtEnd('FROM debian:bookworm AS base\nRUN apt-get install -y curl\nFROM base\nRUN true\n')).toEqual({ curl: true, wget: false, ca: true });
    const file = parseDockerfile('FROM debian:bookworm\nRUN true\nRUN apt-get install -y curl\n');
    expect(downloadToolsAt(file, file.instructions[1]!).curl).toBeNull();
  });
});

describe('userAt', () => {
  it('reads USER in the lineage, then the base image', () => {
    const file = parseDockerfile('FROM node:22\nRUN a\nUSER node\nRUN b\n');
    expect(userAt(file, file.instructions[1]!)).toEqual({ user: 'root', from: 'the base image node:22', inst: null });
    expect(userAt(file, last(file))).toEqual({ user: 'node', from: '`USER node`', inst: file.instructions[2] });
    expect(userAt(parseDockerfile('FROM example/base\nRUN a\n'), last(parseDockerfile('FROM example/base\nRUN a\n')))).toBeNull();
  });
});

describe('packageManagerInUse', () => {
  it('finds the system package manager a stage installs with', () => {
    const file = parseDockerfile('FROM example/base\nRUN pip install x\nRUN apk add --no-cache curl\n');
    expect(packageManagerInUse(file, file.stages[0]!, null)?.manager).toBe('apk');
    const none = parseDockerfile('FROM example/base\nRUN pip install x\n');
    expect(packageManagerInUse(none, none.stages[0]!, null)).toBeNull();
  });
});

describe('yumIsDnf', () => {
  const lastStageYumIsDnf = (text: string) => {
    const file = parseDockerfile(text);
    return yumIsDnf(file, file.stages.at(-1)!);
  };

  it('reads the base image, and a yum installed with microdnf on a release whose yum is dnf', () => {
    expect(lastStageYumIsDnf('FROM rockylinux:9\nRUN yum install -y tar\n')).toBe(true);
    expect(lastStageYumIsDnf('FROM amazonlinux:2\nRUN yum install -y tar\n')).toBe(false);
    expect(lastStageYumIsDnf('FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y yum && yum install -y tar\n')).toBe(true);
    expect(lastStageYumIsDnf('FROM registry.access.redhat.com/ubi8/ubi-minimal:8.1 AS base\nRUN microdnf install -y yum\nFROM base\nRUN yum install -y tar\n')).toBe(true);
    expect(lastStageYumIsDnf('FROM oraclelinux:8-slim\nRUN microdnf install yum\n')).toBe(true);
    // No yum installed (the RUN fails), yum-utils alone, another stage's install, or an image dockshift does not know.
    expect(lastStageYumIsDnf('FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN yum install -y tar\n')).toBe(false);
    expect(lastStageYumIsDnf('FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y yum-utils\n')).toBe(false);
    expect(lastStageYumIsDnf('FROM registry.access.redhat.com/ubi9/ubi-minimal AS a\nRUN microdnf install -y yum\nFROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN yum install -y tar\n')).toBe(false);
    expect(lastStageYumIsDnf('FROM quay.io/example/rhel-base:2.3\nRUN microdnf install -y yum && yum install -y tar\n')).toBe(false);
  });
});

describe('workdirAtEnd', () => {
  it('is the WORKDIR the container starts in, after every instruction of the stage', () => {
    const file = parseDockerfile('FROM a\nWORKDIR /srv\nCMD ["x"]\nWORKDIR app\n');
    expect(workdirAtEnd(file, file.stages[0]!)).toBe('/srv/app');
  });
});

describe('originAtEnd', () => {
  const ctx = memoryBuildContext({ 'docker/entrypoint.sh': '#!/bin/sh\nexec "$@"\n', 'app/start.sh': '#!/bin/sh\n', 'run.sh': 'x' });
  const source = (text: string, imagePath: string) => {
    const file = parseDockerfile(text);
    const origin = originAtEnd(file, file.stages.at(-1)!, imagePath, ctx);
    return origin?.kind === 'context' ? origin.path : null;
  };

  it('maps files, files into folders, folders and globs back to the build context', () => {
    expect(source('FROM a\nCOPY docker/entrypoint.sh /entrypoint.sh\n', '/entrypoint.sh')).toBe('docker/entrypoint.sh');
    expect(source('FROM a\nCOPY docker/entrypoint.sh /usr/local/bin/\n', '/usr/local/bin/entrypoint.sh')).toBe('docker/entrypoint.sh');
    expect(source('FROM a\nWORKDIR /srv\nCOPY . .\n', '/srv/app/start.sh')).toBe('app/start.sh');
    expect(source('FROM a\nCOPY docker/*.sh /bin/\n', '/bin/entrypoint.sh')).toBe('docker/entrypoint.sh');
  });

  it('takes the last COPY, and gives up where another stage or an unknown path may have written', () => {
    expect(source('FROM a\nCOPY run.sh /x.sh\nCOPY app/start.sh /x.sh\n', '/x.sh')).toBe('app/start.sh');
    expect(source('FROM a\nCOPY run.sh /x.sh\nCOPY --from=build /out/ /\n', '/x.sh')).toBeNull();
    expect(source('FROM a\nCOPY run.sh /x.sh\nARG D\nCOPY app/ $D\n', '/x.sh')).toBeNull();
    expect(source('FROM a\nCOPY run.sh /x.sh\n', '/y.sh')).toBeNull();
  });
});
