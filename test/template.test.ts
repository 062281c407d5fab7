import { describe, expect, it } from 'vitest';
import { templateLineAt, templateSkip } from '../src/engine/template.js';

describe('templateLineAt', () => {
  it('finds the syntax of the template languages Dockerfiles are made with on the failing line', () => {
    const cases: [string, string][] = [
      ['FROM {{ .Base }}\n', 'FROM {{ .Base }}'], // Go templates, Helm
      ['{% if alpine %}\nFROM alpine\n', '{% if alpine %}'], // Jinja2
      ['FROM <%= base %>\n', 'FROM <%= base %>'], // ERB
      ['FROM debian:%%SUITE%%\n', 'FROM debian:%%SUITE%%'], // docker-library's older templates
      ['FROM @BASE_IMAGE@\n', 'FROM @BASE_IMAGE@'], // autoconf
    ];
    for (const [text, line] of cases) expect(templateLineAt(text, 1), text).toEqual({ line: 1, text: line });
  });

  it('reads on over continuation lines, and nowhere else', () => {
    expect(templateLineAt('FROM a\nRUN x \\\n  && {{ cmd }}\nRUN y\n', 2)).toEqual({ line: 3, text: '&& {{ cmd }}' });
    expect(templateLineAt('FROM a\nRUN x\nRUN {{ cmd }}\n', 2)).toBeNull();
    expect(templateLineAt('FROM PHP:8\n', 1)).toBeNull();
    expect(templateLineAt('FROM {{ x }}\n', null)).toBeNull();
    expect(templateLineAt('FROM {{ x }}\n', 5)).toBeNull();
  });

  it('does not take a lone percent sign or a mail address for a placeholder', () => {
    for (const text of ['FROM php:8.3%\n', 'LABEL maintainer=dev@example.com\n', 'RUN echo 50% done\n']) expect(templateLineAt(text, 1), text).toBeNull();
  });
});

describe('templateSkip', () => {
  const error = { line: 1, message: 'RUN before the first FROM (only ARG may come first)' };

  it('takes a file named as a template for one, wherever it fails', () => {
    for (const name of ['Dockerfile.template', 'docker/Dockerfile-extra.tmpl', 'Dockerfile-template', 'Dockerfile.j2', 'Dockerfile.in', 'Dockerfile.jinja2']) {
      expect(templateSkip(name, 'RUN x\n', error)?.line, name).toBe(1);
    }
  });

  it('leaves any other name an error, unless the failing line is a template\'s', () => {
    for (const name of ['Dockerfile', 'Dockerfile.bin', 'Dockerfile.prod', 'template/Dockerfile', 'Dockerfile-in', 'Dockerfile.templates']) expect(templateSkip(name, 'RUN x\n', error), name).toBeNull();
    expect(templateSkip('Dockerfile', 'FROM {{ .Base }}\n', { line: 1, message: 'x' })).toMatchObject({ line: 1 });
    expect(templateSkip('Dockerfile.template', 'RUN x\n', { line: null, message: 'x' })).toBeNull();
  });
});
