import { describe, expect, it } from 'vitest';
import { packageCommands } from '../../src/shell/commands.js';
import { appendCommand, insertFlag, removeCommand, renderRun, replaceRange, runLayout } from '../../src/shell/edit.js';
import type { SimpleCommand } from '../../src/shell/types.js';
import { apply, applied, bodyOf } from './helpers.js';

const commandNamed = (commands: readonly SimpleCommand[], name: string, nth = 0): SimpleCommand =>
  commands.filter((c) => c.name === name)[nth]!;

describe('insertFlag', () => {
  it('inserts after the subcommand, even in a multi-line RUN', () => {
    const text = 'FROM debian\nRUN apt-get update \\\n    && apt-get install -y \\\n        curl\n';
    const { file, body } = bodyOf(text);
    const install = packageCommands(body.parsed, 'apt').find((p) => p.action === 'install')!;
    expect(apply(file, [insertFlag(file, body, install.flagAt, '--no-install-recommends')])).toBe(
      'FROM debian\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y \\\n        curl\n',
    );
  });

  it('inserts before a continuation when the subcommand ends a line', () => {
    const text = 'FROM alpine\nRUN apk add \\\n    curl\n';
    const { file, body } = bodyOf(text);
    const add = packageCommands(body.parsed)[0]!;
    expect(apply(file, [insertFlag(file, body, add.flagAt, '--no-cache')])).toBe('FROM alpine\nRUN apk add --no-cache \\\n    curl\n');
  });

  it('gives the flag a line of its own when the options that follow stand one to a line', () => {
    const text = 'FROM alpine\nRUN set -ex \\\n    && curl \\\n        --silent \\\n        --output /usr/local/bin/app \\\n        https://example.com/app\n';
    const { file, body } = bodyOf(text);
    const curl = body.parsed.commands.find((c) => c.name === 'curl')!;
    expect(apply(file, [insertFlag(file, body, curl.start + 'curl'.length, '--fail --location')])).toBe(
      'FROM alpine\nRUN set -ex \\\n    && curl \\\n        --fail \\\n        --location \\\n        --silent \\\n        --output /usr/local/bin/app \\\n        https://example.com/app\n',
    );
  });

  it('keeps the flag on the line when the next line holds several options or the operands', () => {
    const { file, body } = bodyOf('FROM debian\nRUN useradd \\\n    -r -u 1000 app\n');
    const useradd = body.parsed.commands[0]!;
    expect(apply(file, [insertFlag(file, body, useradd.start + 'useradd'.length, '-l')])).toBe('FROM debian\nRUN useradd -l \\\n    -r -u 1000 app\n');
  });
});

