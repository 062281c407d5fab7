/**
 * C and C++: make, CMake or the compiler itself writes a program, often installed by
 * `make install` into $(PREFIX)/bin. The runtime stage gets the program the container
 * starts, on the same release without the compilers (Debian slim, or the same Ubuntu or
 * Alpine image). A program that links libraries whose headers the stage installed
 * (`libssl-dev`) is refused: which runtime packages carry them is not named here.
 */
import * as path from 'node:path';
import { contextFileAt } from '../copiedFiles.js';
import { unknownReleaseWhy } from '../../knowledge/identify.js';
import { runtimeFor } from '../../knowledge/runtime.js';
import type { BuildContext } from '../../engine/context.js';
import type { Instruction } from '../../dockerfile/types.js';
import { BASE_LIBRARIES, libraryHeaders } from './packages.js';
import { argsOf, copiedOutputs, findCommands, NONE, optionOf, programPath, refuse, startedArgv, type Analysis, type BuildInput, type Located } from './plan.js';

const COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++']);

export function readNative(input: BuildInput, installed: readonly string[]): Analysis {
  const steps = findCommands(input.file, input.scripts, (w) => w[0] === 'make' || w[0] === 'cmake' || w[0] === 'ninja' || (COMPILERS.has(w[0] ?? '') && w.includes('-o')));
  if (steps.length === 0) return NONE;
  const at = steps[0]!.run.inst;
  const started = startedArgv(input.command);
  if (started === null) return refuse('no-artefact-path', 'the command needs a shell, so which program it starts is not known', input.command.cmd?.inst ?? input.command.entrypoint?.inst ?? at);

  // Whatever program runs, headers of a library the stage installs mean the build may link it.
  const dev = libraryHeaders(installed);
  if (dev.length > 0) {
    return refuse('shared-libraries', `the stage installs ${dev.join(', ')}: the program may link ${dev.length > 1 ? 'those libraries' : 'that library'}, whose runtime packages are not named here`, at);
  }
  const built: string[] = [];
  for (const step of steps) built.push(...outputsOf(input, step));
  built.push(...copiedOutputs(input.file, input.scripts, built));
  const program = programPath(started.argv[0]!, input.workdir, built);
  if (program === null || !built.includes(program)) {
    return refuse('no-artefact-path', `the container starts ${started.argv[0]}, which no compiler -o, make install or cmake --install of the stage is seen to write`, started.inst);
  }
  const choices = input.runtimeOption === 'default' ? runtimeFor(input.builder) : [];
  const runtime = choices[0];
  if (runtime === undefined) {
    const why = input.runtimeOption === 'default' ? `${unknownReleaseWhy(input.builder)}, and the program needs the same C library` : `the ${input.runtimeOption} runtime option is for Go and Node.js`;
    return refuse('no-runtime', why, input.stage.from);
  }
  const linked = linkedLibraries(input, steps);
  if (linked !== null) {
    const them = linked.libraries.length > 1 ? 'those libraries' : 'that library';
    return refuse('shared-libraries', `${linked.where} links ${linked.libraries.join(', ')}: the program needs ${them} at run time, and ${runtime.reference} is not known to have ${linked.libraries.length > 1 ? 'them' : 'it'}`, linked.at);
  }
  const cxx = installed.some((p) => /^(?:g\+\+|clang\+\+|build-essential|build-base)/.test(p)) || steps.some((s) => /\+\+$/.test(s.words[0]!.value ?? ''));
  // The gcc image builds its GCC from source into /usr/local, with its own libstdc++: a C++ program
  // built there may need symbol versions (GLIBCXX_3.4.32 from GCC 13's <iostream>) that the
  // release's libstdc++6, of Debian's older GCC, lacks.
  if (input.builder.repository.name === 'gcc') {
    const cxxEvidence = cxxOnGccImage(input, installed, steps);
    if (cxxEvidence !== null) {
      return refuse('shared-libraries', `${cxxEvidence}, and ${input.builder.raw} links C++ programs against its own GCC's libstdc++ (in /usr/local/lib64), not the libstdc++6 of ${runtime.reference}, which comes from the release's older GCC: the program may need symbol versions (GLIBCXX_…) that the runtime lacks`, at);
    }
  }
  const alpine = runtime.image?.release.release?.family === 'alpine';
  return {
    kind: 'plan',
    plan: {
      toolchain: 'C/C++',
      buildStep: steps.at(-1)!.run.inst,
      artefacts: [{ from: program, to: program, what: `the program ${path.posix.basename(program)}` }],
      runtime,
      runtimePrograms: [],
      buildEdits: [],
      buildTail: [],
      // Alpine's base image has no libstdc++; Debian's and Ubuntu's have it (apt needs it).
      runtimeSetup: alpine && cxx ? ['RUN apk add --no-cache libstdc++ libgcc'] : [],
      commandRewrite: null,
      notes: alpine && cxx ? ['libstdc++ installed in the runtime stage for the C++ program'] : [],
    },
  };
}

