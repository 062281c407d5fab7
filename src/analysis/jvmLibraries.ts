/**
 * The Java libraries a stage's jars carry, as the build files of the build context name them:
 * what a switch of a JRE to Alpine has to know, since a jar may hold JNI code built for glibc
 * (RocksDB's, ONNX Runtime's) that does not load on musl. Only what the files name directly is
 * read: a library one of them pulls in is known only when the knowledge base lists the one named.
 */
import * as posix from 'node:path/posix';
import { stageReferences } from '../dockerfile/graph.js';
import { stageLineage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import type { BuildContext } from '../engine/context.js';
import { stageCommands } from './commands.js';
import { commandPath, copyArgs, originOfFile } from './paths.js';

/** A library a build file names, as `group:artifact`. */
export interface JvmLibrary {
  readonly coordinates: string;
  /** The build-context file that names it. */
  readonly buildFile: string;
  /** The instruction that builds with it, or copies in what it built. */
  readonly inst: Instruction;
}

const MAVEN = new Set(['mvn', 'mvnw']);
const GRADLE = new Set(['gradle', 'gradlew']);

/** The files of a project folder that name its libraries. */
const MAVEN_FILES = ['pom.xml'];
const GRADLE_FILES = ['build.gradle', 'build.gradle.kts', 'gradle/libs.versions.toml', 'settings.gradle', 'settings.gradle.kts'];

/** The build files of a module folder, as the build that names it (a pom.xml's, or settings.gradle's) reads them. */
function buildFilesOf(from: string, folder: string): string[] {
  return posix.basename(from) === 'pom.xml' ? [posix.join(folder, 'pom.xml')] : [posix.join(folder, 'build.gradle'), posix.join(folder, 'build.gradle.kts')];
}

/**
 * The modules a build file makes part of the build, as context paths: a pom.xml's \`<module>api</module>\` (a
 * folder, or another pom file), settings.gradle's \`include("app", ":libs:core")\` (a folder each).
 */
function projectParts(path: string, text: string): string[] {
  const dir = posix.dirname(path);
  const name = posix.basename(path);
  if (name === 'pom.xml' || name.endsWith('.xml')) {
    const xml = text.replace(/<!--[\s\S]*?-->/g, '');
    return [...xml.matchAll(/<module>\s*([^<\s]+)\s*<\/module>/g)].map((m) => posix.normalize(posix.join(dir, m[1]!)));
  }
  if (!/^settings\.gradle(?:\.kts)?$/.test(name)) return [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(?:^|\s)\/\/.*$/gm, '');
  const parts: string[] = [];
  for (const m of code.matchAll(/\binclude\s*\(?([^)\n]*)/g)) {
    for (const p of m[1]!.matchAll(/["']:?([\w.:-]+)["']/g)) parts.push(posix.normalize(posix.join(dir, p[1]!.replace(/:/g, '/'))));
  }
  return parts;
}

/** A built jar copied from the build context: Maven's target/, Gradle's build/libs/. */
const BUILT_JAR = /^(?:\.\/)?(?<project>(?:[^*?[]*\/)?)(?<out>target|build\/libs)\/[^/]*\.(?:jar|war|ear)$/;

/**
 * The libraries named by the build files of the Maven and Gradle builds that `stages` (and the
 * stages they copy from) run, and of the projects whose built jars they copy from the build context.
 */
export function jvmLibraries(file: ParsedDockerfile, stages: readonly Stage[], ctx: BuildContext | null): JvmLibrary[] {
  if (ctx === null) return [];
  const out: JvmLibrary[] = [];
  const read = new Set<string>();
  const readFile = (path: string, inst: Instruction) => {
    if (read.has(path)) return;
    read.add(path);
    const text = ctx.read(path);
    if (text === null) return;
    for (const coordinates of namedLibraries(path, text)) out.push({ coordinates, buildFile: path, inst });
    // A multi-module build's modules (pom.xml's <modules>, settings.gradle's include) are built into the jars too.
    for (const part of projectParts(path, text)) for (const f of part.endsWith('.xml') ? [part] : buildFilesOf(path, part)) readFile(f, inst);
  };
  for (const stage of [...stages, ...copiedFromStages(file, stages)]) {
    for (const s of stageLineage(file, stage)) {
      for (const c of stageCommands(file, s, ctx).commands) {
        const files = MAVEN.has(c.name) ? MAVEN_FILES : GRADLE.has(c.name) ? GRADLE_FILES : null;
        if (files === null) continue;
        for (const f of files) {
          const at = commandPath(file, c, f);
          const origin = at === null ? null : originOfFile(file, c.inst, at, ctx);
          if (origin?.kind === 'context') readFile(origin.path, c.inst);
        }
      }
    }
  }
  for (const stage of stages) {
    for (const inst of stage.instructions) {
      if ((inst.keyword !== 'COPY' && inst.keyword !== 'ADD') || inst.flags.some((f) => f.name.toLowerCase() === 'from')) continue;
      const args = copyArgs(file, inst);
      if (typeof args === 'string') continue;
      for (const source of args.sources) {
        const m = BUILT_JAR.exec(source);
        if (m === null) continue;
        const project = m.groups!.project!;
        for (const f of m.groups!.out === 'target' ? MAVEN_FILES : GRADLE_FILES) readFile(posix.join(project, f), inst);
      }
    }
  }
  return out;
}

/** The stages the given ones copy files from (`COPY --from=build`), once each. */
function copiedFromStages(file: ParsedDockerfile, stages: readonly Stage[]): Stage[] {
  const found = new Map<number, Stage>();
  for (const r of stageReferences(file)) {
    if (r.kind !== 'copy' || r.stage === null || !stages.some((s) => s.index === r.inst.stage)) continue;
    const source = file.stages[r.stage]!;
    if (!stages.includes(source)) found.set(source.index, source);
  }
  return [...found.values()];
}

/**
 * `group:artifact` of each library a build file names: a pom.xml's dependencies (comments left
 * out), and the `group:artifact[:version]` strings of Gradle's build scripts and version catalog.
 */
export function namedLibraries(path: string, text: string): string[] {
  const names = new Set<string>();
  if (posix.basename(path) === 'pom.xml') {
    // <dependencyManagement> only pins versions for dependencies declared elsewhere.
    const xml = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<dependencyManagement>[\s\S]*?<\/dependencyManagement>/g, '');
    for (const m of xml.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
      // Test dependencies run with the tests, and no jar the build makes carries them.
      if (/<scope>\s*test\s*<\/scope>/.test(m[1]!)) continue;
      const group = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(m[1]!)?.[1];
      const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(m[1]!)?.[1];
      if (group !== undefined && artifact !== undefined) names.add(`${group}:${artifact}`);
    }
  } else {
    // Comments, and the test configurations' lines (testImplementation, androidTestImplementation…).
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(?:^|\s)(?:\/\/|#).*$/gm, '').replace(/^\s*(?:android)?[tT]est\w*\s*[(\s].*$/gm, '');
    for (const m of code.matchAll(/["']([\w.-]+):([\w.-]+)(?::[^"'\s]*)?["']/g)) names.add(`${m[1]}:${m[2]}`);
    // A version catalog's `group = "org.rocksdb", name = "rocksdbjni"`.
    for (const m of code.matchAll(/group\s*=\s*["']([\w.-]+)["']\s*,\s*name\s*=\s*["']([\w.-]+)["']/g)) names.add(`${m[1]}:${m[2]}`);
  }
  return [...names];
}