describe('appendCommand', () => {
  it('appends to a one-line RUN with &&', () => {
    const { file, body } = bodyOf('FROM debian\nRUN apt-get update && apt-get install -y curl\nCMD ["sh"]\n');
    expect(applied(file, appendCommand(file, body, 'rm -rf /var/lib/apt/lists/*'))).toBe(
      'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCMD ["sh"]\n',
    );
  });

  it('keeps a trailing comment after the new command', () => {
    const { file, body } = bodyOf('FROM debian\nRUN make install # builds it\n');
    expect(applied(file, appendCommand(file, body, 'make clean'))).toBe('FROM debian\nRUN make install && make clean # builds it\n');
  });

  it('adds a continuation line in the trailing-operator style', () => {
    const { file, body } = bodyOf('FROM debian\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl git\n');
    expect(applied(file, appendCommand(file, body, 'rm -rf /var/lib/apt/lists/*'))).toBe(
      'FROM debian\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl git && \\\n    rm -rf /var/lib/apt/lists/*\n',
    );
  });

  it('adds a continuation line in the leading-operator style, with CRLF', () => {
    const { file, body } = bodyOf('FROM debian\r\nRUN apt-get update \\\r\n\t&& apt-get install -y curl\r\n');
    expect(applied(file, appendCommand(file, body, 'apt-get clean'))).toBe(
      'FROM debian\r\nRUN apt-get update \\\r\n\t&& apt-get install -y curl \\\r\n\t&& apt-get clean\r\n',
    );
  });

  it('leads the new line with `;` where the commands lead theirs so', () => {
    const text = 'FROM alpine\nRUN set -euxo pipefail \\\n  ; apk add curl \\\n  ; for f in a b; do \\\n      touch $f; \\\n    done\n';
    const { file, body } = bodyOf(text);
    expect(applied(file, appendCommand(file, body, 'rm -rf /tmp/*'))).toBe(
      'FROM alpine\nRUN set -euxo pipefail \\\n  ; apk add curl \\\n  ; for f in a b; do \\\n      touch $f; \\\n    done \\\n  ; rm -rf /tmp/*\n',
    );
  });

  it('follows the `set -eux; \\` style of the official images', () => {
    const text = 'FROM debian\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends \\\n\t\tca-certificates \\\n\t; \\\n# clean up\n\tapt-get purge -y --auto-remove\n';
    const { file, body } = bodyOf(text);
    expect(runLayout(file, body.inst, body)).toEqual({ multiline: true, indent: '\t', leadingOperator: false, leadingSemicolon: false, tight: false, joiner: ';', eol: '\n' });
    expect(applied(file, appendCommand(file, body, 'rm -rf /var/lib/apt/lists/*'))).toBe(
      'FROM debian\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends \\\n\t\tca-certificates \\\n\t; \\\n# clean up\n\tapt-get purge -y --auto-remove; \\\n\trm -rf /var/lib/apt/lists/*\n',
    );
  });

  it('refuses a background last command and multi-line input', () => {
    const { file, body } = bodyOf('FROM debian\nRUN server &\n');
    expect(appendCommand(file, body, 'true')).toMatchObject({ ok: false, code: 'background' });
    expect(appendCommand(file, body, 'a\nb')).toMatchObject({ ok: false, code: 'multi-line-command' });
  });
});

