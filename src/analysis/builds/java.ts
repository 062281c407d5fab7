/**
 * Java: Maven or Gradle builds a jar that `java -jar` runs. The runtime stage gets that
 * jar, at the same path, on the JRE of the same Java (eclipse-temurin:<major>-jre).
 * A jar whose dependencies sit next to it (copy-dependencies, a Class-Path manifest)
 * is refused: only the jar is named. Quarkus' fast-jar is the exception with a known
 * layout: quarkus-run.jar loads lib/, app/ and quarkus/ of its own folder, which is copied whole.
 */
import path from 'node:path';
import { runtimeFor } from '../../knowledge/runtime.js';
import { originOf } from '../paths.js';
import type { Instruction } from '../../dockerfile/types.js';
import { contextFiles, findCommands, NONE, refuse, resolveIn, startedArgv, type Analysis, type BuildInput } from './plan.js';

const MAVEN = new Set(['mvn', 'mvnw']);
const GRADLE = new Set(['gradle', 'gradlew']);
const MAVEN_PHASES = new Set(['package', 'install', 'verify', 'deploy']);
const GRADLE_TASKS = new Set(['build', 'assemble', 'bootJar', 'jar', 'shadowJar', 'installDist']);

export function readJava(input: BuildInput): Analysis {
  const builds = findCommands(input.file, input.scripts, (w) => (MAVEN.has(w[0] ?? '') && w.some((x) => x !== null && MAVEN_PHASES.has(x))) || (GRADLE.has(w[0] ?? '') && w.some((x) => x !== null && GRADLE_TASKS.has(x))));
  if (builds.length === 0) return NONE;
  const build = builds.at(-1)!;
  const at = build.run.inst;
  const started = startedArgv(input.command) ?? shellJava(input);
  if (started === null || !/(?:^|\/)java$/.test(started.argv[0]!)) {
    return refuse('no-artefact-path', 'the container does not start `java -jar <file>`, so which of the build outputs runs is not known', input.command.cmd?.inst ?? input.command.entrypoint?.inst ?? at);
  }
  const jarAt = started.argv.indexOf('-jar');
  const jar = jarAt === -1 ? undefined : started.argv[jarAt + 1];
  if (jar === undefined) return refuse('no-artefact-path', 'the container starts java without -jar (a class path), so which files it needs is not known', started.inst);
  if (jar.includes('$')) return refuse('no-artefact-path', `the jar ${jar} is only known at run time`, started.inst);
  const jarPath = resolveIn(input.workdir, jar);
  if (jarPath === null) return refuse('no-artefact-path', `the jar ${jar} is relative to a working folder only known at build time`, started.inst);
  // The pom.xml Maven reads: the one a COPY put in the build's folder (`COPY backend/pom.xml pom.xml`), else the context's root one.
  const pomAt = build.cwd === null ? null : originOf(input.file, at, path.posix.join(build.cwd, 'pom.xml'), input.ctx);
  const pom = input.ctx.read(pomAt?.kind === 'context' ? pomAt.path : 'pom.xml');
  if (pom !== null && /copy-dependencies|<addClasspath>\s*true/.test(pom)) {
    return refuse('no-artefact-path', 'pom.xml puts the dependencies next to the jar (copy-dependencies or a Class-Path manifest): the jar alone would not run', at);
  }
  const quarkus = quarkusArtefact(input, build.words.map((w) => w.value), jar, jarPath);
  if (quarkus !== null && 'refusal' in quarkus) return refuse('no-artefact-path', quarkus.refusal, at);
  const choices = input.runtimeOption === 'default' ? runtimeFor(input.builder) : [];
  const runtime = choices[0];
  if (runtime === undefined) {
    const why = input.runtimeOption === 'default' ? `the knowledge base names no JRE for ${input.builder.raw}` : `the ${input.runtimeOption} runtime option is for Go and Node.js`;
    return refuse('no-runtime', why, input.stage.from);
  }
  return {
    kind: 'plan',
    plan: {
      toolchain: 'Java',
      buildStep: at,
      artefacts: [quarkus?.artefact ?? { from: jarPath, to: jarPath.includes('*') ? `${jarPath.slice(0, jarPath.lastIndexOf('/') + 1)}` : jarPath, what: `the jar ${jar}` }],
      runtime,
      runtimePrograms: ['java'],
      buildEdits: [],
      buildTail: [],
      runtimeSetup: [],
      commandRewrite: null,
      notes: [],
    },
  };
}

