import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transformText } from '../src/api.js';
import { memoryBuildContext } from '../src/engine/context.js';
import { runPipeline } from '../src/engine/pipeline.js';
import multiStage from '../transforms/multi-stage.js';
import { runFixtureCase } from './helpers/fixtures.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__', 'multi-stage');

const fixture = (name: string) => runFixtureCase('multi-stage', name);

describe('multi-stage refusals name the right image', () => {
  it('unknown-needs: the line runs on the builder, what it made must run on the runtime image', () => {
    const [refusal] = fixture('refuse-unknown-needs').refusals;
    expect(refusal).toMatchObject({ code: 'unknown-needs', line: 5 });
    expect(refusal!.reason).toMatch(/^cannot tell whether what line 5 makes on node:22-bookworm \(the build stage\) runs on node:22-bookworm-slim: @prisma\/client/);
  });

  it('several-stages: a last stage built on another is said to be, where "copies from none" alone reads as unrelated stages', () => {
    const reasons = (text: string) => {
      const result = runPipeline(text, [{ transform: multiStage, options: { runtime: 'default' } }], { buildContext: memoryBuildContext({}) });
      if (!result.ok) throw new Error(result.error.message);
      return result.refusals.map((r) => [r.line, r.reason]);
    };
    expect(reasons(fs.readFileSync(path.join(FIXTURES, 'refuse-several-stages.input.Dockerfile'), 'utf8'))).toEqual([
      [18, 'the file already has 2 stages, and the last builds on development (line 3) without copying or mounting anything from another stage: dockshift does not restructure a file that already has several stages'],
    ]);
    // A last stage that stands alone is read as the stage of a single-stage file is: this one builds nothing to split.
    expect(reasons('FROM node:22 AS a\nRUN npm ci\nFROM node:22-slim\nCMD ["node", "x.js"]\n')).toEqual([]);
  });
});

describe('multi-stage: Node.js native addons', () => {
  it('refuses an install that library headers were installed for: the addon links the library, which slim lacks', () => {
    expect(fixture('refuse-node-addon-headers').refusals.map((r) => r.reason)).toEqual([
      'the stage installs libcairo2-dev, libpango1.0-dev, libjpeg-dev, libgif-dev, librsvg2-dev before `npm ci`, and canvas (package-lock.json) runs an install script: a native addon built against them links those libraries, whose runtime packages are not named here',
    ]);
  });

  it('splits when the lockfile says no package runs an install script: nothing compiles against the headers', () => {
    expect(fixture('node-headers-no-addon').changes[0]!.message).toContain('leaves libpq-dev in the build stage');
  });

  it('splits a build that installs only compilers (build-essential, python3) for node-gyp', () => {
    expect(fixture('node-addon-build-tools').changes[0]!.message).toContain('leaves build-essential, python3 in the build stage');
  });
});

describe('multi-stage: C++ on the gcc image', () => {
  it("refuses a C++ program: it links the image's own libstdc++, which Debian slim's may be older than", () => {
    expect(fixture('refuse-cpp-gcc-image').refusals.map((r) => r.reason)).toEqual([
      "the build context has main.cpp, a C++ source, and gcc:13 links C++ programs against its own GCC's libstdc++ (in /usr/local/lib64), not the libstdc++6 of debian:bookworm-slim, which comes from the release's older GCC: the program may need symbol versions (GLIBCXX_…) that the runtime lacks",
    ]);
  });

  it('names the C++ compiler command when that is what shows C++', () => {
    expect(fixture('refuse-cpp-gcc-command').refusals[0]!.reason).toMatch(/^line 4 compiles with g\+\+, and gcc:13 links C\+\+ programs/);
  });

  it('splits a C program whose context only has a C++ header (vendored): headers compile nothing', () => {
    expect(fixture('c-gcc-vendored-header').changes[0]!.message).toContain('runtime stage on debian:bookworm-slim');
  });

  it('splits a C program of the same image', () => {
    expect(fixture('c-gcc-libm').changes[0]!.message).toContain('runtime stage on debian:bookworm-slim');
  });
});

