/**
 * A test-only example of a transform that adds a build stage: before the final stage of a
 * single-stage file that copies its sources, a `lint` stage on the same base runs the
 * linter the author names. It shows `touches.stages` and instruction insertion helpers.
 */
import { insertLinesBefore, keyword } from '../../src/dockerfile/edit.js';
import { change, defineTransform, refusal } from '../../src/engine/types.js';

export default defineTransform<{ command: string }>({
  meta: {
    name: 'lint-stage',
    summary: 'Add a lint stage before the final stage (example).',
    docs: 'Adds `FROM <base> AS lint`, `COPY . .` and `RUN <command>` before a single stage that copies its sources.',
    hadolint: [],
    defaultEnabled: false,
    options: { command: { default: 'make lint', description: 'the lint command' } },
    touches: { instructions: { FROM: ['add'], COPY: ['add'], RUN: ['add'] }, stages: true },
    refusals: {
      'several-stages': 'the file already has several stages',
      'no-sources': 'the stage copies no sources to lint',
    },
  },
  run(file, { options }) {
    const stage = file.stages[0]!;
    if (file.stages.length > 1) return file.stages.some((s) => s.name === 'lint') ? [] : [refusal(stage.from.span.start, 'several-stages', 'the file already has several stages')];
    if (!stage.instructions.some((i) => i.keyword === 'COPY')) return [refusal(stage.from.span.start, 'no-sources', 'nothing is copied into the image, so there is nothing to lint')];
    const base = file.text.slice(stage.imageSpan!.start, stage.imageSpan!.end);
    const lines = [`${keyword(file, 'FROM')} ${base} AS lint`, `${keyword(file, 'COPY')} . .`, `${keyword(file, 'RUN')} ${options.command}`, ''];
    return [change(stage.from.span.start, 'add a lint stage', [insertLinesBefore(file, stage.from, lines)])];
  },
});
