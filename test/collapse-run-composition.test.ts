/**
 * collapse-run rewrites only what joins the RUNs it merges and the edges of their bodies, so
 * words another transform adds inside one of the bodies (a flag, a package) are made in the same
 * pass, and reported at their own line; anything else there, and what is written at a body's
 * edge, waits for the merged RUN.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineOutput } from '../src/engine/pipeline.js';
import { configure } from '../src/engine/select.js';
import { change, defineTransform } from '../src/engine/types.js';
import { applyEdits } from '../src/engine/edits.js';

function run(text: string, names: string[]): PipelineOutput {
  const result = runPipeline(text, configure({ names, options: {} }));
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const at = (r: PipelineOutput) => r.changes.map((c) => `${c.transform} ${c.line}:${c.column}`);

describe('collapse-run with the transforms that edit RUN bodies', () => {
  it('merges and flags in one pass, each flag reported where its install is', () => {
    const r = run('FROM alpine:3.19\nRUN apk add curl\nRUN apk add git\nCMD ["sh"]\n', ['collapse-run', 'install-flags']);
    expect(r.output).toBe('FROM alpine:3.19\nRUN apk add --no-cache curl && \\\n    apk add --no-cache git\nCMD ["sh"]\n');
    // The merge and both flags in the first pass; the second finds nothing left.
    expect(r.passes).toBe(2);
    expect(at(r)).toEqual(['collapse-run 2:1', 'install-flags 2:5', 'install-flags 3:5']);
  });

  it('keeps a RUN whose first lines are a continuation and a comment whole, and flags it in the next pass', () => {
    const text = 'FROM debian:12\nRUN apt-get update\nRUN \\\n    # the client only\n    apt-get install -y postgresql-client\n';
    const r = run(text, ['collapse-run', 'install-flags']);
    expect(r.output).toBe(
      'FROM debian:12\nRUN apt-get update && \\\n    # the client only\n    apt-get install --no-install-recommends -y postgresql-client\n',
    );
    // Joining it to the RUN above rewrites its first lines, so the edit takes in its whole body: the flag waits.
    expect(r.passes).toBe(3);
    expect(at(r)).toEqual(['collapse-run 2:1', 'install-flags 5:5']);
  });

  it('leaves what is appended to the last RUN for the merged RUN, after every body', () => {
    const fetch = (name: string) => `RUN curl -fsSLo /tmp/${name}.tgz https://example.com/${name}.tgz && tar -xzf /tmp/${name}.tgz -C /opt`;
    const r = run(`FROM debian:12\n${fetch('a')}\n${fetch('b')}\n`, ['collapse-run', 'cleanup-in-layer']);
    expect(r.output).toBe(`FROM debian:12\n${fetch('a')} && \\\n    ${fetch('b').slice(4)} && \\\n    rm -f /tmp/a.tgz && \\\n    rm -f /tmp/b.tgz\n`);
  });

  it('keeps the last RUN\'s trailing comment out of reach: an append waits for the merged RUN', () => {
    const fetch = (name: string) => `RUN curl -fsSLo /tmp/${name}.tgz https://example.com/${name}.tgz && tar -xzf /tmp/${name}.tgz -C /opt`;
    const r = run(`FROM debian:12\n${fetch('a')}\n${fetch('b')} # unpack b\n`, ['collapse-run', 'cleanup-in-layer']);
    expect(r.output).toBe(`FROM debian:12\n${fetch('a')} && \\\n    ${fetch('b').slice(4)} && \\\n    rm -f /tmp/a.tgz && \\\n    rm -f /tmp/b.tgz # unpack b\n`);
  });

  it('leaves an apk update that a later body needs, merged or not', () => {
    const merged = run('FROM alpine:3.19\nRUN apk update && apk add --no-cache curl\nRUN apk search -x curl\n', ['collapse-run', 'install-flags']);
    expect(merged.output).toBe('FROM alpine:3.19\nRUN apk update && apk add --no-cache curl && \\\n    apk search -x curl\n');
    expect(merged.refusals.map((x) => `${x.transform} ${x.line} ${x.code}`)).toEqual(['install-flags 2 apk-update-kept']);
    const apart = 'FROM alpine:3.19\nRUN apk update && apk add --no-cache curl\nENV LANG=C.UTF-8\nRUN sh -c "apk add jq"\n';
    const r = run(apart, ['collapse-run', 'install-flags']);
    expect(r.output).toBe(apart);
    // The apk add inside \`sh -c "…"\` is left as written, and install-flags says so.
    expect(r.refusals.map((x) => `${x.transform} ${x.line} ${x.code}`)).toEqual(['install-flags 2 apk-update-kept', 'install-flags 4 shell-string']);
    // Merged after the update, an upgrade fetches the index itself (--no-cache), and the update goes.
    const upgraded = run('FROM alpine:3.19\nRUN apk update && apk add --no-cache curl\nRUN apk upgrade\n', ['collapse-run', 'install-flags']);
    expect(upgraded.output).toBe('FROM alpine:3.19\nRUN apk add --no-cache curl && \\\n    apk upgrade --no-cache\n');
    expect(upgraded.refusals).toEqual([]);
  });

  describe('what it admits inside the bodies it keeps, in the pass of the merge', () => {
    /** A transform of one's own that inserts `text` once at the offset `where` finds (-1: none). */
    const inserting = (text: string, where: (t: string) => number) =>
      defineTransform({
        meta: { name: 'insert', summary: 'x', docs: 'x', hadolint: [], defaultEnabled: false, options: {}, touches: { instructions: { RUN: ['edit' as const] } }, refusals: {} },
        run: (file) => {
          const at = where(file.text);
          return at === -1 || file.text.includes(text) ? [] : [change(at, 'insert', [{ start: at, end: at, text }])];
        },
      });
    const passes = (input: string, text: string, where: (t: string) => number) => {
      const result = runPipeline(input, [...configure({ names: ['collapse-run'], options: {} }), { transform: inserting(text, where), options: {} }]);
      if (!result.ok) throw new Error(result.error.message);
      return result.passes;
    };
    const after = (word: string) => (t: string) => (t.includes(word) ? t.indexOf(word) + word.length : -1);
    const text = 'FROM debian:12\nRUN make install && cd build\nRUN printf x\nRUN ls\n';

    it('a plain word right after a word of a program: the same pass', () => {
      expect(passes(text, ' -j4', after('make'))).toBe(2);
    });

    it('anything else waits for the merged RUN', () => {
      expect(passes(text, ' -j4', after('mak'))).toBe(3); // inside a word
      expect(passes(text, ' /src', after('cd build'))).toBe(3); // a builtin's argument
      expect(passes(text, ' -v out', after('printf'))).toBe(3); // a builtin that assigns
      expect(passes(text, '; echo', after('make'))).toBe(3); // not a plain word
      expect(passes(text, 'nice ', (t) => t.indexOf('make'))).toBe(3); // at a body's first word
      // Naming a program the merged bodies run: the shell may remember another copy of it.
      expect(passes('FROM python:3.12\nRUN pip install foo\nRUN pip install bar\nRUN pip --version\n', ' -U pip', after('install'))).toBe(3);
      expect(passes('FROM python:3.12\nRUN pip install foo\nRUN pip install bar\nRUN pip --version\n', ' -U wheel', after('install'))).toBe(2);
    });

    it('a change that adds words to two of the bodies waits, and then edits the merged RUN once', () => {
      const quiet = defineTransform({
        meta: { name: 'quiet', summary: 'x', docs: 'x', hadolint: [], defaultEnabled: false, options: {}, touches: { instructions: { RUN: ['edit' as const] } }, refusals: {} },
        run: (file) => {
          if (file.text.includes(' -q')) return [];
          const ats = [...file.text.matchAll(/apk add/g)].map((m) => m.index! + 'apk add'.length);
          return ats.length === 0 ? [] : [change(ats[0]!, 'quiet', ats.map((at) => ({ start: at, end: at, text: ' -q' })))];
        },
      });
      const result = runPipeline('FROM alpine:3.19\nRUN apk add curl\nRUN apk add git\n', [...configure({ names: ['collapse-run'], options: {} }), { transform: quiet, options: {} }]);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.output).toBe('FROM alpine:3.19\nRUN apk add -q curl && \\\n    apk add -q git\n');
      expect(result.passes).toBe(3);
    });
  });

  it('makes an edit inside a body that could change the shell wait for the merged RUN', () => {
    // A transform of one's own that writes a command, not a word, into a body, and only into the
    // last command of a RUN: right for `RUN echo start && make` alone, where nothing follows in that
    // shell; in the merged RUN, `ls` would then run in /src.
    const meta = { name: 'cd-last', summary: 'x', docs: 'x', hadolint: [], defaultEnabled: false, options: {}, touches: { instructions: { RUN: ['edit' as const] } }, refusals: {} };
    const cdLast = defineTransform({
      meta,
      run: (file) =>
        file.instructions.flatMap((inst) => {
          const body = file.text.slice(inst.argsSpan!.start, inst.argsSpan!.end);
          const at = body.indexOf('make');
          if (inst.keyword !== 'RUN' || at === -1 || body.includes('cd /src') || body.slice(at).includes('&&')) return [];
          const start = inst.argsSpan!.start + at;
          return [change(start, 'cd', [{ start, end: start, text: 'cd /src && ' }])];
        }),
    });
    const text = 'FROM debian:12\nRUN echo start && make\nRUN ls\n';
    const result = runPipeline(text, [...configure({ names: ['collapse-run'], options: {} }), { transform: cdLast, options: {} }]);
    if (!result.ok) throw new Error(result.error.message);
    // Merged first; in the merged RUN make is no longer last, and cd-last leaves it.
    expect(result.output).toBe('FROM debian:12\nRUN echo start && make && \\\n    ls\n');
    expect(result.changes.map((c) => c.transform)).toEqual(['collapse-run']);
  });

  it('merges a last body that ends in a character outside the BMP', () => {
    expect(run('FROM alpine:3.19\nRUN echo a\nRUN echo 🎉\n', ['collapse-run']).output).toBe('FROM alpine:3.19\nRUN echo a && \\\n    echo 🎉\n');
  });

  it('gives the same file with a merge of hundreds of RUNs, made as one edit', () => {
    const runs = (n: number) => Array.from({ length: n }, (_, i) => `RUN apk add pkg${i}\n`).join('');
    for (const [n, passes] of [
      [256, 2],
      [257, 3],
    ] as const) {
      const r = run(`FROM alpine:3.19\n${runs(n)}`, ['collapse-run', 'install-flags']);
      expect(r.output).toBe(`FROM alpine:3.19\n${Array.from({ length: n }, (_, i) => `${i === 0 ? 'RUN ' : '    '}apk add --no-cache pkg${i}`).join(' && \\\n')}\n`);
      // Past 256 RUNs the merge is one edit over them all, and the flags wait for the next pass.
      expect(r.passes).toBe(passes);
      const lines = r.changes.filter((c) => c.transform === 'install-flags').map((c) => c.line);
      if (passes === 2) expect(lines).toEqual(Array.from({ length: n }, (_, i) => i + 2));
      else expect(new Set(lines.slice(0, -1))).toEqual(new Set([2])); // inside the one edit: its first line
    }
  });
  it('appends no cleanup outside the subshell that holds the install: it would not share its PATH or folder', () => {
    // At the end of the subshell, the cleanup runs in the shell the install did, as at the end of the RUN alone.
    const nvm = run('FROM ubuntu:22.04\nENV NVM_DIR=/root/.nvm\nRUN . $NVM_DIR/nvm.sh && npm install -g yarn\nRUN echo done\n', ['collapse-run', 'cleanup-in-layer']);
    expect(nvm.output).toBe('FROM ubuntu:22.04\nENV NVM_DIR=/root/.nvm\nRUN ( . $NVM_DIR/nvm.sh && npm install -g yarn && npm cache clean --force ) && \\\n    echo done\n');
    expect(nvm.refusals).toEqual([]);
    // An install RUN merged with a build RUN that starts with `cd "$DIR"`, the two then kept in a subshell from a RUN after them.
    const build = run('FROM centos:7\nRUN yum install -y gcc make && \\\n    cd "$DIR" && ./configure && make install\nRUN ldconfig\n', ['collapse-run', 'cleanup-in-layer']);
    expect(build.output).toContain('RUN ( yum install -y gcc make && \\\n    cd "$DIR" && ./configure && make install && yum clean all && rm -rf /var/cache/yum ) && \\\n    ldconfig\n');
    // Installs in two subshells have no one end to clean at.
    const two = run('FROM ubuntu:22.04\nENV NVM_DIR=/root/.nvm\nRUN . $NVM_DIR/nvm.sh && npm install -g yarn\nRUN . $NVM_DIR/nvm.sh && npm install -g pnpm\nRUN echo done\n', ['collapse-run', 'cleanup-in-layer']);
    expect(two.output).not.toContain('npm cache clean');
    expect(two.refusals.map((r) => `${r.transform} ${r.code}`)).toContain('cleanup-in-layer isolated-install');
    const apt = run('FROM debian:12\nRUN cd /opt && apt-get update && apt-get install -y jq\nRUN echo done\n', ['collapse-run', 'cleanup-in-layer']);
    // An rm of absolute paths means the same anywhere in the RUN.
    expect(apt.output).toContain(') && \\\n    echo done && \\\n    rm -rf /var/lib/apt/lists/*\n');
  });

  it('removes an archive downloaded in the subshell of a merged `cd` by its absolute path, as the RUN alone would lose it', () => {
    const text = 'FROM debian:12\nRUN cd /opt && curl -fsSLO https://example.com/tool.tar.gz && tar xzf tool.tar.gz\nRUN ln -s /opt/tool/bin/tool /usr/local/bin/tool\n';
    const r = run(text, ['collapse-run', 'cleanup-in-layer']);
    expect(r.output).toBe(
      'FROM debian:12\nRUN ( cd /opt && curl -fsSLO https://example.com/tool.tar.gz && tar xzf tool.tar.gz ) && \\\n    ln -s /opt/tool/bin/tool /usr/local/bin/tool && \\\n    rm -f /opt/tool.tar.gz\n',
    );
    expect(r.refusals).toEqual([]);
    // Merged after a RUN that removes the apt lists: that glob runs before the download and cannot remove it.
    const apt = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n';
    expect(run(apt + text.slice('FROM debian:12\n'.length), ['collapse-run', 'cleanup-in-layer']).output).toMatch(/ && \\\n {4}rm -f \/opt\/tool\.tar\.gz\n$/);
    // A folder only known at build time: removed by its name at the end of the subshell, which does not leave it.
    const unknown = run(text.replace('cd /opt', 'cd "$DIR"'), ['collapse-run', 'cleanup-in-layer']);
    expect(unknown.output).toContain('tar xzf tool.tar.gz && rm -f tool.tar.gz ) && \\\n    ln -s');
    expect(unknown.refusals).toEqual([]);
    // Left by a `cd` after the download, it is not guessed: the refusal says which `cd` hides it.
    const left = run(text.replace('cd /opt', 'cd "$DIR"').replace('tar xzf tool.tar.gz', 'tar xzf tool.tar.gz && cd tool && make install'), ['collapse-run', 'cleanup-in-layer']);
    expect(left.output).not.toContain('rm -f');
    expect(left.refusals.map((x) => `${x.transform} ${x.code} ${x.reason}`)).toEqual([
      'cleanup-in-layer cwd-changed `cd tool` runs after tool.tar.gz is downloaded, in a folder not known before the build (after `cd "$DIR"`): an `rm -f tool.tar.gz` at the end of the RUN would look in another folder',
    ]);
  });

  it('leaves the refusal of a transform that names a merged RUN by its line as the input has that RUN', () => {
    const text = 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nRUN apk add --no-cache bash\nRUN apk add --no-cache curl\nCOPY --from=build /app /app\nCMD ["/app"]\n';
    const r = run(text, ['distroless-runtime', 'collapse-run']);
    expect(r.output).toContain('RUN apk add --no-cache bash && \\\n    apk add --no-cache curl\n');
    // Line 4 of the input installs bash alone; curl is line 5's.
    expect(r.refusals.filter((x) => x.transform === 'distroless-runtime').map((x) => x.reason)).toEqual([
      expect.stringMatching(/^line 4 installs bash, which distroless lacks/),
    ]);
  });
  it('reports a merge once where a later pass merges the RUN another transform added into it', () => {
    const text = 'FROM debian:12\nRUN apt-get update\nRUN echo a\nCMD ["/usr/local/bin/app"]\n';
    const r = run(text, ['collapse-run', 'non-root-user']);
    // non-root-user's RUN lands after the merged one, and the next pass merges it too.
    expect(r.output).toContain('RUN apt-get update && \\\n    echo a && \\\n    groupadd --system');
    expect(r.passes).toBe(3);
    // Two RUNs of the input made one: said once, as the input reads, not again as "merged 2" of the second merge.
    expect(r.changes.filter((c) => c.transform === 'collapse-run').map((c) => `${c.line}:${c.column} ${c.message}`)).toEqual(['2:1 merged 2 RUN instructions into one']);
    expect(applyEdits(text, r.regions)).toBe(r.output);
    expect(r.regions.flatMap((g) => g.changes).sort()).toEqual(r.changes.map((_, i) => i));
  });
});