/**
 * What shows a C++ program on the gcc image, as evidence for a refusal: a C++ compiler command, a C++
 * compiler package, or a C++ source file in the build context (or a context too large to tell).
 * Headers alone (a vendored .hpp) compile nothing; build-essential brings Debian's g++, which the image
 * diverts aside, so it says nothing about the program.
 */
function cxxOnGccImage(input: BuildInput, installed: readonly string[], steps: readonly Located[]): string | null {
  const command = steps.find((s) => /\+\+$/.test(s.words[0]!.value ?? ''));
  if (command !== undefined) return `line ${command.run.inst.line} compiles with ${command.words[0]!.value}`;
  const compiler = installed.find((p) => /^(?:g|clang)\+\+(?:-\d+)?$/.test(p));
  if (compiler !== undefined) return `the stage installs ${compiler}`;
  const walk = input.ctx.walk((dir) => /(?:^|\/)(?:\.git|node_modules)$/.test(dir));
  if (!walk.complete) return 'the build context is too large to tell whether it holds C++ sources';
  const source = walk.entries.find((e) => e.kind === 'file' && (/\.(?:cpp|cc|cxx|c\+\+|cppm|ixx)$/i.test(e.path) || e.path.endsWith('.C')) && input.ctx.sends(e.path));
  return source === undefined ? null : `the build context has ${source.path}, a C++ source`;
}

/** CMake packages that are not libraries the program links. */
const CMAKE_NOT_LIBRARIES = new Set(['Threads', 'PkgConfig', 'Git', 'Python', 'Python3', 'Doxygen', 'GTest', 'Catch2', 'BISON', 'FLEX']);

/**
 * Libraries other than the C library's that the build links: `-l<lib>` of a compiler command or
 * the Makefile, `pkg-config --libs <lib>`, and CMake's find_package and pkg_check_modules. A full
 * build image (gcc, buildpack-deps) carries the headers of many libraries without installing them.
 * Null when there are none, or the program is linked with -static.
 */
function linkedLibraries(input: BuildInput, steps: readonly Located[]): { libraries: string[]; where: string; at: Instruction } | null {
  const flag = (l: string) => (BASE_LIBRARIES.has(l) ? [] : [`-l${l}`]);
  for (const step of steps) {
    const program = step.words[0]!.value!;
    const base = program.slice(program.lastIndexOf('/') + 1);
    const libraries: string[] = [];
    let where = '';
    if (COMPILERS.has(base)) {
      if (step.words.some((w) => w.value === '-static')) continue;
      libraries.push(...optionsOf(argsOf(step.words, ['-o', '-I', '-L', '-l', '-D', '-x', '-MF', '-MT', '-include']), '-l').flatMap(flag));
      where = `\`${base} -o\``;
    } else if (base === 'make' && step.cwd !== null) {
      const makefile = readFromImage(input, path.posix.join(step.cwd, 'Makefile'));
      if (makefile === null || /(?:^|\s)-static(?:\s|$)/m.test(makefile)) continue;
      libraries.push(...[...makefile.matchAll(/(?:^|[\s=])-l([A-Za-z][\w+.-]*)/gm)].flatMap((m) => flag(m[1]!)));
      for (const m of makefile.matchAll(/pkg-config((?:\s+--[\w-]+)*)\s+([\w.+-]+(?:[ \t]+[\w.+-]+)*)/g)) if (m[1]!.includes('--libs')) libraries.push(...m[2]!.split(/\s+/));
      where = 'the Makefile';
    } else if (base === 'cmake') {
      const lists = input.ctx.read('CMakeLists.txt');
      if (lists === null) continue;
      libraries.push(...[...lists.matchAll(/find_package\s*\(\s*([\w.+-]+)/gi)].map((m) => m[1]!).filter((p) => !CMAKE_NOT_LIBRARIES.has(p)));
      for (const m of lists.matchAll(/pkg_(?:check|search)_modules?\s*\(\s*\w+([^)]*)\)/gi)) libraries.push(...m[1]!.trim().split(/\s+/).filter((w) => w !== '' && !/^[A-Z_]+$/.test(w)));
      where = 'CMakeLists.txt';
    }
    const named = [...new Set(libraries.map((l) => l.replace(/[<>=].*$/, '')))].filter((l) => l !== '');
    if (named.length > 0) return { libraries: named, where, at: step.run.inst };
  }
  return null;
}