/**
 * The artefact of a Quarkus build, null when the jar is not Quarkus's. Its default package,
 * fast-jar (and mutable-jar), is target/quarkus-app/ whose quarkus-run.jar reads the libraries
 * in lib/, app/ and quarkus/ beside it: the folder is the artefact, whatever declares the plugin
 * (a module's pom, a version catalog's alias). A legacy-jar (`*-runner.jar`) reads target/lib/;
 * only an uber-jar runs alone, so another jar of a Quarkus project is refused unless the build
 * asks for an uber-jar where Quarkus reads it (a -D option, an ENV, pom.xml, the Gradle files,
 * application.properties or .yaml), comments left out.
 */
function quarkusArtefact(input: BuildInput, buildWords: readonly (string | null)[], jar: string, jarPath: string): { artefact: { from: string; to: string; what: string } } | { refusal: string } | null {
  if (path.posix.basename(jarPath) === 'quarkus-run.jar') {
    const folder = path.posix.dirname(jarPath);
    return { artefact: { from: folder, to: folder, what: `the Quarkus app folder ${path.posix.dirname(jar)} (quarkus-run.jar loads the lib/, app/ and quarkus/ beside it)` } };
  }
  const buildFiles = (contextFiles(input.ctx, 'pom.xml', 'build.gradle', 'build.gradle.kts', 'libs.versions.toml') ?? ['pom.xml', 'build.gradle', 'build.gradle.kts'])
    .map((f) => withoutComments(f, input.ctx.read(f)));
  if (!buildFiles.some((t) => /quarkus-maven-plugin|["']io\.quarkus["']|plugins\.quarkus\b/.test(t))) return null;
  const config = (contextFiles(input.ctx, 'gradle.properties', ...QUARKUS_CONFIG) ?? ['gradle.properties', ...QUARKUS_CONFIG.map((f) => `src/main/resources/${f}`)])
    .map((f) => withoutComments(f, input.ctx.read(f)));
  const env = input.stage.instructions.filter((i) => i.keyword === 'ENV').map((i) => input.file.text.slice(i.span.start, i.span.end));
  if ([...buildFiles, ...config, ...env, buildWords.join(' ')].some((t) => /\buber-jar\b/.test(t))) return null;
  return { refusal: `Quarkus builds ${jar} with its libraries in a folder beside it (a legacy-jar's lib/), unless the package type is uber-jar, which the build does not ask for: the jar alone would not run` };
}

const QUARKUS_CONFIG = ['application.properties', 'application.yaml', 'application.yml'];

/** A build or configuration file's text without its comments (`# quarkus.package.jar.type=uber-jar` asks for nothing). */
function withoutComments(file: string, text: string | null): string {
  if (text === null) return '';
  if (/\.(?:xml)$/.test(file)) return text.replace(/<!--[\s\S]*?-->/g, '');
  if (/\.kts?$|\.gradle$/.test(file)) return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"'])\/\/.*$/gm, '$1');
  return text.replace(/^\s*[#!].*$/gm, '').replace(/\s#.*$/gm, '');
}

/** `CMD java -jar target/*.jar` in shell form: the shell expands the glob, COPY can copy the same pattern. */
function shellJava(input: BuildInput): { argv: readonly string[]; inst: Instruction } | null {
  const part = input.command.cmd ?? input.command.entrypoint;
  if (part === null || part.argv !== null || input.command.entrypoint?.argv === null) return null;
  const words = part.text.replace(/^exec\s+/, '').split(/\s+/);
  if (!/(?:^|\/)java$/.test(words[0] ?? '') || words.some((w) => /[;&|<>()`]/.test(w))) return null;
  return { argv: words, inst: part.inst };
}