describe('removeCommand', () => {
  it('removes a command from a one-line && list, locally', () => {
    const { file, body } = bodyOf('FROM debian\nRUN apt-get update && apt-get upgrade -y && apt-get install -y curl\n');
    const result = removeCommand(file, body, commandNamed(body.parsed.commands, 'apt-get', 1));
    expect(result.ok && result.edits).toEqual([{ start: 30, end: 52, text: '' }]);
    expect(applied(file, result)).toBe('FROM debian\nRUN apt-get update && apt-get install -y curl\n');
  });

  it('removes the first command with the operator after it', () => {
    const { file, body } = bodyOf('FROM debian\nRUN apt-get upgrade -y && apt-get install -y curl\n');
    expect(applied(file, removeCommand(file, body, body.parsed.commands[0]!))).toBe('FROM debian\nRUN apt-get install -y curl\n');
  });

  it('rewrites the whole instruction when the removal crosses lines', () => {
    const text = 'FROM debian\nRUN apt-get update \\\n    && apt-get upgrade -y \\\n    && apt-get install -y curl\nUSER app\n';
    const { file, body, inst } = bodyOf(text);
    const result = removeCommand(file, body, commandNamed(body.parsed.commands, 'apt-get', 1));
    expect(result.ok && result.edits.map((e) => [e.start, e.end])).toEqual([[inst.span.start, inst.span.end]]);
    expect(applied(file, result)).toBe('FROM debian\nRUN apt-get update \\\n    && apt-get install -y curl\nUSER app\n');
  });

  it('keeps the comment lines a removal spans, as written', () => {
    const text = 'FROM alpine\nRUN rm -rf /tmp/x && \\\n    # refresh the index \n    apk update && apk add --no-cache git\n';
    const { file, body } = bodyOf(text);
    expect(applied(file, removeCommand(file, body, commandNamed(body.parsed.commands, 'apk', 0)))).toBe(
      'FROM alpine\nRUN rm -rf /tmp/x && \\\n    # refresh the index \n    apk add --no-cache git\n',
    );
  });

  it('removes a command that leads its line with the operator after it, so the next one keeps the line', () => {
    const leading = bodyOf('FROM alpine\nRUN mkdir -p /srv \\\n    && apk update && apk add git \\\n    && git --version\n');
    expect(applied(leading.file, removeCommand(leading.file, leading.body, commandNamed(leading.body.parsed.commands, 'apk', 0)))).toBe(
      'FROM alpine\nRUN mkdir -p /srv \\\n    && apk add git \\\n    && git --version\n',
    );
  });

  it('removes the whole lines of a command that stands alone on them, keeping a lone continuation and the comments above', () => {
    const text = 'FROM alpine\nRUN apk add --no-cache \\\n  curl \\\n  \\\n  # refresh\n  && apk update \\\n  && apk upgrade\n';
    const { file, body } = bodyOf(text);
    expect(applied(file, removeCommand(file, body, commandNamed(body.parsed.commands, 'apk', 1)))).toBe(
      'FROM alpine\nRUN apk add --no-cache \\\n  curl \\\n  \\\n  # refresh\n  && apk upgrade\n',
    );
    const trailing = bodyOf('FROM alpine\nRUN apk add --no-cache curl && \\\n    \\\n    apk update && \\\n    apk upgrade\n');
    expect(applied(trailing.file, removeCommand(trailing.file, trailing.body, commandNamed(trailing.body.parsed.commands, 'apk', 1)))).toBe(
      'FROM alpine\nRUN apk add --no-cache curl && \\\n    \\\n    apk upgrade\n',
    );
  });

  it('removes a statement of a `;` list with its continuation line', () => {
    const text = 'FROM debian\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get upgrade -y; \\\n\tapt-get install -y curl\n';
    const { file, body } = bodyOf(text);
    expect(applied(file, removeCommand(file, body, commandNamed(body.parsed.commands, 'apt-get', 1)))).toBe(
      'FROM debian\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y curl\n',
    );
    expect(applied(file, removeCommand(file, body, commandNamed(body.parsed.commands, 'apt-get', 2)))).toBe(
      'FROM debian\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get upgrade -y\n',
    );
  });

  it('refuses nested commands, || lists and the only command', () => {
    const { file, body } = bodyOf('FROM debian\nRUN (cd /x && make) && test -f a || touch a\n');
    expect(removeCommand(file, body, commandNamed(body.parsed.commands, 'make'))).toMatchObject({ code: 'nested-command' });
    expect(removeCommand(file, body, commandNamed(body.parsed.commands, 'test'))).toMatchObject({ code: 'or-list' });
    const one = bodyOf('FROM debian\nRUN apt-get update\n');
    expect(removeCommand(one.file, one.body, one.body.parsed.commands[0]!)).toMatchObject({ code: 'only-command' });
  });
});

describe('replaceRange', () => {
  it('replaces a word in place', () => {
    const { file, body } = bodyOf('FROM debian\nRUN apt install -y curl\n');
    const word = body.parsed.commands[0]!.words[0]!;
    expect(applied(file, replaceRange(file, body, word.start, word.end, 'apt-get'))).toBe('FROM debian\nRUN apt-get install -y curl\n');
  });

  it('refuses a replacement that breaks the shell', () => {
    const { file, body } = bodyOf('FROM debian\nRUN echo hi\n');
    expect(replaceRange(file, body, 0, 4, 'if')).toMatchObject({ ok: false, code: 'breaks-shell' });
  });
});

describe('renderRun', () => {
  it('keeps keyword spelling, flags, escape, eol and continuation style', () => {
    const text = '# escape=\\\nFROM debian\r\nrun --mount=type=cache,target=/var/cache/apt \\\r\n    apt-get update \\\r\n    && apt-get install -y curl\r\n';
    const { file, inst, body } = bodyOf(text);
    expect(renderRun(file, inst, ['apt-get update', 'apt-get install -y --no-install-recommends curl'], { body })).toBe(
      'run --mount=type=cache,target=/var/cache/apt \\\r\n    apt-get update \\\r\n    && apt-get install -y --no-install-recommends curl',
    );
  });

  it('stays on one line for a one-line RUN and joins with ; when asked', () => {
    const { file, inst } = bodyOf('FROM debian\nRUN apt-get update\n');
    expect(renderRun(file, inst, ['apt-get update', 'apt-get install -y curl'])).toBe('RUN apt-get update && apt-get install -y curl');
    expect(renderRun(file, inst, ['a', 'b'], { joiner: ';' })).toBe('RUN a; b');
  });
});