/** Every value of the option `name`. */
function optionsOf(args: ReturnType<typeof argsOf>, name: string): string[] {
  return args.options.filter((o) => o.name === name && o.value !== null).map((o) => o.value!);
}

/** What one build command writes: `-o FILE`, or the programs `make install` / `cmake --install` put in PREFIX/bin. */
function outputsOf(input: BuildInput, step: Located): string[] {
  const program = step.words[0]!.value!;
  const base = program.slice(program.lastIndexOf('/') + 1);
  if (COMPILERS.has(base)) {
    const out = optionOf(argsOf(step.words, ['-o', '-I', '-L', '-l', '-D', '-x', '-MF', '-MT', '-include']), '-o');
    const p = typeof out === 'string' && step.cwd !== null ? path.posix.resolve(step.cwd, out) : null;
    return p === null ? [] : [p];
  }
  if (base === 'make' && step.words.some((w) => w.value === 'install')) return makeInstall(input, step);
  if (base === 'cmake' && step.words.some((w) => w.value === '--install')) return cmakeInstall(input, step);
  return [];
}

/** `make install`: the programs its Makefile installs into $(PREFIX)/bin (or $(BINDIR)). */
function makeInstall(input: BuildInput, step: Located): string[] {
  if (step.cwd === null) return [];
  const makefile = readFromImage(input, path.posix.join(step.cwd, 'Makefile'));
  if (makefile === null) return [];
  const assigned = (name: string): string | null => {
    const override = step.words.map((w) => w.value ?? '').find((w) => w.startsWith(`${name}=`));
    if (override !== undefined) return override.slice(name.length + 1);
    return new RegExp(`^${name}\\s*[?:]?=\\s*(\\S+)\\s*$`, 'm').exec(makefile)?.[1] ?? null;
  };
  const prefix = assigned('PREFIX') ?? assigned('prefix') ?? '/usr/local';
  const bindir = (assigned('BINDIR') ?? assigned('bindir') ?? `${prefix}/bin`).replace(/\$[({](?:PREFIX|prefix)[)}]/g, prefix);
  if (!bindir.startsWith('/')) return [];
  const recipe = /^install\s*:[^\n]*\n((?:\t[^\n]*\n?)*)/m.exec(makefile)?.[1] ?? '';
  const out: string[] = [];
  for (const line of recipe.split('\n')) {
    const words = line.trim().split(/\s+/).map((w) => w.replace(/\$[({]DESTDIR[)}]/g, ''));
    words.forEach((w, i) => {
      const m = /^(?:\$[({](?:PREFIX|prefix)[)}]\/bin|\$[({](?:BINDIR|bindir)[)}])(?:\/([\w.+-]*))?$/.exec(w);
      if (m === null) return;
      // `install -m 0755 primes $(PREFIX)/bin/primes`, or `install primes tool $(BINDIR)/`.
      const names = m[1] ? [m[1]] : words.slice(1, i).filter((x, j, all) => !x.startsWith('-') && !/^[0-7]{3,4}$/.test(x) && !(all[j - 1] ?? '').match(/^-[mogt]$/));
      for (const name of names) out.push(path.posix.join(bindir, path.posix.basename(name)));
    });
  }
  return out;
}

/** `cmake --install`: targets its CMakeLists.txt installs to bin, under CMAKE_INSTALL_PREFIX (/usr/local). */
function cmakeInstall(input: BuildInput, step: Located): string[] {
  const lists = input.ctx.read('CMakeLists.txt');
  if (lists === null) return [];
  const prefix = optionOf(argsOf(step.words, ['--prefix', '--config', '--component']), '--prefix') ?? '/usr/local';
  if (typeof prefix !== 'string') return [];
  const out: string[] = [];
  for (const m of lists.matchAll(/install\s*\(\s*TARGETS\s+([^)]*?)\s+(?:RUNTIME\s+)?DESTINATION\s+(\S+?)\s*\)/g)) {
    const dest = m[2]!.replace(/\$\{CMAKE_INSTALL_BINDIR\}/, 'bin');
    for (const target of m[1]!.split(/\s+/).filter((t) => t !== '' && !/^[A-Z]+$/.test(t))) out.push(path.posix.join(dest.startsWith('/') ? dest : `${prefix}/${dest}`, target));
  }
  return out;
}

/** A file of the build stage that came from the build context, read there. */
function readFromImage(input: BuildInput, imagePath: string): string | null {
  const origin = contextFileAt(input.file, input.stage, input.ctx as BuildContext, imagePath);
  return origin.kind === 'context' ? input.ctx.read(origin.path) : origin.kind === 'inline' ? origin.text : null;
}
