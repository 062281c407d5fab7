import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/engine/pipeline.js';
import collapseRun from '../transforms/collapse-run.js';

/** The reasons collapse-run gives for RUNs it keeps apart by their flags. */
const reasons = (text: string) => {
  const result = runPipeline(text, [{ transform: collapseRun, options: { maxCommands: 0, allStages: true } }]);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.output).toBe(text);
  return result.refusals.filter((r) => r.code === 'different-flags').map((r) => r.reason);
};

describe('collapse-run says which flags keep two RUNs apart', () => {
  it('names the flag one RUN has and the other lacks', () => {
    expect(reasons('FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv pip install app\nRUN uv pip uninstall setuptools\n')).toEqual([
      'the one before has --mount and this RUN has none',
    ]);
    expect(reasons('FROM python:3.12-slim\nRUN pip install app\nRUN --network=none python -m compileall /app\n')).toEqual(['this RUN has --network and the one before has none']);
    expect(reasons('FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install app\nRUN --mount=type=cache,target=/root/.cache/pip --network=none python -m compileall /app\n')).toEqual([
      'this RUN has --network, which the one before does not',
    ]);
    expect(reasons('FROM python:3.12-slim\nRUN --security=insecure make check\nRUN --network=none make\n')).toEqual(['this RUN has --network and the one before has --security']);
  });

  it('names the flag whose values differ', () => {
    expect(reasons('FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install app\nRUN --mount=type=cache,target=/root/.npm npm ci\n')).toEqual([
      'this RUN and the one before have different --mount flags',
    ]);
  });
});
