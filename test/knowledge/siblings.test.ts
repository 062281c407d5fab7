import { describe, expect, it } from 'vitest';
import { parseImageRef } from '../../src/dockerfile/imageRef.js';
import {
  distrolessImage,
  distrolessReference,
  identify,
  runtimeFor,
  siblingOfKind,
  sizeLabel,
  sizeSaving,
  siblingsOf,
  type IdentifiedImage,
} from '../../src/knowledge/index.js';

const siblings = (reference: string): Record<string, string> =>
  Object.fromEntries(siblingsOf(parseImageRef(reference)!).map((s) => [s.kind, s.reference]));

const known = (reference: string): IdentifiedImage => {
  const image = identify(reference);
  expect(image, reference).not.toBeNull();
  return image!;
};

describe('siblings', () => {
  it.each([
    ['python:3.11-bookworm', { slim: 'python:3.11-slim-bookworm', alpine: 'python:3.11-alpine' }],
    ['python:3.12', { slim: 'python:3.12-slim', alpine: 'python:3.12-alpine' }],
    ['python:3.13', { slim: 'python:3.13-slim', alpine: 'python:3.13-alpine', distroless: 'gcr.io/distroless/python3-debian13' }],
    ['python', { slim: 'python:slim', alpine: 'python:alpine' }],
    ['python:3.12-slim', { alpine: 'python:3.12-alpine' }],
    ['python:3.12-alpine3.20', {}],
    ['node:20-bookworm', { slim: 'node:20-bookworm-slim', alpine: 'node:20-alpine' }],
    ['node:24-trixie', { slim: 'node:24-trixie-slim', alpine: 'node:24-alpine', distroless: 'gcr.io/distroless/nodejs24-debian13' }],
    ['node:26', { slim: 'node:26-slim', alpine: 'node:26-alpine', distroless: 'gcr.io/distroless/nodejs26-debian13' }],
    ['node:lts', { slim: 'node:lts-slim', alpine: 'node:lts-alpine' }],
    ['debian:bookworm', { slim: 'debian:bookworm-slim' }],
    ['debian:12', { slim: 'debian:12-slim' }],
    ['debian:bookworm-20260803', { slim: 'debian:bookworm-20260803-slim' }],
    ['ubuntu:22.04', {}],
    ['golang:1.22', { alpine: 'golang:1.22-alpine' }],
    ['golang:1.22-bookworm', { alpine: 'golang:1.22-alpine' }],
    ['ruby:3.3-bookworm', { slim: 'ruby:3.3-slim-bookworm', alpine: 'ruby:3.3-alpine' }],
    ['rust:1.80-bookworm', { slim: 'rust:1.80-slim-bookworm', alpine: 'rust:1.80-alpine' }],
    ['eclipse-temurin:21-jdk-jammy', { jre: 'eclipse-temurin:21-jre-jammy', alpine: 'eclipse-temurin:21-jdk-alpine', distroless: 'gcr.io/distroless/java21-debian13' }],
    ['eclipse-temurin:21', { jre: 'eclipse-temurin:21-jre', alpine: 'eclipse-temurin:21-alpine', distroless: 'gcr.io/distroless/java21-debian13' }],
    ['openjdk:11-jdk', { slim: 'openjdk:11-jdk-slim', jre: 'openjdk:11-jre' }],
    // Oracle Linux 8 (the slim tags are Debian): no variant of the same distro.
    ['openjdk:17-jdk', {}],
    ['openjdk:17-jdk-bullseye', { slim: 'openjdk:17-jdk-slim-bullseye' }],
    ['php:8.3-fpm', { alpine: 'php:8.3-fpm-alpine' }],
    ['php:8.3-apache', {}],
    ['nginx:1.27', { alpine: 'nginx:1.27-alpine' }],
    ['nginx:1.27-alpine', { slim: 'nginx:1.27-alpine-slim' }],
    ['httpd:2.4', { alpine: 'httpd:2.4-alpine' }],
    ['gcc:13', {}],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-jammy', { chiseled: 'mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled', alpine: 'mcr.microsoft.com/dotnet/aspnet:8.0-alpine' }],
    ['amazoncorretto:8', { alpine: 'amazoncorretto:8-alpine', jre: 'amazoncorretto:8-jre' }],
    ['eclipse-temurin:16-jdk', { alpine: 'eclipse-temurin:16-jdk-alpine' }],
    ['eclipse-temurin:latest', { distroless: 'gcr.io/distroless/java25-debian13' }],
    ['amazoncorretto:latest', {}],
    ['amazoncorretto:8u402', { alpine: 'amazoncorretto:8u402-alpine' }],
    ['amazoncorretto:8-al2-jdk', {}],
    ['amazoncorretto:8-al2-native-jdk', { jre: 'amazoncorretto:8-al2-native-jre' }],
    ['amazoncorretto:8u402-al2023-jdk', { alpine: 'amazoncorretto:8u402-alpine-jdk', jre: 'amazoncorretto:8u402-al2023-jre' }],
  ])('%s', (reference, expected) => {
    expect(siblings(reference)).toEqual(expected);
  });

  it('keeps the registry spelling of the input', () => {
    expect(siblings('docker.io/library/python:3.11-bookworm')['slim']).toBe('docker.io/library/python:3.11-slim-bookworm');
    expect(siblings('library/node:20-bookworm')['slim']).toBe('library/node:20-bookworm-slim');
    expect(siblings('index.docker.io/library/debian:bookworm')['slim']).toBe('index.docker.io/library/debian:bookworm-slim');
  });

  it('drops a digest: it pins the old image', () => {
    expect(siblings('python:3.12@sha256:ce40764625a4ff50df3548277632e7f96c4e77fe75fa848aae9885476e7df5a4')['slim']).toBe('python:3.12-slim');
  });

  it('says whether the release stays and what changes when it does not', () => {
    const image = known('python:3.11-bookworm');
    const slim = siblingOfKind(image, 'slim')!;
    expect(slim.sameRelease).toBe(true);
    expect(slim.notes).toEqual([]);
    const alpine = siblingOfKind(image, 'alpine')!;
    expect(alpine.sameRelease).toBe(false);
    expect(alpine.notes).toEqual(['the distro changes: Debian 12 bookworm → Alpine 3.24 (the repository default today)']);
    const java = siblingOfKind(known('eclipse-temurin:21-jre-noble'), 'distroless')!;
    expect(java.sameRelease).toBe(false);
    expect(java.notes).toContain('its ENTRYPOINT is ["/usr/bin/java","-jar"]');
    expect(siblingOfKind(known('node:26'), 'distroless')!.sameRelease).toBe(true);
  });

  it('carries size estimates labelled with source and year', () => {
    const image = known('node:22');
    expect(image.facts.size).toMatchObject({ mb: 1120, measure: 'uncompressed', measuredOn: 'node:22', year: 2024 });
    const slim = siblingOfKind(image, 'slim')!;
    expect(slim.size).toMatchObject({ mb: 220, measuredOn: 'node:22-slim' });
    expect(slim.size!.source.url).toMatch(/^https:\/\//);
    expect(siblingOfKind(image, 'alpine')!.size?.mb).toBe(155);
    expect(known('debian:bookworm-slim').facts.size).toMatchObject({ mb: 27, measure: 'compressed' });
    expect(known('golang:1.22').facts.size).toBeNull();
    expect(sizeSaving(image.facts.size, slim.size)).toBe(900);
    expect(sizeSaving(image.facts.size, known('debian:bookworm-slim').facts.size)).toBeNull();
    expect(sizeLabel(slim.size!)).toBe('~220 MB (uncompressed node:22-slim, 2024; estimate from https://labs.iximiuz.com/tutorials/how-to-choose-nodejs-container-image)');
  });
});

describe('distroless', () => {
  it('finds the image for a kind, Debian release and runtime version', () => {
    expect(distrolessReference('static', '12')).toBe('gcr.io/distroless/static-debian12');
    expect(distrolessReference('cc', '13', 'nonroot')).toBe('gcr.io/distroless/cc-debian13:nonroot');
    expect(distrolessReference('nodejs', '13', 'debug-nonroot', '24')).toBe('gcr.io/distroless/nodejs24-debian13:debug-nonroot');
    expect(distrolessReference('nodejs', '13', 'latest', '20')).toBeNull();
    expect(distrolessImage('python3', '13')).toMatchObject({ runtimeVersion: '3.13', entrypoint: ['/usr/bin/python3.13'], status: 'built' });
    expect(distrolessImage('python3', '12')).toMatchObject({ runtimeVersion: '3.11', status: 'no-longer-built' });
    expect(distrolessImage('java', '13', '21')?.entrypoint).toEqual(['/usr/bin/java', '-jar']);
    expect(distrolessImage('nodejs', '12', '22')?.status).toBe('no-longer-built');
    expect(distrolessImage('static', '13')?.libc).toBe('none');
  });
});

describe('runtime for a builder', () => {
  const runtimes = (reference: string, cgo = false): string[] => runtimeFor(known(reference), { cgo }).map((c) => c.reference);

  it('golang: distroless static, or base/slim of the same Debian when cgo', () => {
    expect(runtimes('golang:1.27-bookworm')).toEqual(['gcr.io/distroless/static-debian12']);
    expect(runtimes('golang:1.27-bookworm', true)).toEqual(['gcr.io/distroless/base-debian12', 'debian:bookworm-slim']);
    expect(runtimes('golang:1.27-trixie', true)).toEqual(['gcr.io/distroless/base-debian13', 'debian:trixie-slim']);
    expect(runtimes('golang:1.21-bullseye', true)).toEqual(['debian:bullseye-slim']);
    expect(runtimes('golang:1.27-alpine3.20', true)).toEqual(['alpine:3.20']);
    expect(runtimes('golang:1.27-alpine')).toEqual(['gcr.io/distroless/static-debian13']);
    expect(runtimes('docker.io/library/golang:1.27-bookworm', true)).toEqual(['gcr.io/distroless/base-debian12', 'docker.io/library/debian:bookworm-slim']);
  });

  it('node and python: the slim sibling, and distroless where it is built for the same release', () => {
    expect(runtimes('node:20-bookworm')).toEqual(['node:20-bookworm-slim']);
    expect(runtimes('node:24-trixie')).toEqual(['node:24-trixie-slim', 'gcr.io/distroless/nodejs24-debian13']);
    expect(runtimes('python:3.13-trixie')).toEqual(['python:3.13-slim-trixie', 'gcr.io/distroless/python3-debian13']);
    expect(runtimes('python:3.12-bookworm')).toEqual(['python:3.12-slim-bookworm']);
  });

  it('maven and gradle on Temurin: the JRE of the same Java on the same OS', () => {
    expect(runtimes('maven:3.9-eclipse-temurin-21')).toEqual(['eclipse-temurin:21-jre-noble']);
    expect(runtimes('maven:3.9-eclipse-temurin-17-alpine')).toEqual(['eclipse-temurin:17-jre-alpine']);
    expect(runtimes('maven:3.9-eclipse-temurin-21-jammy')).toEqual(['eclipse-temurin:21-jre-jammy']);
    expect(runtimes('maven:3.9-eclipse-temurin')).toEqual(['eclipse-temurin:26-jre-noble']);
    expect(runtimes('gradle:8-jdk21-jammy')).toEqual(['eclipse-temurin:21-jre-jammy']);
    expect(runtimes('gradle:8-jdk21')).toEqual(['eclipse-temurin:21-jre']);
    expect(runtimes('gradle:8.5-jdk21-alpine')).toEqual(['eclipse-temurin:21-jre-alpine']);
    expect(runtimes('maven:3.9-amazoncorretto-21')).toEqual([]);
    expect(runtimes('gradle:9-jdk21-graal')).toEqual([]);
    expect(runtimes('eclipse-temurin:21-jdk-noble')).toEqual(['eclipse-temurin:21-jre-noble']);
  });

  it('rust and gcc: slim Debian of the same release, or distroless cc', () => {
    expect(runtimes('rust:1.80-bookworm')).toEqual(['debian:bookworm-slim', 'gcr.io/distroless/cc-debian12']);
    expect(runtimes('rust:1.98')).toEqual(['debian:trixie-slim', 'gcr.io/distroless/cc-debian13']);
    expect(runtimes('rust:1.80-alpine3.20')).toEqual(['alpine:3.20']);
    expect(runtimes('gcc:13')).toEqual(['debian:bookworm-slim']);
    expect(runtimes('gcc:4.9')).toEqual([]);
  });

  it('a static Rust binary (a musl target) runs on distroless static too', () => {
    const statics = (reference: string) => runtimeFor(known(reference), { staticBinary: true }).map((c) => c.reference);
    expect(statics('rust:1.80-alpine3.20')).toEqual(['alpine:3.20', 'gcr.io/distroless/static-debian13']);
    expect(statics('rust:1.80-bookworm')).toEqual(['debian:bookworm-slim', 'gcr.io/distroless/cc-debian12', 'gcr.io/distroless/static-debian12']);
  });

  it('OS images with compilers: the same release without them', () => {
    expect(runtimes('debian:bookworm')).toEqual(['debian:bookworm-slim']);
    expect(runtimes('debian:12')).toEqual(['debian:12-slim']);
    expect(runtimes('debian:bookworm-slim')).toEqual(['debian:bookworm-slim']);
    expect(runtimes('ubuntu:22.04')).toEqual(['ubuntu:22.04']);
    expect(runtimes('alpine:3.20')).toEqual(['alpine:3.20']);
    expect(runtimes('buildpack-deps:bookworm')).toEqual(['debian:bookworm-slim']);
    expect(runtimes('buildpack-deps:jammy-scm')).toEqual(['ubuntu:jammy']);
  });

  it('dotnet sdk: aspnet and runtime of the same major.minor and OS', () => {
    expect(runtimes('mcr.microsoft.com/dotnet/sdk:8.0')).toEqual(['mcr.microsoft.com/dotnet/aspnet:8.0', 'mcr.microsoft.com/dotnet/runtime:8.0']);
    expect(runtimes('mcr.microsoft.com/dotnet/sdk:10.0.400-noble-aot')).toEqual(['mcr.microsoft.com/dotnet/aspnet:10.0-noble', 'mcr.microsoft.com/dotnet/runtime:10.0-noble']);
    expect(runtimes('mcr.microsoft.com/dotnet/sdk:9.0-alpine')).toEqual(['mcr.microsoft.com/dotnet/aspnet:9.0-alpine', 'mcr.microsoft.com/dotnet/runtime:9.0-alpine']);
  });

  it('every runtime it names is one the base identifies, with the builder\'s libc', () => {
    for (const builder of ['golang:1.27-bookworm', 'rust:1.80-bookworm', 'gcc:13', 'maven:3.9-eclipse-temurin-21', 'mcr.microsoft.com/dotnet/sdk:8.0', 'node:24-trixie', 'rust:1.80-alpine3.20', 'debian:bookworm', 'ubuntu:24.04', 'alpine:3.20', 'buildpack-deps:trixie']) {
      const image = known(builder);
      for (const choice of runtimeFor(image, { cgo: true })) {
        expect(choice.image, choice.reference).not.toBeNull();
        expect(choice.image!.facts.libc, choice.reference).toBe(image.facts.libc);
      }
    }
  });
});
