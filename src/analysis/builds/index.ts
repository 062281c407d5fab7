/**
 * Which reader a builder image calls for, by the repository the knowledge base
 * identifies: golang → Go, node → Node.js, maven/gradle/temurin → Java, rust → Rust,
 * dotnet/sdk → .NET, gcc and OS images → C/C++. Python images are named so the
 * transform can say why it has nothing to split.
 */
import type { IdentifiedImage } from '../../knowledge/types.js';
import { readDotnet } from './dotnet.js';
import { readGo } from './go.js';
import { readJava } from './java.js';
import { readNative } from './native.js';
import { readNode } from './node.js';
import type { Analysis, BuildInput } from './plan.js';
import { readRust } from './rust.js';

export type { Analysis, Artefact, BuildInput, BuildPlan, RefusalCode, RuntimeOption, Toolchain } from './plan.js';
export { startedArgv } from './plan.js';
export { installedPackages, isBuildOnly, commandsOf, installLine, libraryHeaders } from './packages.js';

const JAVA = new Set(['maven', 'gradle', 'eclipse-temurin', 'openjdk', 'amazoncorretto']);
const NATIVE = new Set(['gcc', 'debian', 'ubuntu', 'alpine', 'buildpack-deps']);
const INTERPRETED = new Set(['python', 'ruby', 'php']);

export type Language = 'go' | 'node' | 'java' | 'rust' | 'dotnet' | 'native' | 'interpreted' | null;

export function languageOf(builder: IdentifiedImage): Language {
  const name = builder.repository.name;
  if (name === 'golang') return 'go';
  if (name === 'node') return 'node';
  if (JAVA.has(name)) return 'java';
  if (name === 'rust') return 'rust';
  if (name === 'dotnet/sdk') return 'dotnet';
  if (NATIVE.has(name)) return 'native';
  if (INTERPRETED.has(name)) return 'interpreted';
  return null;
}

/** The reader's answer for the stage; `installed` are the packages the stage installs, removed ones too (a build between had them). */
export function readBuild(language: Language, input: BuildInput, installed: readonly string[]): Analysis {
  switch (language) {
    case 'go':
      return readGo(input);
    case 'node':
      return readNode(input);
    case 'java':
      return readJava(input);
    case 'rust':
      return readRust(input);
    case 'dotnet':
      return readDotnet(input);
    case 'native':
      return readNative(input, installed);
    default:
      return { kind: 'none' };
  }
}
