/**
 * A test-only example of a transform that adds a USER and proposes a new file: the final
 * stage runs as the distroless `nonroot` user, and a `.dockerignore` keeps `node_modules` out of the
 * build context when the context has one and no ignore file yet. It shows `touches.runtime`,
 * `touches.newFiles` and the build context.
 */
import { insertLinesBefore, keyword } from '../../src/dockerfile/edit.js';
import { defineTransform, newFile, refusal, reviewChange, type Finding } from '../../src/engine/types.js';

export default defineTransform({
  meta: {
    name: 'run-as-nonroot',
    summary: 'Run the final stage as uid 65532 and keep node_modules out of the context (example).',
    docs: 'Adds `USER 65532:65532` before the final CMD; proposes a .dockerignore listing node_modules.',
    hadolint: [],
    defaultEnabled: false,
    options: {},
    touches: { instructions: { USER: ['add'] }, runtime: ['user'], newFiles: ['.dockerignore'] },
    refusals: { 'has-user': 'the final stage already sets a USER', 'no-cmd': 'the final stage has no CMD to put the USER before' },
    needsBuildContext: true,
    review: 'a new USER: the process runs as uid 65532',
  },
  run(file, { buildContext }) {
    const findings: Finding[] = [];
    const stage = file.stages.at(-1)!;
    const cmd = stage.instructions.find((i) => i.keyword === 'CMD');
    if (stage.instructions.some((i) => i.keyword === 'USER')) {
      if (!file.text.includes('USER 65532:65532')) findings.push(refusal(stage.from.span.start, 'has-user', 'the final stage already sets a USER'));
    } else if (cmd === undefined) {
      findings.push(refusal(stage.from.span.start, 'no-cmd', 'the final stage has no CMD'));
    } else {
      findings.push(reviewChange(cmd.span.start, 'run as uid 65532', [insertLinesBefore(file, cmd, [`${keyword(file, 'USER')} 65532:65532`])], 'the process can no longer write where root could'));
    }
    if (buildContext !== null && buildContext.ignoreFile === null && buildContext.exists('node_modules')) {
      findings.push(newFile('.dockerignore', 'node_modules\n', 'keep node_modules out of the build context'));
    }
    return findings;
  },
});
