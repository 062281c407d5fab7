import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/pipeline.js';
import collapseRun from '../transforms/collapse-run.js';

/** The reasons collapse-run gives for RUNs it keeps apart by their flags. */
const reasons = (text: string) => {
  const result = runPipeline(text, [{ transform: collapseRun, options: { maxCommands: 0, allStages: true } }]);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.output).toBe(text);
  return result.refusals.filter((r) => r.code === 'different-flags').map((r) => r.reason);
};

describe('collapse-run says which flags keep two RUNs apart', () => {
  it('names the flag one RUN has and the other lacks', () => {
    expect(reasons('FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv pip install app\nRUN uv pip uninstall setuptools\n')).toEqual([
      'this RUN stays apart from the RUN at line 2: the one before has --mount and this RUN has none',
    ]);
    expect(reasons('FROM python:3.12-slim\nRUN pip install app\nRUN --network=none python -m compileall /app\n')).toEqual(['this RUN stays apart from the RUN at line 2: this RUN has --network and the one before has none']);
    expect(reasons('FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install app\nRUN --mount=type=cache,target=/root/.cache/pip --network=none python -m compileall /app\n')).toEqual([
      'this RUN stays apart from the RUN at line 2: this RUN has --network, which the one before does not',
    ]);
    expect(reasons('FROM python:3.12-slim\nRUN --security=insecure make check\nRUN --network=none make\n')).toEqual(['this RUN stays apart from the RUN at line 2: this RUN has --network and the one before has --security']);
  });

  it('names the flag whose values differ', () => {
    expect(reasons('FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install app\nRUN --mount=type=cache,target=/root/.npm npm ci\n')).toEqual([
      'this RUN stays apart from the RUN at line 2: this RUN and the one before have different --mount flags',
    ]);
  });
});

describe('collapse-run says why it puts a RUN in parentheses', () => {
  const merged = (text: string) => {
    const result = runPipeline(text, [{ transform: collapseRun, options: { maxCommands: 0, allStages: true } }]);
    if (!result.ok) throw new Error(result.error.message);
    return { output: result.output, messages: result.changes.map((c) => c.message) };
  };

  it('a RUN that changes the shell state keeps it to itself, as in its own RUN', () => {
    expect(merged('FROM python:3.12-slim\nRUN export FLASK_APP=app.py && flask --version\nRUN pip install flask\n')).toEqual({
      output: 'FROM python:3.12-slim\nRUN ( export FLASK_APP=app.py && flask --version ) && \\\n    pip install flask\n',
      messages: ['merged 2 RUN instructions into one; line 2 runs in a subshell, as it ran in its own RUN, so that the shell state it changes (`export`) does not reach the commands after it'],
    });
  });

  it('a RUN whose program may be installed anew keeps the shell that remembers its path to itself', () => {
    // Debian's pip is /usr/bin/pip; upgraded as root, the new one is /usr/local/bin/pip.
    expect(merged('FROM debian:bullseye\nRUN pip install --upgrade pip\nRUN pip install flask\n').messages).toEqual([
      'merged 2 RUN instructions into one; line 2 runs in a subshell: it runs pip, which may then be installed anew, and in one shell a later pip would run the path the shell remembered, not the new one',
    ]);
  });

  it('a RUN that upgrades a program where the base image keeps it needs no subshell', () => {
    // The official python images' pip is /usr/local/bin/pip, where its upgrade as root puts the new one.
    expect(merged('FROM python:3.12-slim\nRUN pip install --upgrade pip\nRUN pip install flask\n')).toEqual({
      output: 'FROM python:3.12-slim\nRUN pip install --upgrade pip && \\\n    pip install flask\n',
      messages: ['merged 2 RUN instructions into one'],
    });
    expect(merged('FROM python:3.12-slim\nENV PIP_PREFIX=/opt/app\nRUN pip install --upgrade pip\nRUN pip install flask\n').output).toContain('( pip install --upgrade pip )');
    // Settings of options that keep where pip installs (--no-cache-dir, --disable-pip-version-check) do not count.
    expect(merged('FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1\nRUN pip install --upgrade pip\nRUN pip install flask\n').output).toContain(
      'RUN pip install --upgrade pip && \\\n',
    );
    expect(merged('FROM python:3.12-slim\nRUN pip config set global.target /opt/app\nRUN pip install --upgrade pip\nRUN pip install flask\n').output).toContain('( pip install --upgrade pip )');
    expect(merged('FROM python:3.12-slim\nRUN pip install --target /opt/lib --upgrade pip\nRUN pip install flask\n').output).toContain('( pip install --target /opt/lib --upgrade pip )');
    expect(merged('FROM node:22-slim\nRUN npm install -g npm@latest\nRUN npm --version\n').output).toBe('FROM node:22-slim\nRUN npm install -g npm@latest && \\\n    npm --version\n');
    expect(merged('FROM node:22-slim\nRUN npm install --prefix /opt npm\nRUN npm --version\n').output).toContain('( npm install --prefix /opt npm )');
  });

  it('says nothing more where nothing is wrapped', () => {
    expect(merged('FROM python:3.12-slim\nRUN pip install flask\nRUN pip install gunicorn\n').messages).toEqual(['merged 2 RUN instructions into one']);
  });
});

