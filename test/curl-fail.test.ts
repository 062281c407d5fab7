import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineOutput } from '../src/engine/pipeline.js';
import type { Tier } from '../src/engine/types.js';
import curlFail from '../transforms/curl-fail.js';

function run(text: string, tier: Tier = 'review', followRedirects = true): PipelineOutput {
  const result = runPipeline(text, [{ transform: curlFail, options: { followRedirects } }], { tier });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('curl-fail tells the reviewer what changes', () => {
  it('says an error now fails the download, and what -L does', () => {
    const [c] = run('FROM a\nRUN curl -sSo /tmp/x.tgz https://example.com/x.tgz\n').changes;
    expect(c).toMatchObject({ tier: 'review', message: 'curl: add -f and -L (fail on HTTP errors, follow redirects)' });
    expect(c!.review).toContain('instead of saving the error page');
    expect(c!.review).toContain('-L follows redirects');
    expect(run('FROM a\nRUN curl -sSo /tmp/x.tgz https://example.com/x.tgz\n', 'review', false).changes[0]!.review).not.toContain('-L');
  });

  it('warns that a pipeline only fails under pipefail, unless the shell has it', () => {
    const plain = run('FROM a\nRUN curl -sSL https://get.example.com | sh\n').changes[0]!.review!;
    expect(plain).toContain('without `set -o pipefail`');
    const shell = run('FROM a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -sSL https://get.example.com | sh\n').changes[0]!.review!;
    expect(shell).not.toContain('pipefail');
    const set = run('FROM a\nRUN set -eux -o pipefail; curl -sSL https://get.example.com | sh\n').changes[0]!.review!;
    expect(set).not.toContain('pipefail');
  });

  it('says when a || in its list catches the failure, and not for a plain && chain', () => {
    const caught = 'a `||` (or `!`) in its list catches the failure';
    expect(run('FROM a\nRUN curl -sSo /opt/x https://example.com/x || echo "optional file skipped"\n').changes[0]!.review).toContain(caught);
    expect(run('FROM a\nRUN curl -sSo /x.tgz https://example.com/x.tgz && tar -xzf /x.tgz || true\n').changes[0]!.review).toContain(caught);
    expect(run('FROM a\nRUN ! curl -sSo /x https://example.com/x\n').changes[0]!.review).toContain(caught);
    expect(run('FROM a\nRUN curl -sSo /x.tgz https://example.com/x.tgz && tar -xzf /x.tgz\n').changes[0]!.review).not.toContain(caught);
    expect(run('FROM a\nRUN true || echo no; curl -sSo /x https://example.com/x\n').changes[0]!.review).not.toContain(caught);
  });

  it('does not say so when the branch after || fails in turn', () => {
    const caught = 'a `||` (or `!`) in its list catches the failure';
    const review = (body: string) => run(`FROM a\nRUN ${body}\n`).changes[0]!.review;
    expect(review('curl -sSL https://example.com/ftl -o /usr/bin/ftl && chmod +x /usr/bin/ftl && readelf -h /usr/bin/ftl || (echo "Error with downloaded binary" && exit 1) && /usr/bin/ftl -vv')).not.toContain(caught);
    expect(review('curl -sSo /x https://example.com/x || exit 1')).not.toContain(caught);
    expect(review('curl -sSo /x https://example.com/x || { echo "download failed" >&2; exit 2; }')).not.toContain(caught);
    // The branch may succeed: its exit only runs when what comes before it fails.
    expect(review('curl -sSo /x https://example.com/x || (test -f /x || exit 1)')).toContain(caught);
    // A later || catches what the failing branch gives up.
    expect(review('curl -sSo /x https://example.com/x || (echo failed && exit 1) || true')).toContain(caught);
  });

  it('names what -w writes out, which is not always the status', () => {
    const reason = (line: string) => run(`FROM a\nRUN ${line}\n`).refusals.find((r) => r.code === 'api-call')?.reason;
    const redirect = reason(`v="$(curl --write-out '%{redirect_url}' 'https://e/latest' | sed 's,.*/v,,')"`);
    expect(redirect).toContain('writes out `%{redirect_url}` (-w)');
    expect(redirect).not.toContain('status');
    expect(redirect).not.toContain('the response');
    expect(reason(`curl -s -w '%{http_code} %{size_download}' -o /x https://e/x`)).toContain('`%{http_code}`, `%{size_download}`');
    expect(reason(`curl -s -w "$FMT" -o /x https://e/x`)).toContain('writes out facts of the transfer (-w)');
  });

  it('makes no change when only safe changes are allowed, and says why', () => {
    const out = run('FROM a\nRUN curl -o /tmp/x https://example.com/x\n', 'safe');
    expect(out.output).toBe('FROM a\nRUN curl -o /tmp/x https://example.com/x\n');
    expect(out.refusals.map((r) => r.code)).toEqual(['review-tier']);
  });

  it('puts the letters where curl reads them as flags, never into an option value', () => {
    const out = (line: string) => run(`FROM a\nRUN ${line}\n`).output.split('\n')[1];
    expect(out('curl -so /tmp/x https://e/x')).toBe('RUN curl -fsLo /tmp/x https://e/x');
    expect(out('curl -sSLH "X: y" -o /tmp/x https://e/x')).toBe('RUN curl -fsSLH "X: y" -o /tmp/x https://e/x');
    expect(out('curl "-sS" -o /tmp/x https://e/x')).toBe('RUN curl "-sS" -fLo /tmp/x https://e/x');
    expect(out('curl --disable -o /tmp/x https://e/x')).toBe('RUN curl --disable -fLo /tmp/x https://e/x');
    expect(out('curl --disable --output /tmp/x https://e/x')).toBe('RUN curl --disable --fail --location --output /tmp/x https://e/x');
  });
});
