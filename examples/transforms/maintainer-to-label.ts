/**
 * An example of a transform of your own, written against the public `dockshift` API:
 * the deprecated MAINTAINER instruction becomes the OCI authors label (hadolint DL4000).
 *
 *   dockshift -t ./examples/transforms/maintainer-to-label.ts services/
 *
 * Its fixtures are in __testfixtures__/maintainer-to-label/, run by
 * `defineTest` from `dockshift/testing` (see test/user-transforms.test.ts).
 */
import { change, defineTransform, keyword, properties, refusal, type Finding } from 'dockshift';

const LABEL = 'org.opencontainers.image.authors';

export default defineTransform({
  meta: {
    name: 'maintainer-to-label',
    summary: 'Replace the deprecated MAINTAINER with the org.opencontainers.image.authors label.',
    docs:
      'MAINTAINER is deprecated; a LABEL carries the same fact where image tools look for it. ' +
      'The instruction is rewritten in place, keeping its text as the label value. It refuses when the ' +
      'stage already sets the authors label (two sources would disagree) and when the value uses a variable.',
    hadolint: ['DL4000'],
    defaultEnabled: false,
    options: {},
    touches: { instructions: { MAINTAINER: ['remove'], LABEL: ['add'] } },
    refusals: {
      'has-label': 'the stage already sets org.opencontainers.image.authors',
      variable: 'the value uses a variable, which LABEL would expand and MAINTAINER did not',
    },
  },
  run(file) {
    const findings: Finding[] = [];
    for (const stage of file.stages) {
      const labelled = stage.instructions.some((i) => i.keyword === 'LABEL' && properties(file, i).some((p) => p.name === LABEL));
      // One line each: a continued MAINTAINER is rare enough to leave to a person.
      for (const inst of stage.instructions.filter((i) => i.keyword === 'MAINTAINER' && i.argsSpan !== null && i.line === i.endLine)) {
        const value = file.text.slice(inst.argsSpan!.start, inst.argsSpan!.end).trim();
        if (labelled) findings.push(refusal(inst.span.start, 'has-label', `the stage already sets ${LABEL}`));
        else if (value.includes('$')) findings.push(refusal(inst.span.start, 'variable', 'the value uses a variable'));
        else {
          const text = `${keyword(file, 'LABEL')} ${LABEL}=${JSON.stringify(value)}`;
          findings.push(change(inst.span.start, 'MAINTAINER to the authors label', [{ start: inst.span.start, end: inst.span.end, text }]));
        }
      }
    }
    return findings;
  },
});
