import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineOutput } from '../src/engine/pipeline.js';
import type { Tier } from '../src/engine/types.js';
import type { Transform } from '../src/engine/types.js';
import addDownload from '../transforms/add-download.js';
import alpineBase from '../transforms/alpine-base.js';
import slimBase from '../transforms/slim-base.js';

function run(text: string, tier: Tier = 'review', options: Record<string, boolean> = {}): PipelineOutput {
  const result = runPipeline(text, [{ transform: addDownload, options }], { tier });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const codes = (text: string) => run(text).refusals.map((r) => r.code);
const body = (text: string) => run(text).output.split('\n').filter((l) => !l.startsWith('FROM'));

describe('add-download', () => {
  it('chooses the downloader for the base a base switch of the same pass leaves, not the one it replaces', () => {
    const text = 'FROM python:3.12\nADD https://example.com/x-musl.tgz /tmp/\nRUN tar -xzf /tmp/x-musl.tgz -C /opt && rm /tmp/x-musl.tgz\nCMD ["python", "app.py"]\n';
    const together = (first: Transform<any>) => {
      const result = runPipeline(text, [{ transform: first, options: {} }, { transform: addDownload, options: {} }], {});
      if (!result.ok) throw new Error(result.error.message);
      return result;
    };
    // slim has neither curl nor wget: the ADD stays, and says why.
    const slim = together(slimBase);
    expect(slim.output).toBe(text.replace('python:3.12', 'python:3.12-slim'));
    expect(slim.refusals.map((r) => r.code)).toEqual(['no-downloader']);
    // Alpine has busybox wget, not curl (a musl build: the switch takes only downloads it can tell run there).
    expect(together(alpineBase).output).toBe(
      'FROM python:3.12-alpine\nRUN wget -q -O /tmp/x-musl.tgz https://example.com/x-musl.tgz && tar -xzf /tmp/x-musl.tgz -C /opt && rm /tmp/x-musl.tgz\nCMD ["python", "app.py"]\n',
    );
  });

  it('tells the reviewer where the download now happens and what caching loses', () => {
    const out = run('FROM python:3.12\nADD https://example.com/x.tgz /tmp/\nRUN tar -xzf /tmp/x.tgz -C /opt && rm /tmp/x.tgz\n');
    expect(out.output).toBe('FROM python:3.12\nRUN curl -fsSL -o /tmp/x.tgz https://example.com/x.tgz && tar -xzf /tmp/x.tgz -C /opt && rm /tmp/x.tgz\n');
    const [c] = out.changes;
    expect(c).toMatchObject({ line: 2, tier: 'review' });
    expect(c!.review).toContain('build container');
    expect(c!.review).toContain('without --checksum');
  });

  it('makes no change when only safe changes are allowed', () => {
    const text = 'FROM python:3.12\nADD https://example.com/x.tgz /tmp/\nRUN tar -xzf /tmp/x.tgz && rm /tmp/x.tgz\n';
    const out = run(text, 'safe');
    expect(out.output).toBe(text);
    expect(out.refusals.map((r) => r.code)).toEqual(['review-tier']);
  });

  it('quotes URLs the shell would split, and keeps variables for the shell to expand', () => {
    expect(body('FROM python:3.12\nADD http://example.com/get?f=x.tgz&v=2 /tmp/x.tgz\nRUN tar -xzf /tmp/x.tgz && rm /tmp/x.tgz\n')[0]).toBe(
      "RUN curl -fsSL -o /tmp/x.tgz 'http://example.com/get?f=x.tgz&v=2' && tar -xzf /tmp/x.tgz && rm /tmp/x.tgz",
    );
    expect(body('FROM python:3.12\nARG V=1\nARG SHA=abc\nADD --checksum=sha256:${SHA} https://e.com/v$V/x.tgz /tmp/x.tgz\nRUN tar -xzf /tmp/x.tgz && rm /tmp/x.tgz\n')[2]).toBe(
      'RUN curl -fsSL -o /tmp/x.tgz "https://e.com/v$V/x.tgz" && echo "${SHA}  /tmp/x.tgz" | sha256sum -c - && tar -xzf /tmp/x.tgz && rm /tmp/x.tgz',
    );
  });

  it('keeps a relative destination relative, in the WORKDIR the RUN starts in', () => {
    expect(body('FROM python:3.12\nWORKDIR /src\nADD https://e.com/x.tgz .\nRUN tar -xzf x.tgz && rm x.tgz\n')[1]).toBe(
      'RUN curl -fsSL -o x.tgz https://e.com/x.tgz && tar -xzf x.tgz && rm x.tgz',
    );
    expect(codes('FROM python:3.12\nADD https://e.com/x.tgz .\nWORKDIR /srv\nRUN tar -xzf /x.tgz && rm /x.tgz\n')).toEqual(['unclear-source']);
  });

  it('refuses what would change the meaning between the ADD and the RUN', () => {
    expect(codes('FROM python:3.12\nARG V=1\nADD https://e.com/$V/x.tgz /tmp/\nARG V=2\nRUN tar -xzf /tmp/x.tgz && rm /tmp/x.tgz\n')).toEqual(['unclear-source']);
    expect(codes('FROM python:3.12\nADD https://e.com/x.tgz /tmp/\nCOPY vendor/ /tmp/\nRUN tar -xzf /tmp/x.tgz && rm /tmp/x.tgz\n')).toEqual(['unclear-use']);
    expect(codes('FROM python:3.12\nADD https://e.com/x.tgz /tmp/\nRUN --mount=type=tmpfs,target=/tmp tar -xzf /tmp/x.tgz\n')).toEqual(['unclear-use']);
    expect(codes('FROM python:3.12\nADD https://e.com/x.tgz /tmp/\nRUN --network=none tar -xzf /tmp/x.tgz && rm /tmp/x.tgz\n')).toEqual(['unclear-use']);
  });

  it('keeps ownership only where chown can say the same thing', () => {
    expect(codes('FROM python:3.12\nADD --chown=app https://e.com/tool /usr/local/bin/tool\nRUN chmod +x /usr/local/bin/tool\n')).toEqual(['unsupported-flag']);
    expect(body('FROM python:3.12\nADD --chown=1000 https://e.com/tool /usr/local/bin/tool\nRUN chmod +x /usr/local/bin/tool\n')[0]).toBe(
      'RUN curl -fsSL -o /usr/local/bin/tool https://e.com/tool && chown 1000:1000 /usr/local/bin/tool && chmod 600 /usr/local/bin/tool && chmod +x /usr/local/bin/tool',
    );
    // Removed in the same RUN: its mode and owner are never seen.
    expect(body('FROM python:3.12\nADD --chown=app --chmod=640 https://e.com/x.tgz /tmp/\nRUN tar -xzf /tmp/x.tgz && rm -f /tmp/*.tgz\n')[0]).toBe(
      'RUN curl -fsSL -o /tmp/x.tgz https://e.com/x.tgz && tar -xzf /tmp/x.tgz && rm -f /tmp/*.tgz',
    );
  });

  it('needs the CA bundle for https, and takes wget when there is no curl', () => {
    expect(codes('FROM alpine:3.7\nADD https://e.com/x.tgz /tmp/\nRUN tar -xzf /tmp/x.tgz && rm /tmp/x.tgz\n')).toEqual(['no-ca-certificates']);
    expect(body('FROM alpine:3.7\nADD http://e.com/x.tgz /tmp/\nRUN tar -xzf /tmp/x.tgz && rm /tmp/x.tgz\n')[0]).toBe(
      'RUN wget -q -O /tmp/x.tgz http://e.com/x.tgz && tar -xzf /tmp/x.tgz && rm /tmp/x.tgz',
    );
    expect(codes('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && apt-get purge -y curl\nADD https://e.com/x.tgz /tmp/\nRUN tar -xzf /tmp/x.tgz && rm /tmp/x.tgz\n')).toEqual(['no-downloader']);
  });

  it('under a SHELL with errexit, adds the download as commands of their own', () => {
    expect(body('FROM python:3.12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nADD https://e.com/x.tgz /tmp/\nRUN tar -xzf /tmp/x.tgz; rm /tmp/x.tgz\n')[1]).toBe(
      'RUN curl -fsSL -o /tmp/x.tgz https://e.com/x.tgz; tar -xzf /tmp/x.tgz; rm /tmp/x.tgz',
    );
  });

  it('counts a later use of the kept file only where an instruction names it as a word of its own', () => {
    const head = 'FROM python:3.12\nADD https://example.com/tool /usr/local/bin/tool\nRUN chmod +x /usr/local/bin/tool\n';
    const moved = 'FROM python:3.12\nRUN curl -fsSL -o /usr/local/bin/tool https://example.com/tool && chmod 600 /usr/local/bin/tool && chmod +x /usr/local/bin/tool\n';
    // A comment between instructions, and longer words holding the name, are not uses.
    expect(run(`${head}# tool is installed above\nRUN toolbox --version && tool.sh && my-tool\n`).output).toBe(
      `${moved}# tool is installed above\nRUN toolbox --version && tool.sh && my-tool\n`,
    );
    // A later instruction of any stage that names it is.
    expect(codes(`${head}CMD ["tool"]\n`)).toEqual(['several-uses']);
    expect(run(`${head}FROM python:3.12\nCOPY --from=0 /usr/local/bin/tool /usr/bin/\n`, 'review', { allStages: true }).refusals.map((r) => r.code)).toEqual(['several-uses']);
    expect(run(`${head}CMD ["tool"]\n`).refusals[0]!.reason).toContain('`CMD ["tool"]` uses it too');
    // A name that is not one word (here with a `+`) is looked for instruction by instruction.
    const plus = 'FROM python:3.12\nADD https://example.com/g++wrap /usr/local/bin/g++wrap\nRUN chmod +x /usr/local/bin/g++wrap\n';
    expect(codes(`${plus}CMD ["g++wrap"]\n`)).toEqual(['several-uses']);
    expect(codes(`${plus}CMD ["x-g++wrap"]\n`)).toEqual([]);
    // A name with a variable: as written, or with its default value; not inside a longer word.
    const versioned = 'FROM python:3.12\nARG V=1\nADD https://example.com/tool-${V} /usr/local/bin/tool-${V}\nRUN chmod +x /usr/local/bin/tool-${V}\n';
    expect(codes(`${versioned}CMD ["tool-\${V}"]\n`)).toEqual(['several-uses']);
    expect(codes(`${versioned}CMD ["tool-1", "--serve"]\n`)).toEqual(['several-uses']);
    expect(codes(`${versioned}CMD ["mytool-\${V}", "tool-10"]\n`)).toEqual([]);
  });

  it('leaves local files, git sources and CRLF layouts as they are', () => {
    const text = 'FROM python:3.12\r\nADD app.tgz /srv/\r\nADD https://github.com/e/p.git#v1 /src\r\nRUN ls /srv\r\n';
    expect(run(text).output).toBe(text);
    const crlf = run('FROM python:3.12\r\nADD https://e.com/x.tgz /tmp/\r\nRUN tar -xzf /tmp/x.tgz \\\r\n && rm /tmp/x.tgz\r\n').output;
    expect(crlf).toBe('FROM python:3.12\r\nRUN curl -fsSL -o /tmp/x.tgz https://e.com/x.tgz \\\r\n && tar -xzf /tmp/x.tgz \\\r\n && rm /tmp/x.tgz\r\n');
  });
});