describe('multi-stage: the USER of the runtime stage', () => {
  it('keeps USER nobody, which every runtime image but scratch has', () => {
    expect(fixture('go-user-nobody').changes).toHaveLength(1);
  });

  it('refuses a group the runtime image lacks: distroless has no nogroup, Debian\'s name for 65534', () => {
    expect(fixture('refuse-user-nogroup-distroless').refusals.map((r) => r.reason)).toEqual([
      'USER nobody:nogroup names the group nogroup, which gcr.io/distroless/static-debian12 does not have (a numeric group would work)',
    ]);
  });

  it("refuses an account of the builder's image, and says where it comes from", () => {
    expect(fixture('refuse-user-of-builder').refusals.map((r) => r.reason)).toEqual([
      'USER guest names an account of golang:1.21-alpine; gcr.io/distroless/static-debian13 does not have it (a numeric USER would work)',
    ]);
  });
});

describe('multi-stage: the toolchain an unknown image builds with', () => {
  /** A case without a context folder of its own, run with an empty one. */
  const withEmptyContext = (name: string) => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-multi-stage-'));
    try {
      const result = transformText(fs.readFileSync(path.join(FIXTURES, `${name}.input.Dockerfile`), 'utf8'), { transforms: ['multi-stage'], context: empty });
      if (!result.ok) throw new Error(result.error.message);
      return result;
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  };

  it('is a command the RUNs run, not a word in a path', () => {
    expect(withEmptyContext('refuse-unknown-image-wrapper').refusals[0]!.reason).toBe(
      'it builds with gradlew on registry.example.com/toolchains/jdk:21, which the knowledge base does not know, so no runtime image can be matched to it',
    );
    expect(withEmptyContext('refuse-unknown-image').refusals[0]!.reason).toMatch(/^it builds with go build on /);
    expect(withEmptyContext('refuse-unknown-image-arg-without-default').refusals[0]!.reason).toBe(
      'it builds with go build on ${GOLANG}, named with `GOLANG` (a build argument without a default): which image it is, and so which runtime image matches it, is unknown',
    );
    // `mkdir /home/$USER/.gradle` builds nothing: no refusal.
    expect(withEmptyContext('unknown-image-no-build').refusals).toEqual([]);
  });

  it('says that a registry without `latest` has no image for a reference without a tag', () => {
    const result = runPipeline('FROM container-registry.oracle.com/os/oraclelinux\nRUN dnf install -y golang && go build -o /app .\nENTRYPOINT ["/app"]\n', [{ transform: multiStage, options: { runtime: 'default' } }], { buildContext: memoryBuildContext({}) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.refusals.map((r) => [r.code, r.reason])).toEqual([
      [
        'unknown-image',
        'it builds with go build on container-registry.oracle.com/os/oraclelinux, which names no tag, and the repository has no `latest` tag (each of its tags names a version): the reference cannot be pulled as written, and which image it means is unknown, so no runtime image can be matched to it',
      ],
    ]);
  });
});

describe('multi-stage: Rust built for musl', () => {
  it('a static binary of rust:*-alpine goes on the same Alpine release, or on scratch by option', () => {
    expect(fixture('rust-alpine').changes[0]!.message).toContain('runtime stage on alpine:3.20');
    expect(fixture('rust-alpine').changes[0]!.message).toContain("a static binary: the builder's host target is musl (rust:1.80-alpine3.20), which links musl in (crt-static)");
  });

  it('refuses a musl build that links a library of the system, and scratch for a binary with crt-static off', () => {
    expect(fixture('refuse-rust-alpine-system-library').refusals[0]!.reason).toBe(
      "Cargo.lock has openssl-sys, which links libssl (OpenSSL) from the system: the binary is built for musl (the builder's host target is musl (rust:1-alpine), which links musl in (crt-static)), and whether that library is linked in or needed at run time is not followed",
    );
    const scratch = transformText(fs.readFileSync(path.join(FIXTURES, 'refuse-rust-alpine-dynamic-scratch.input.Dockerfile'), 'utf8'), {
      transforms: ['multi-stage'],
      options: { 'multi-stage': { runtime: 'scratch' } },
      context: path.join(FIXTURES, 'refuse-rust-alpine-dynamic-scratch.context'),
    });
    if (!scratch.ok) throw new Error(scratch.error.message);
    expect(scratch.refusals[0]!.reason).toBe("the binary links musl dynamically (the builder's host target is musl (rust:1-alpine), with crt-static turned off); scratch has no C library");
  });
});

describe('multi-stage: the Debian release a Rust runtime is matched to', () => {
  it('says a tag rebuilt on a newer release names none, rather than that none has a distroless cc image', () => {
    expect(fixture('refuse-rust-native-roots-rebuilt-tag').refusals.map((r) => r.reason)).toEqual([
      "Cargo.lock has rustls-native-certs, so the binary reads the system's CA certificates, which Debian's slim image lacks, and the distroless cc image (which has them) must match the builder's Debian release: rust:1.89 was built on bookworm, then rebuilt on trixie (2025-08-19), so an image pulled or cached under that tag may be either",
    ]);
    expect(fixture('refuse-rust-native-roots-bullseye').refusals[0]!.reason).toContain("no distroless cc image (which has them) matches rust:1.80-bullseye's Debian release");
  });
});

describe('multi-stage: rustflags of a musl build, wherever they are set', () => {
  const scratch = (dockerfile: string) => {
    const result = transformText(dockerfile, { transforms: ['multi-stage'], options: { 'multi-stage': { runtime: 'scratch' } }, context: path.join(FIXTURES, 'rust-alpine-scratch.context') });
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };
  const build = (lines: string, cargo = 'cargo build --release') =>
    `FROM rust:1-alpine\nRUN apk add --no-cache musl-dev\n${lines}WORKDIR /usr/src/notes\nCOPY . .\nRUN ${cargo}\nCMD ["/usr/src/notes/target/release/notes"]\n`;

  it('a binary whose crt-static another setting turns off needs musl: scratch is refused', () => {
    const reason = (dockerfile: string) => scratch(dockerfile).refusals.map((r) => r.reason);
    expect(reason(build('ENV CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS="-C target-feature=-crt-static"\n'))).toEqual([
      "the binary links musl dynamically (the builder's host target is musl (rust:1-alpine), with crt-static turned off on line 3); scratch has no C library",
    ]);
    expect(reason(build('', 'cargo build --release --config \'build.rustflags=["-C", "target-feature=-crt-static"]\''))).toEqual([
      "the binary links musl dynamically (the builder's host target is musl (rust:1-alpine), with crt-static turned off); scratch has no C library",
    ]);
    expect(reason(build('RUN printf \'[build]\\nrustflags = ["-C", "target-feature=-crt-static"]\\n\' > $CARGO_HOME/config.toml\n'))).toEqual([
      "the binary links musl dynamically (the builder's host target is musl (rust:1-alpine), with crt-static turned off on line 3); scratch has no C library",
    ]);
    expect(reason(build('ARG TARGET_FLAGS\nENV CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS=$TARGET_FLAGS\n'))).toEqual([
      "the binary links musl dynamically (the builder's host target is musl (rust:1-alpine), with rustflags set on line 4 in a way dockshift does not follow); scratch has no C library",
    ]);
  });

  it('keeps a static binary static when the flags say so', () => {
    expect(scratch(build('ENV RUSTFLAGS="-C target-feature=+crt-static"\n')).changes).toHaveLength(1);
    expect(scratch(build('')).changes).toHaveLength(1);
  });
});