describe('collapse-run says why a variable set under set -e keeps the next RUN apart', () => {
  const errexit = (text: string) => {
    const result = runPipeline(text, [{ transform: collapseRun, options: { maxCommands: 0, allStages: true } }]);
    if (!result.ok) throw new Error(result.error.message);
    return result.refusals.filter((r) => r.code === 'errexit').map((r) => r.reason);
  };
  const runs = (before: string) => `FROM alpine:3.22\n${before}RUN set -eux; \\\n    X="$(cat /etc/alpine-release)"; \\\n    echo "$X"\nRUN apk add --no-cache curl\n`;

  it('names a variable the shell itself reads, one an ENV sets, and one an image may export', () => {
    expect(errexit(runs('').replace(/X=/, 'IFS=').replace('"$X"', '"$IFS"'))[0]).toContain('sets `IFS`, a variable the shell itself reads');
    expect(errexit(runs('ENV X=1\n'))[0]).toContain('sets `X`, which an ENV or ARG sets, so it is in the environment');
    // coolify's NGINX_ALPINE_VERSION: no ENV sets it, but its base image, which the knowledge base does not know, may export it.
    const coolify = runs('').replace('alpine:3.22', 'serversideup/php:8.4-fpm-nginx-alpine').replace(/X/g, 'NGINX_ALPINE_VERSION');
    expect(errexit(coolify)[0]).toContain(
      'sets `NGINX_ALPINE_VERSION`, which may be in the environment (the base image `serversideup/php:8.4-fpm-nginx-alpine` is not one whose exported environment dockshift knows)',
    );
    expect(errexit(`ARG BASE=alpine:3.22\n${runs('').replace('alpine:3.22', '${BASE}').replace(/X/g, 'ARCH')}`)[0]).toContain('(the base image `${BASE}` is given by a build argument');
  });

  it('lets a capitals variable go on where the base image\'s environment is known and nothing exports it', () => {
    expect(errexit(runs('').replace(/X/g, 'ARCH').replace('RUN apk add', 'RUN set -eux; apk add'))).toEqual([]);
    expect(errexit(runs('').replace('alpine:3.22', 'python:3.12-alpine').replace(/X/g, 'PYTHON_VERSION'))[0]).toContain(
      'sets `PYTHON_VERSION`, which the base image `python:3.12-alpine` exports',
    );
    // An ENV of the stage it builds on counts as its own.
    const parent = `FROM alpine:3.22 AS base\nENV ARCH=x86_64\n${runs('').replace('FROM alpine:3.22', 'FROM base').replace(/X/g, 'ARCH')}`;
    expect(errexit(parent)[0]).toContain('sets `ARCH`, which an ENV or ARG sets');
    // A proxy build argument reaches every RUN without an ARG, whatever the image.
    expect(errexit(runs('').replace('alpine:3.22', 'mycompany/alpine:3.22').replace(/X/g, 'http_proxy'))[0]).toContain('sets `http_proxy`, which every RUN gets in its environment');
    expect(errexit(runs('').replace(/X/g, 'http_proxy'))[0]).toContain('sets `http_proxy`, which every RUN gets in its environment');
    // Under \`set -a\` every variable assigned is exported, whatever its name.
    expect(errexit(runs('').replace('set -eux', 'set -eaux').replace('RUN apk add', 'RUN set -eaux; apk add'))[0]).toContain('sets `X`, which `set -a` (or the SHELL\'s `-a`) exports');
  });
});
