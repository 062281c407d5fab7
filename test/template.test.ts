import { describe, expect, it } from 'vitest';
import { placeholderAt, templateLineAt, templateSkip } from '../src/engine/template.js';

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

describe('placeholderAt', () => {
  it('finds a bare placeholder that the failure names', () => {
    const cases: [string, string, string][] = [
      ['FROM php:{PHP_TAG}\n', 'invalid image reference "php:{PHP_TAG}"', '{PHP_TAG}'], // sed or str.format
      ['FROM {base_image}\n', 'invalid image reference "{base_image}"', '{base_image}'],
      ['FROM __BASE_IMAGE__\n', 'invalid image reference "__BASE_IMAGE__"', '__BASE_IMAGE__'],
      ['__COREPACK_SETUP__\nFROM node:22\n', 'unknown instruction: __COREPACK_SETUP__', '__COREPACK_SETUP__'],
      ['FROM REPLACE-ME\n', 'invalid image reference "REPLACE-ME"', 'REPLACE-ME'],
      ['FROM registry/REPLACE_ME_IMAGE:1\n', 'invalid image reference "registry/REPLACE_ME_IMAGE:1"', 'REPLACE_ME'],
      ['HEALTHCHECK --interval={INTERVAL} CMD true\n', 'time: invalid duration "{INTERVAL}"', '{INTERVAL}'],
      ['FROM <your-base-image>\n', 'invalid image reference "<your-base-image>"', '<your-base-image>'], // a README's example
      ['FROM python:<version>-slim\n', 'invalid image reference "python:<version>-slim"', '<version>'],
      ['FROM #DIST_ID#:#CODENAME# AS build\n', 'invalid image reference "#DIST_ID#:#CODENAME#"', '#DIST_ID#'], // sed in a packaging script
      ['FROM ${docker.base.image}\n', 'failed to process "${docker.base.image}": unsupported modifier (.) in substitution', '${docker.base.image}'], // Maven's filtering
    ];
    for (const [text, message, placeholder] of cases) expect(placeholderAt(text, 1, message)?.placeholder, text).toBe(placeholder);
  });

  it('is no placeholder where the failure is about something else, or the text is a variable or real syntax', () => {
    // awk's braces on a line that fails for another reason; a variable; an upper-case image; a word that only starts alike.
    expect(placeholderAt("RUN awk '{print}' <<EOF\n", 1, 'unterminated heredoc <<EOF')).toBeNull();
    expect(placeholderAt('FROM php:${PHP_TAG\n', 1, 'invalid image reference "php:${PHP_TAG"')).toBeNull();
    expect(placeholderAt('FROM Ubuntu:20.04\n', 1, 'invalid image reference "Ubuntu:20.04"')).toBeNull();
    expect(placeholderAt('FROM REPLACEMENT\n', 1, 'invalid image reference "REPLACEMENT"')).toBeNull();
    expect(placeholderAt('FROM {{ base }}\n', 1, 'invalid image reference "{{"')).toBeNull();
    expect(placeholderAt('FROM __init__\n', 1, 'invalid image reference "__init__"')).toBeNull();
    expect(placeholderAt('RUN cat <<EOF\n', 1, 'unterminated heredoc <<EOF')).toBeNull();
    expect(placeholderAt('COPY <<EOF> /a\n', 1, 'unterminated heredoc <<EOF>')).toBeNull();
    expect(placeholderAt('RUN echo ##UUID#\n', 1, 'invalid thing "##UUID#"')).toBeNull();
    // The placeholder is on another line than the failure.
    expect(placeholderAt('FROM PHP:8\nRUN echo {V}\n', 1, 'invalid image reference "PHP:8"')).toBeNull();
  });
});

describe('templateSkip of a placeholder', () => {
  it('skips a file that fails on its placeholder, whatever its name, and says which', () => {
    expect(templateSkip('Dockerfile', 'FROM php:{PHP_TAG}\nCMD ["php"]\n', { line: 1, message: 'invalid image reference "php:{PHP_TAG}"' })).toEqual({
      line: 1,
      message: 'a template, not a Dockerfile (line 1: FROM php:{PHP_TAG}, where {PHP_TAG} is a placeholder); run dockshift on the Dockerfiles made from it',
    });
  });

  it('leaves a genuine error an error', () => {
    expect(templateSkip('Dockerfile', 'FROM Ubuntu:20.04\n', { line: 1, message: 'invalid image reference "Ubuntu:20.04"' })).toBeNull();
  });
});
