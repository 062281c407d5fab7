import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transformText } from '../src/api.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__', 'multi-stage');

/** multi-stage on a fixture case, with its build context. */
function fixture(name: string) {
  const text = fs.readFileSync(path.join(FIXTURES, `${name}.input.Dockerfile`), 'utf8');
  const result = transformText(text, { transforms: ['multi-stage'], context: path.join(FIXTURES, `${name}.context`) });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('multi-stage refusals name the right image', () => {
  it('unknown-needs: the line runs on the builder, what it made must run on the runtime image', () => {
    const [refusal] = fixture('refuse-unknown-needs').refusals;
    expect(refusal).toMatchObject({ code: 'unknown-needs', line: 5 });
    expect(refusal!.reason).toMatch(/^cannot tell whether what line 5 makes on node:22-bookworm \(the build stage\) runs on node:22-bookworm-slim: @prisma\/client/);
  });
});
