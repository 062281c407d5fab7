import { describe, expect, it } from 'vitest';
import { memoryBuildContext } from '../src/engine/context.js';
import { runPipeline } from '../src/engine/pipeline.js';
import distrolessRuntime from '../transforms/distroless-runtime.js';

function refusals(text: string): string[] {
  const result = runPipeline(text, [{ transform: distrolessRuntime, options: {} }], { buildContext: memoryBuildContext({}) });
  if (!result.ok) throw new Error(result.error.message);
  return result.refusals.map((r) => `${r.code}: ${r.reason}`);
}

const jar = (runtime: string) =>
  `FROM eclipse-temurin:21-jdk AS build\nWORKDIR /src\nCOPY . .\nRUN ./mvnw -q package\n\nFROM ${runtime}\nCOPY --from=build /src/target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n`;

describe('distroless-runtime', () => {
  it('names the release of a runtime image distroless is not built on', () => {
    expect(refusals(jar('eclipse-temurin:21-jre-alpine'))).toEqual([
      'no-distroless: no distroless image is still built for eclipse-temurin:21-jre-alpine: it is on Alpine 3.24, and distroless only on Debian 12 and 13',
    ]);
    expect(refusals(jar('node:20-bullseye-slim')).join('\n')).toMatch(/it is on Debian 11 bullseye, and distroless only on Debian 12 and 13/);
  });
});
