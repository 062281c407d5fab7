import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/pipeline.js';
import collapseRun from '../transforms/collapse-run.js';

const run = (text: string) => {
  const result = runPipeline(text, [{ transform: collapseRun, options: { maxCommands: 0, allStages: true } }]);
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

/** The reason of the refusal that keeps the last two RUNs apart. */
const reason = (comment: string) => {
  const result = run(`FROM debian\nRUN echo a\n${comment}\nRUN echo b\n`);
  expect(result.output).toBe(`FROM debian\nRUN echo a\n${comment}\nRUN echo b\n`);
  expect(result.refusals.map((r) => r.code)).toEqual(['comment-between']);
  return result.refusals[0]!.reason;
};

describe('collapse-run and comment lines between RUNs', () => {
  it('names the kind of comment that keeps two RUNs apart', () => {
    expect(reason('# [START cloudrun_dockerfile]')).toMatch(/region marker/);
    expect(reason('# [END cloudrun_dockerfile]')).toMatch(/region marker/);
    expect(reason('# RUN apt-get install -y vim')).toMatch(/commented-out instruction/);
    expect(reason('# ENV PATH /opt/tools/bin')).toMatch(/commented-out instruction/);
    expect(reason('# ARG version=1.2')).toMatch(/commented-out instruction/);
    // Prose that starts with an instruction's name is a note on the RUN below.
    expect(reason("# ENV does not survive login shells: /etc/profile sets PATH outright")).toMatch(/describes it/);
    expect(reason('# Uncomment to debug:\n# ENV DEBUG=1')).toMatch(/uncomment/);
    // Commented-out continuation lines of a RUN are code, whatever prose they hold.
    expect(reason('#    && \\\n#    # Save some space.\n#    rm -rf /usr/share/doc')).toMatch(/`#    && \\` above this RUN is a commented-out line of a RUN/);
    expect(reason('# test: command -v b')).toMatch(/tool may read/);
    expect(reason('# renovate: datasource=npm depName=b')).toMatch(/tool may read/);
    // docker-library's metadata, which its scripts grep for: the value may follow the colon at once.
    expect(reason('# bashbrew-architectures: amd64 arm64v8 ppc64le')).toMatch(/tool may read/);
    expect(reason('# bashbrew-architectures:amd64 arm64v8')).toMatch(/tool may read/);
    expect(reason('#   release-status:Stable')).toMatch(/tool may read/);
    expect(reason('# release-support-type:Long Term Support')).toMatch(/tool may read/);
    // The scanners' inline ignores, as each writes them.
    expect(reason('#trivy:ignore:AVD-DS-0002')).toMatch(/tool may read/);
    expect(reason('#checkov:skip=CKV_DOCKER_3:the user is set at run time')).toMatch(/tool may read/);
    expect(reason('# kics-scan ignore-line')).toMatch(/tool may read/);
    expect(reason('# nosemgrep')).toMatch(/tool may read/);
    expect(reason('# nosemgrep: dockerfile.security.missing-user')).toMatch(/tool may read/);
    expect(reason('# trivy scans the image in CI')).toMatch(/describes it/);
    expect(reason('# architectures: amd64 only for now')).toMatch(/describes it/);
    expect(reason('# r-e1071: dependency of the caret R package')).toMatch(/describes it/);
    expect(reason('# install b, which the tests need')).toMatch(/describes it/);
    expect(reason('# run the tests')).toMatch(/describes it/);
    // A banner is quoted by its title, not its rule line.
    expect(reason('# ------------\n# PHP 8.3 + extensions\n# ------------')).toMatch(/\(`# PHP 8\.3 \+ extensions`\) describes it/);
    expect(reason('##########')).toMatch(/\(`##########`\) describes it/);
    // The comment right above the RUN is quoted, not one a blank line sets apart, which may be about the RUN before.
    expect(reason('# The last chmod is here to make the next one a no-op\n\n# post install\n# open the data folder to any uid')).toMatch(/\(`# post install`\) describes it/);
    // A region marker further up still counts.
    expect(reason('# [END install]\n\n# run the tests')).toMatch(/region marker/);
  });

  it('names the RUN a refused one stays apart from, beside the merge that starts at it', () => {
    // fiyosa/docker-aws-laravel: a commented-out RUN keeps line 5 from line 2, and lines 5 to 7 are merged.
    const result = run('FROM php:8.2-fpm\nRUN composer install\n\n# RUN chmod -R 777 storage\nRUN php artisan route:clear\nRUN php artisan cache:clear\nRUN php artisan optimize:clear\n');
    expect(result.changes.map((c) => `${c.line} ${c.message}`)).toEqual(['5 merged 3 RUN instructions into one']);
    expect(result.refusals.map((r) => `${r.line} ${r.code}`)).toEqual(['5 comment-between']);
    expect(result.refusals[0]!.reason).toMatch(/^this RUN stays apart from the RUN at line 2: `# RUN chmod/);
  });

  it('names both ends of the merge a refused RUN stays apart from, not the last RUN alone', () => {
    const result = run('FROM debian\nRUN echo a\nRUN echo b\nRUN echo c\n# [START x]\nRUN echo d\n');
    expect(result.changes.map((c) => `${c.line} ${c.message}`)).toEqual(['2 merged 3 RUN instructions into one']);
    expect(result.refusals.map((r) => `${r.line} ${r.code}`)).toEqual(['6 comment-between']);
    expect(result.refusals[0]!.reason).toMatch(/^this RUN stays apart from the RUNs from line 2 to line 4, merged above it: `# \[START x\]`/);
  });

  it('still merges across blank lines', () => {
    expect(run('FROM debian\nRUN echo a\n\n\nRUN echo b\n').output).toBe('FROM debian\nRUN echo a && \\\n    echo b\n');
  });

  it('keeps the comment lines inside a RUN, as written, when merging it', () => {
    const input = 'FROM debian\nRUN echo a\nRUN \\\n\t# explain b\n    echo b\n';
    expect(run(input).output).toBe('FROM debian\nRUN echo a && \\\n\t# explain b\n    echo b\n');
  });
});
