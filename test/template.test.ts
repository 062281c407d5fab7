import { describe, expect, it } from 'vitest';
import { templateLineAt } from '../src/engine/template.js';

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
