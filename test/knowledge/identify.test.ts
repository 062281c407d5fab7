import { describe, expect, it } from 'vitest';
import { parseImageRef } from '../../src/dockerfile/imageRef.js';
import { identify, identifyImage, unknownReleaseWhy, type IdentifiedImage } from '../../src/knowledge/index.js';

/** The parts of an identification a test pins: repository, version, variant, release. */
function summary(reference: string): Record<string, unknown> | null {
  const image = identify(reference);
  if (image === null) return null;
  const release = image.release.release;
  return {
    repository: image.repository.name,
    version: image.version,
    variant: image.variant,
    release: release === null ? null : `${release.family} ${release.name}`,
    named: image.release.kind === 'named',
  };
}

const known = (reference: string): IdentifiedImage => {
  const image = identify(reference);
  expect(image, reference).not.toBeNull();
  return image!;
};

describe('tag grammars', () => {
  it.each([
    // python/ruby/rust: <version>-<flavour>-<release>
    ['python:3.12-slim-bookworm', 'python', '3.12', 'slim', 'debian bookworm', true],
    ['python:3.12.4-slim-bookworm', 'python', '3.12.4', 'slim', 'debian bookworm', true],
    ['python:3.11-bookworm', 'python', '3.11', 'default', 'debian bookworm', true],
    ['python:3.12', 'python', '3.12', 'default', 'debian trixie', false],
    ['python:3.12-slim', 'python', '3.12', 'slim', 'debian trixie', false],
    ['python:3.12-alpine3.20', 'python', '3.12', 'alpine', 'alpine 3.20', true],
    ['python:3.12-alpine', 'python', '3.12', 'alpine', 'alpine 3.24', false],
    ['python:3.15-rc-slim-trixie', 'python', '3.15-rc', 'slim', 'debian trixie', true],
    ['python:3.15.0rc1-alpine3.23', 'python', '3.15.0rc1', 'alpine', 'alpine 3.23', true],
    ['python:slim', 'python', null, 'slim', 'debian trixie', false],
    ['python:slim-bookworm', 'python', null, 'slim', 'debian bookworm', true],
    ['python:alpine', 'python', null, 'alpine', 'alpine 3.24', false],
    ['python:3.8-slim-buster', 'python', '3.8', 'slim', 'debian buster', true],
    ['python:2.7-alpine3.11', 'python', '2.7', 'alpine', 'alpine 3.11', true],
    ['ruby:3.3-slim-bookworm', 'ruby', '3.3', 'slim', 'debian bookworm', true],
    ['rust:1.80-slim-bookworm', 'rust', '1.80', 'slim', 'debian bookworm', true],
    ['rust:1-alpine3.22', 'rust', '1', 'alpine', 'alpine 3.22', true],
    // node/debian: <version>-<release>-<flavour>
    ['node:20-bookworm-slim', 'node', '20', 'slim', 'debian bookworm', true],
    ['node:20-bookworm', 'node', '20', 'default', 'debian bookworm', true],
    ['node:22', 'node', '22', 'default', 'debian bookworm', false],
    ['node:26-slim', 'node', '26', 'slim', 'debian trixie', false],
    ['node:lts', 'node', 'lts', 'default', 'debian bookworm', false],
    ['node:lts-alpine3.20', 'node', 'lts', 'alpine', 'alpine 3.20', true],
    ['node:iron-slim', 'node', 'iron', 'slim', 'debian bookworm', false],
    ['node:lts-krypton', 'node', 'lts-krypton', 'default', 'debian bookworm', false],
    ['node:bookworm-slim', 'node', null, 'slim', 'debian bookworm', true],
    ['node:24.19.0-trixie-slim', 'node', '24.19.0', 'slim', 'debian trixie', true],
    ['node:14-buster-slim', 'node', '14', 'slim', 'debian buster', true],
    ['debian:bookworm-slim', 'debian', 'bookworm', 'slim', 'debian bookworm', true],
    ['debian:12-slim', 'debian', '12', 'slim', 'debian bookworm', true],
    ['debian:12.5-slim', 'debian', '12.5', 'slim', 'debian bookworm', true],
    ['debian:stable-slim', 'debian', 'stable', 'slim', 'debian trixie', true],
    ['debian:bookworm-20260803-slim', 'debian', 'bookworm', 'slim', 'debian bookworm', true],
    ['debian:stretch-slim', 'debian', 'stretch', 'slim', 'debian stretch', true],
    ['debian', 'debian', null, 'default', 'debian trixie', true],
    ['ubuntu:22.04', 'ubuntu', '22.04', 'default', 'ubuntu jammy', true],
    ['ubuntu:noble-20260810', 'ubuntu', 'noble', 'default', 'ubuntu noble', true],
    ['ubuntu:16.04', 'ubuntu', '16.04', 'default', 'ubuntu xenial', true],
    ['alpine:3.20.3', 'alpine', '3.20.3', 'default', 'alpine 3.20', true],
    ['alpine:latest', 'alpine', null, 'default', 'alpine 3.24', true],
    ['alpine:edge', 'alpine', 'edge', 'default', 'alpine edge', true],
    // golang has no slim
    ['golang:1.27-bookworm', 'golang', '1.27', 'default', 'debian bookworm', true],
    ['golang:1.27', 'golang', '1.27', 'default', 'debian trixie', false],
    ['golang:1.13-alpine', 'golang', '1.13', 'alpine', null, false],
    // eclipse-temurin: <version>-<jdk|jre>-<os>
    ['eclipse-temurin:21-jdk', 'eclipse-temurin', '21', 'jdk', 'ubuntu resolute', false],
    ['eclipse-temurin:21-jre', 'eclipse-temurin', '21', 'jre', 'ubuntu resolute', false],
    ['eclipse-temurin:21-jdk-alpine', 'eclipse-temurin', '21', 'jdk-alpine', 'alpine 3.24', false],
    ['eclipse-temurin:21-jre-alpine-3.22', 'eclipse-temurin', '21', 'jre-alpine', 'alpine 3.22', true],
    ['eclipse-temurin:21-jre-noble', 'eclipse-temurin', '21', 'jre', 'ubuntu noble', true],
    ['eclipse-temurin:21-jre-jammy', 'eclipse-temurin', '21', 'jre', 'ubuntu jammy', true],
    ['eclipse-temurin:17-jre-focal', 'eclipse-temurin', '17', 'jre', 'ubuntu focal', true],
    ['eclipse-temurin:8u502-b07-jdk-ubi9-minimal', 'eclipse-temurin', '8u502-b07', 'jdk-ubi', 'ubi ubi9-minimal', true],
    ['eclipse-temurin:21.0.12_8-jre', 'eclipse-temurin', '21.0.12_8', 'jre', 'ubuntu resolute', false],
    // build tools
    ['maven:3.9-eclipse-temurin-21', 'maven', '3.9', 'eclipse-temurin', 'ubuntu noble', false],
    ['maven:3.9-eclipse-temurin-21-alpine', 'maven', '3.9', 'eclipse-temurin-alpine', 'alpine 3.24', false],
    ['maven:3.8.5-eclipse-temurin-17', 'maven', '3.8.5', 'eclipse-temurin', null, false],
    ['maven:3-eclipse-temurin-17', 'maven', '3', 'eclipse-temurin', 'ubuntu noble', false],
    ['maven:3-jdk-8-alpine', 'maven', '3', 'openjdk-alpine', null, false],
    ['maven:3-amazoncorretto-21-debian-trixie', 'maven', '3', 'amazoncorretto', 'debian trixie', true],
    ['gradle:8-jdk21', 'gradle', '8', 'jdk', null, false],
    ['gradle:8.10-jdk21-alpine', 'gradle', '8.10', 'jdk-alpine', null, false],
    ['gradle:8-jdk21-alpine', 'gradle', '8', 'jdk-alpine', 'alpine 3.24', false],
    ['gradle:9.7.1-jdk21-corretto-al2023', 'gradle', '9.7.1', 'jdk-corretto-al2023', 'amazonlinux 2023', true],
    ['gradle:9-jdk21-corretto', 'gradle', '9', 'jdk-corretto', 'amazonlinux 2023', false],
    // Erlang and Elixir name no release; erlang's lines moved (28.3 was built on bookworm, then trixie).
    ['erlang:28', 'erlang', '28', 'default', 'debian trixie', false],
    ['erlang:28.1.2', 'erlang', '28.1.2', 'default', 'debian bookworm', false],
    ['erlang:28.3', 'erlang', '28.3', 'default', null, false],
    ['erlang:26.1-slim', 'erlang', '26.1', 'slim', 'debian bullseye', false],
    ['erlang:27-alpine', 'erlang', '27', 'alpine', null, false],
    ['elixir:1.18-otp-27-slim', 'elixir', '1.18', 'otp-slim', null, false],
    ['elixir:otp-28-alpine', 'elixir', null, 'otp-alpine', null, false],
    ['julia:1.12-bookworm', 'julia', '1.12', 'default', 'debian bookworm', true],
    // julia's Alpine tags, 1.6 to 1.11, no longer built; 1.6 and 1.8 as last built, with their entrypoint.
    ['julia:1.9.4-alpine3.19', 'julia', '1.9.4', 'alpine', 'alpine 3.19', true],
    ['julia:1.10-alpine', 'julia', '1.10', 'alpine', null, false],
    ['julia:1.6.7-bookworm', 'julia', '1.6.7', 'default', 'debian bookworm', true],
    ['clojure:temurin-21-lein-2.13.0-bookworm-slim', 'clojure', 'temurin-21', 'lein-slim', 'debian bookworm', true],
    ['clojure:temurin-17-tools-deps-jammy', 'clojure', 'temurin-17', 'tools-deps', 'ubuntu jammy', true],
    ['clojure:temurin-21-lein', 'clojure', 'temurin-21', 'lein', 'debian bookworm', false],
    ['clojure:temurin-17-lein', 'clojure', 'temurin-17', 'lein', 'ubuntu noble', false],
    ['clojure:temurin-26-tools-deps', 'clojure', 'temurin-26', 'tools-deps', 'debian bookworm', false],
    ['clojure:temurin-21-alpine', 'clojure', 'temurin-21', 'tools-deps-alpine', null, false],
    ['clojure', 'clojure', null, 'tools-deps', 'debian bookworm', false],
    ['sbtscala/scala-sbt:eclipse-temurin-21.0.8_9_1.12.11_3.8.4', 'sbtscala/scala-sbt', 'eclipse-temurin', 'versions', null, false],
    ['sbtscala/scala-sbt:eclipse-temurin-alpine-25.0.1_8_1.x', 'sbtscala/scala-sbt', 'eclipse-temurin', 'alpine-versions', null, false],
    ['dart:3-sdk', 'dart', '3', 'sdk', null, false],
    ['swift:6.2', 'swift', '6.2', 'default', 'ubuntu noble', false],
    ['swift:6.2-jammy-slim', 'swift', '6.2', 'slim', 'ubuntu jammy', true],
    ['swift:6.2-bookworm-slim', 'swift', '6.2', 'slim', 'debian bookworm', true],
    ['amazonlinux:2', 'amazonlinux', '2', 'default', 'amazonlinux 2', false],
    ['amazonlinux:2023.4.20240319.1', 'amazonlinux', '2023.4.20240319.1', 'default', 'amazonlinux 2023', false],
    ['public.ecr.aws/amazonlinux/amazonlinux:2.0.20240318.0', 'public.ecr.aws/amazonlinux/amazonlinux', '2.0.20240318.0', 'default', 'amazonlinux 2', false],
    ['centos:centos7', 'centos', 'centos7', 'default', 'centos centos7', false],
    ['centos:8.4.2105', 'centos', '8.4.2105', 'default', 'centos centos8', false],
    ['rockylinux:9.3.20231119-minimal', 'rockylinux', '9.3.20231119', 'minimal', 'rockylinux rockylinux9', false],
    ['almalinux:9.5-minimal-20241118', 'almalinux', '9.5', 'minimal', 'almalinux almalinux9', false],
    ['oraclelinux:8-slim-fips', 'oraclelinux', '8', 'slim-fips', 'oraclelinux oraclelinux8', false],
    // Oracle's own registry: the same images under the same tags (podman's short name oraclelinux points there).
    ['container-registry.oracle.com/os/oraclelinux:9', 'container-registry.oracle.com/os/oraclelinux', '9', 'default', 'oraclelinux oraclelinux9', false],
    ['container-registry.oracle.com/os/oraclelinux:8-slim', 'container-registry.oracle.com/os/oraclelinux', '8', 'slim', 'oraclelinux oraclelinux8', false],
    ['container-registry.oracle.com/os/oraclelinux:8.9', 'container-registry.oracle.com/os/oraclelinux', '8.9', 'default', 'oraclelinux oraclelinux8', false],
    ['container-registry.oracle.com/os/oraclelinux:10-slim', 'container-registry.oracle.com/os/oraclelinux', '10', 'slim', 'oraclelinux oraclelinux10', false],
    ['container-registry.oracle.com/os/oraclelinux:9-slim-fips', 'container-registry.oracle.com/os/oraclelinux', '9', 'slim-fips', 'oraclelinux oraclelinux9', false],
    ['php:8.3-apache', 'php', '8.3', 'apache', 'debian trixie', false],
    ['php:8.3-fpm-alpine', 'php', '8.3', 'fpm-alpine', 'alpine 3.24', false],
    ['php:8.3-fpm-alpine3.20', 'php', '8.3', 'fpm-alpine', 'alpine 3.20', true],
    ['php:5.6-fpm-alpine3.8', 'php', '5.6', 'fpm-alpine', 'alpine 3.8', true],
    ['php:8.2-cli-bookworm', 'php', '8.2', 'cli', 'debian bookworm', true],
    ['nginx:1.27-alpine-slim', 'nginx', '1.27', 'alpine-slim', null, false],
    ['nginx:mainline-trixie-perl', 'nginx', 'mainline', 'perl', 'debian trixie', true],
    ['httpd:2.4-alpine', 'httpd', '2.4', 'alpine', 'alpine 3.24', false],
    ['gcc:13', 'gcc', '13', 'default', 'debian bookworm', false],
    ['gcc:16', 'gcc', '16', 'default', 'debian trixie', false],
    ['amazoncorretto:21-alpine3.20-jdk', 'amazoncorretto', '21', 'alpine-jdk', 'alpine 3.20', true],
    ['amazoncorretto:17-al2023-headless', 'amazoncorretto', '17', 'al2023-headless', 'amazonlinux 2023', true],
    ['openjdk:11-jre-slim', 'openjdk', '11', 'jre-slim', 'debian bullseye', false],
    ['openjdk:8-jdk-alpine', 'openjdk', '8', 'jdk-alpine', null, false],
    ['openjdk:11-jdk-slim-buster', 'openjdk', '11', 'jdk-slim', 'debian buster', true],
    ['busybox:1.36-musl', 'busybox', '1.36', 'musl', null, false],
    ['buildpack-deps:bookworm-curl', 'buildpack-deps', 'bookworm', 'curl', 'debian bookworm', true],
    ['buildpack-deps:22.04-scm', 'buildpack-deps', '22.04', 'scm', 'ubuntu jammy', true],
    ['nvidia/cuda:12.2.0-runtime-ubuntu22.04', 'nvidia/cuda', '12.2.0', 'runtime-ubuntu', 'ubuntu jammy', true],
    ['nvidia/cuda:11.8.0-cudnn8-devel-ubuntu20.04', 'nvidia/cuda', '11.8.0', 'cudnn-devel-ubuntu', 'ubuntu focal', true],
    ['nvidia/cuda:12.4.1-base-ubuntu24.04', 'nvidia/cuda', '12.4.1', 'base-ubuntu', 'ubuntu noble', true],
    ['nvidia/cuda:13.0.1-cudnn-runtime-ubuntu24.04', 'nvidia/cuda', '13.0.1', 'cudnn-runtime-ubuntu', 'ubuntu noble', true],
    ['nvidia/cuda:12.1.0-devel-ubi8', 'nvidia/cuda', '12.1.0', 'devel-ubi', 'ubi ubi8', true],
    ['nvidia/cuda:12.3.2-runtime-rockylinux9', 'nvidia/cuda', '12.3.2', 'runtime-rockylinux', 'rockylinux rockylinux9', true],
    ['nvidia/cuda:11.8.0-runtime-centos7', 'nvidia/cuda', '11.8.0', 'runtime-centos', 'centos centos7', true],
    ['nvcr.io/nvidia/cuda:12.6.3-cudnn-runtime-ubuntu22.04', 'nvcr.io/nvidia/cuda', '12.6.3', 'cudnn-runtime-ubuntu', 'ubuntu jammy', true],
  ])('%s', (reference, repository, version, variant, release, named) => {
    expect(summary(reference)).toEqual({ repository, version, variant, release, named });
  });

  it('openjdk: a tag without an OS is Oracle Linux from Java 12 to 26, but for the slim (Debian) tags', () => {
    const distro = (reference: string) => {
      const image = identify(reference)!;
      return [image.release.kind === 'named' ? image.release.release.family : image.release.family, image.facts.packageManager];
    };
    expect(distro('openjdk:17')).toEqual(['oraclelinux', 'microdnf']);
    expect(distro('openjdk:21-jdk')).toEqual(['oraclelinux', 'microdnf']);
    expect(distro('openjdk:17-slim')).toEqual(['debian', 'apt']);
    expect(distro('openjdk:17-jdk-bullseye')).toEqual(['debian', 'apt']);
    expect(distro('openjdk:11')).toEqual(['debian', 'apt']);
    expect(distro('openjdk:27')).toEqual(['debian', 'apt']);
  });

  it('dotnet on mcr.microsoft.com: version, OS, chiseled, composite, extra, aot', () => {
    expect(summary('mcr.microsoft.com/dotnet/aspnet:8.0-alpine')).toEqual({ repository: 'dotnet/aspnet', version: '8.0', variant: 'alpine', release: 'alpine 3.24', named: false });
    expect(summary('mcr.microsoft.com/dotnet/aspnet:8.0')).toEqual({ repository: 'dotnet/aspnet', version: '8.0', variant: 'default', release: 'debian bookworm', named: false });
    expect(summary('mcr.microsoft.com/dotnet/aspnet:10.0')).toEqual({ repository: 'dotnet/aspnet', version: '10.0', variant: 'default', release: 'ubuntu noble', named: false });
    expect(summary('mcr.microsoft.com/dotnet/sdk:8.0-bookworm-slim')).toEqual({ repository: 'dotnet/sdk', version: '8.0', variant: 'default', release: 'debian bookworm', named: true });
    expect(summary('mcr.microsoft.com/dotnet/runtime-deps:8.0-noble-chiseled')).toEqual({ repository: 'dotnet/runtime-deps', version: '8.0', variant: 'chiseled', release: 'ubuntu noble', named: true });
    expect(summary('mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra')?.['variant']).toBe('chiseled-extra');
    expect(summary('mcr.microsoft.com/dotnet/aspnet:10.0.11-noble-chiseled-composite-extra-amd64')?.['variant']).toBe('chiseled-composite-extra');
    expect(summary('mcr.microsoft.com/dotnet/sdk:10.0-noble-aot')?.['variant']).toBe('aot');
    expect(summary('mcr.microsoft.com/dotnet/sdk:9.0-azurelinux3.0')).toEqual({ repository: 'dotnet/sdk', version: '9.0', variant: 'azurelinux', release: 'azurelinux azurelinux3.0', named: true });
    expect(summary('mcr.microsoft.com/dotnet/runtime-deps:10.0-azurelinux3.0-distroless-extra')?.['variant']).toBe('azurelinux-distroless-extra');
    expect(summary('mcr.microsoft.com/dotnet/sdk:11.0-preview')?.['release']).toBe('ubuntu resolute');
  });

  it('dotnet on Alpine: no ICU in the runtime images, ICU in the SDK', () => {
    const icu = (reference: string) => known(reference).facts.notes.some((n) => n.includes('no ICU'));
    expect(icu('mcr.microsoft.com/dotnet/aspnet:8.0-alpine')).toBe(true);
    expect(icu('mcr.microsoft.com/dotnet/runtime-deps:9.0-alpine3.21')).toBe(true);
    expect(icu('mcr.microsoft.com/dotnet/aspnet:8.0')).toBe(false);
    expect(icu('mcr.microsoft.com/dotnet/sdk:8.0-alpine')).toBe(false);
  });

  it('dotnet before 8: Debian, no app user, ASP.NET Core on port 80', () => {
    const six = known('mcr.microsoft.com/dotnet/aspnet:6.0');
    expect(six.release).toMatchObject({ kind: 'repository-default', family: 'debian', release: null });
    expect(six.facts.nonRootUser).toBeNull();
    expect(six.facts.userTools).toBe('shadow');
    expect(six.facts.env).toEqual({ ASPNETCORE_URLS: 'http://+:80' });
    expect(known('mcr.microsoft.com/dotnet/sdk:7.0').facts.env).toEqual({ ASPNETCORE_URLS: '' });
    expect(known('mcr.microsoft.com/dotnet/runtime:6.0').facts.env).toEqual({});
    const eight = known('mcr.microsoft.com/dotnet/aspnet:8.0');
    expect(eight.facts.nonRootUser).toEqual({ name: 'app', uid: 1654, gid: 1654 });
    expect(eight.facts.env).toEqual({ ASPNETCORE_HTTP_PORTS: '8080' });
    expect(known('mcr.microsoft.com/dotnet/aspnet:8.0.11').facts.nonRootUser?.name).toBe('app');
  });

  it('distroless: repository per runtime and Debian release, tags latest/nonroot/debug/debug-nonroot', () => {
    expect(summary('gcr.io/distroless/nodejs20-debian12:nonroot')).toEqual({ repository: 'distroless/nodejs20-debian12', version: null, variant: 'nonroot', release: 'debian bookworm', named: false });
    expect(summary('gcr.io/distroless/static-debian13')?.['variant']).toBe('default');
    expect(summary('gcr.io/distroless/cc-debian12:debug-nonroot')?.['variant']).toBe('debug-nonroot');
    expect(summary('gcr.io/distroless/base-debian12:latest-amd64')?.['variant']).toBe('default');
    expect(summary('gcr.io/distroless/static')?.['release']).toBe('debian trixie');
    expect(summary('gcr.io/distroless/python3-debian13:debug')?.['repository']).toBe('distroless/python3-debian13');
    expect(identify('gcr.io/distroless/nodejs18-debian13')).toBeNull();
    expect(identify('gcr.io/distroless/static-debian12:v1.2')).toBeNull();
  });
});

describe('registry spellings', () => {
  it.each(['python:3.12', 'library/python:3.12', 'docker.io/library/python:3.12', 'index.docker.io/library/python:3.12', 'docker.io/python:3.12', 'DOCKER.IO/library/python:3.12'])(
    '%s is python 3.12',
    (reference) => {
      const image = known(reference);
      expect(image.repository.name).toBe('python');
      expect(image.version).toBe('3.12');
    },
  );

  it.each([
    'myregistry.example.com/python:3.12',
    'localhost:5000/python:3.12',
    'registry-1.docker.io/library/python:3.12',
    'ghcr.io/library/python:3.12',
    'arm64v8/python:3.12',
    'bitnami/python:3.12',
    'mcr.microsoft.com/dotnet/core/aspnet:3.1',
    'gcr.io/distroless-mirror/static',
    'python2:3',
    'cgr.dev/chainguard/node',
    // Tags the tag lists do not show: erlang names no Debian release, julia 1.7 and the patch versions built before
    // its entrypoint are not read, swift's amazonlinux and 5.x tags are not read, elixir before 1.16 is not listed.
    'erlang:28-trixie',
    'julia:1.7-alpine',
    'julia:1.6.3',
    'julia:1.8.1-bullseye',
    'clojure:temurin-21-alpine-slim',
    // sbt's tags that named the OS, and its GraalVM and Corretto ones, are not read.
    'sbtscala/scala-sbt:eclipse-temurin-jammy-17.0.10_7_1.10.0_3.4.2',
    'sbtscala/scala-sbt:graalvm-community-21.0.2_1.9.9_3.3.1',
    'swift:6.3-amazonlinux2',
    'swift:5.10',
    'elixir:1.15-alpine',
    // nvidia/cuda: every tag names the version, the flavour and the OS; there is no latest (removed in 2021).
    'nvidia/cuda',
    'nvidia/cuda:latest',
    'nvidia/cuda:runtime-ubuntu22.04',
    'nvidia/cuda:12.2.0-runtime',
    'nvidia/cuda:12.2.0-ubuntu22.04',
    'nvidia/cuda:12.2.0-cudnn8-base-ubuntu22.04',
    'nvidia/cuda:12.2.0-runtime-ubi7',
    'nvidia/cuda:12.6.3-base-amzn2023',
    'nvidia/cuda:10.2-runtime-ubuntu18.04',
  ])('%s is unknown', (reference) => {
    expect(identify(reference)).toBeNull();
  });

  it('keeps the registry and name as written', () => {
    const image = known('docker.io/library/debian:12.5-slim');
    expect([image.registry, image.name, image.tag]).toEqual(['docker.io', 'library/debian', '12.5-slim']);
    expect(image.release.release?.name).toBe('bookworm');
  });
});

describe('what identification refuses', () => {
  it('tags outside the grammar and Windows tags are unknown', () => {
    for (const reference of ['python:3.12-slim-alpine', 'python:3.12-windowsservercore-ltsc2022', 'golang:1.22-slim', 'node:20-slim-bookworm', 'ubuntu:22.04-slim', 'python:latest-slim', 'python:3.12-bookworm-slim', 'node:20-alpine-slim']) {
      expect(identify(reference), reference).toBeNull();
    }
  });

  it('references with build arguments are left to the caller to resolve', () => {
    const ref = parseImageRef('python:${PYTHON_VERSION}-slim');
    expect(ref?.hasVariables).toBe(true);
    expect(identifyImage(ref!)).toBeNull();
  });

  it('a digest is kept on the identification', () => {
    const image = known('python:3.14-slim@sha256:ce40764625a4ff50df3548277632e7f96c4e77fe75fa848aae9885476e7df5a4');
    expect(image.variant).toBe('slim');
    expect(image.digest).toBe('sha256:ce40764625a4ff50df3548277632e7f96c4e77fe75fa848aae9885476e7df5a4');
    expect(known('docker.io/library/golang:1.26.6-bookworm@sha256:116d58cbd88c1297624acc6e967a060012422bacf9930927e23fb719189c6f36').release.release?.name).toBe('bookworm');
    expect(known('alpine@sha256:28bd5fe8b56d1bd048e5babf5b10710ebe0bae67db86916198a6eec434943f8b').version).toBeNull();
  });
});

describe('facts', () => {
  it('libc, package manager, shell and user tools follow the distro and the variant', () => {
    const facts = (reference: string) => {
      const f = known(reference).facts;
      return [f.libc, f.packageManager, f.shell, f.userTools];
    };
    expect(facts('python:3.12-slim')).toEqual(['glibc', 'apt', '/bin/sh', 'shadow']);
    expect(facts('python:3.12-alpine')).toEqual(['musl', 'apk', '/bin/sh', 'busybox']);
    expect(facts('ubuntu:24.04')).toEqual(['glibc', 'apt', '/bin/sh', 'shadow']);
    expect(facts('eclipse-temurin:21-jre-ubi9-minimal')).toEqual(['glibc', 'microdnf', '/bin/sh', 'none']);
    expect(facts('amazoncorretto:21')).toEqual(['glibc', 'dnf', '/bin/sh', 'none']);
    expect(facts('amazoncorretto:8-al2-jdk')).toEqual(['glibc', 'yum', '/bin/sh', 'none']);
    // maven's openjdk tags: Oracle Linux from Java 12 unless -slim, Debian before (and for -slim).
    expect(facts('maven:3.8.5-openjdk-17')).toEqual(['glibc', 'microdnf', '/bin/sh', 'none']);
    expect(facts('maven:3.8.5-openjdk-17-slim')).toEqual(['glibc', 'apt', '/bin/sh', 'shadow']);
    expect(facts('maven:3.8-jdk-11')).toEqual(['glibc', 'apt', '/bin/sh', 'shadow']);
    expect(facts('maven:3-jdk-8-alpine')).toEqual(['musl', 'apk', '/bin/sh', 'busybox']);
    // maven's Corretto tags without an OS are FROM amazoncorretto:<java>, Amazon Linux 2 or 2023: yum is on both.
    expect(facts('maven:3.9-amazoncorretto-17')).toEqual(['glibc', 'yum', '/bin/sh', 'none']);
    expect(facts('gradle:8.14-jdk21-corretto')).toEqual(['glibc', 'dnf', '/bin/sh', 'shadow']);
    // amazonlinux: yum on 2, dnf on 2023 (latest); neither carries shadow-utils.
    expect(facts('amazonlinux:2')).toEqual(['glibc', 'yum', '/bin/sh', 'none']);
    expect(facts('amazonlinux')).toEqual(['glibc', 'dnf', '/bin/sh', 'none']);
    expect(identify('amazonlinux:1')).toBeNull();
    // CentOS has useradd (systemd needs groupadd) but its repositories are gone; Rocky, Alma and Oracle Linux install shadow-utils.
    expect(facts('centos:7')).toEqual(['glibc', 'yum', '/bin/sh', 'shadow']);
    expect(facts('centos')).toEqual(['glibc', 'dnf', '/bin/sh', 'shadow']);
    expect(facts('rockylinux:9-minimal')).toEqual(['glibc', 'microdnf', '/bin/sh', 'none']);
    expect(facts('almalinux:9')).toEqual(['glibc', 'dnf', '/bin/sh', 'none']);
    expect(facts('almalinux:9-micro')).toEqual(['glibc', 'none', '/bin/sh', 'none']);
    expect(facts('oraclelinux:9')).toEqual(['glibc', 'dnf', '/bin/sh', 'none']);
    expect(facts('oraclelinux:9-slim')).toEqual(['glibc', 'microdnf', '/bin/sh', 'none']);
    for (const unknown of ['centos:6', 'oraclelinux:7-slim', 'rockylinux:9-ubi', 'almalinux:9-init']) expect(identify(unknown)).toBeNull();
    // Docker Hub's tag list dropped \`latest\` in 2020, and only Oracle Linux 8 named point releases.
    for (const unknown of ['oraclelinux', 'oraclelinux:latest', 'oraclelinux:9.5', 'oraclelinux:10.1', 'oraclelinux:8.11', 'oraclelinux:slim']) expect(identify(unknown)).toBeNull();
    for (const known of ['oraclelinux:8.0', 'oraclelinux:8.9', 'oraclelinux:8.10', 'oraclelinux:10']) expect(identify(known)).not.toBeNull();
    // Oracle's registry has the same facts, and no `latest`; Oracle Linux 7 and a -fips without slim are not known there either.
    expect(facts('container-registry.oracle.com/os/oraclelinux:9')).toEqual(facts('oraclelinux:9'));
    expect(facts('container-registry.oracle.com/os/oraclelinux:9-slim')).toEqual(facts('oraclelinux:9-slim'));
    for (const unknown of ['', ':latest', ':7-slim', ':7-slim-fips', ':8-fips', ':slim']) expect(identify(`container-registry.oracle.com/os/oraclelinux${unknown}`)).toBeNull();
    expect(identify('container-registry.oracle.com/oraclelinux:9')).toBeNull();
    // Both have -slim-fips for 8 and 9 only: Oracle Linux 10 has the full and the slim image.
    for (const name of ['oraclelinux', 'container-registry.oracle.com/os/oraclelinux']) {
      expect(identify(`${name}:8-slim-fips`)?.variant).toBe('slim-fips');
      expect(identify(`${name}:9-slim-fips`)?.variant).toBe('slim-fips');
      expect(identify(`${name}:10-slim`)?.variant).toBe('slim');
      expect(identify(`${name}:10`)?.variant).toBe('default');
      expect(identify(`${name}:10-slim-fips`)).toBeNull();
      expect(identify(`${name}:slim-fips`)).toBeNull();
    }
    // Images that carry a user without running as it: gradle (1000) and r-base's docker (1000).
    expect(identify('gradle:8.14-jdk21-alpine')?.facts.nonRootUser).toEqual({ name: 'gradle', uid: 1000, gid: 1000 });
    expect(identify('r-base:4.6.0')?.facts.nonRootUser).toEqual({ name: 'docker', uid: 1000, gid: 1000 });
    expect(identify('r-base')?.facts.user.uid).toBe(0);
    expect(facts('maven:3.9-amazoncorretto-17-al2023')).toEqual(['glibc', 'dnf', '/bin/sh', 'none']);
    expect(facts('maven:3-amazoncorretto-21-debian')).toEqual(['glibc', 'apt', '/bin/sh', 'shadow']);
    expect(facts('maven:3.9-amazoncorretto-21-alpine')).toEqual(['musl', 'apk', '/bin/sh', 'busybox']);
    expect(facts('busybox:musl')).toEqual(['musl', 'none', '/bin/sh', 'busybox']);
    expect(facts('busybox')).toEqual(['glibc', 'none', '/bin/sh', 'busybox']);
    expect(facts('gcr.io/distroless/static-debian12')).toEqual(['none', 'none', null, 'none']);
    expect(facts('gcr.io/distroless/base-debian12:debug')).toEqual(['glibc', 'none', '/busybox/sh', 'none']);
    expect(facts('mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled')).toEqual(['glibc', 'none', null, 'none']);
    expect(facts('mcr.microsoft.com/dotnet/sdk:9.0-azurelinux3.0')).toEqual(['glibc', 'tdnf', '/bin/sh', 'none']);
  });

  it('users: root by default; node ships node (1000); distroless nonroot runs as 65532; chiseled .NET as app (1654)', () => {
    const node = known('node:20-slim').facts;
    expect(node.user).toEqual({ name: 'root', uid: 0 });
    expect(node.nonRootUser).toEqual({ name: 'node', uid: 1000, gid: 1000, home: '/home/node' });
    expect(known('node:20-alpine').facts.nonRootUser?.uid).toBe(1000);
    expect(known('gcr.io/distroless/nodejs22-debian13:nonroot').facts.user).toEqual({ name: 'nonroot', uid: 65532 });
    expect(known('gcr.io/distroless/nodejs22-debian13').facts.user).toEqual({ name: 'root', uid: 0 });
    expect(known('mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled').facts.user).toEqual({ name: 'app', uid: 1654 });
    expect(known('mcr.microsoft.com/dotnet/aspnet:8.0').facts.user).toEqual({ name: 'root', uid: 0 });
    expect(known('python:3.12').facts.nonRootUser).toBeNull();
  });

  it('entrypoints and commands where they matter', () => {
    expect(known('gcr.io/distroless/nodejs22-debian13').facts.entrypoint).toEqual(['/nodejs/bin/node']);
    expect(known('gcr.io/distroless/java21-debian13:nonroot').facts.entrypoint).toEqual(['/usr/bin/java', '-jar']);
    expect(known('gcr.io/distroless/python3-debian13').facts.entrypoint).toEqual(['/usr/bin/python3.13']);
    expect(known('gcr.io/distroless/static-debian13').facts.entrypoint).toBeNull();
    expect(known('node:22-alpine').facts.entrypoint).toEqual(['docker-entrypoint.sh']);
    expect(known('node:22-alpine').facts.cmd).toEqual(['node']);
    // docker-entrypoint.sh came in May 2019 (8.16.0, 10.15.3, 11.15.0, 12.3.1); tags of older versions were never rebuilt.
    for (const old of ['node:8.9-slim', 'node:6', 'node:9-alpine', 'node:10.15.2', 'node:10.14-stretch', 'node:11.14', 'node:12.3.0', 'node:0.12']) {
      expect(known(old).facts.entrypoint, old).toBeNull();
      expect(known(old).facts.entrypointRunsCommand, old).toBe(false);
    }
    for (const recent of ['node:8', 'node:8.16', 'node:10.15', 'node:10.15.3', 'node:11', 'node:12.3', 'node:12.10', 'node:14-alpine', 'node:lts-slim']) {
      expect(known(recent).facts.entrypoint, recent).toEqual(['docker-entrypoint.sh']);
    }
    expect(known('python:3.12-slim').facts.cmd).toEqual(['python3']);
    expect(known('php:8.3-fpm').facts.cmd).toEqual(['php-fpm']);
    expect(known('php:8.3-apache').facts.cmd).toEqual(['apache2-foreground']);
    expect(known('nginx:1.27').facts.cmd).toEqual(['nginx', '-g', 'daemon off;']);
  });

  it('servers that must start as root', () => {
    expect(known('nginx:1.27-alpine').facts.mustStartAsRoot).toMatch(/port 80/);
    expect(known('httpd:2.4').facts.mustStartAsRoot).toMatch(/port 80/);
    expect(known('php:8.3-apache').facts.mustStartAsRoot).toMatch(/port 80/);
    expect(known('php:8.3-fpm').facts.mustStartAsRoot).toBeNull();
    expect(known('python:3.12').facts.mustStartAsRoot).toBeNull();
  });

  it("LinuxServer.io's base images: s6-overlay's /init as ENTRYPOINT, started as root, on each registry and tag spelling", () => {
    for (const ref of ['ghcr.io/linuxserver/baseimage-alpine:3.22', 'ghcr.io/linuxserver/baseimage-alpine:arm64v8-3.23', 'lscr.io/linuxserver/baseimage-ubuntu:noble',
      'linuxserver/baseimage-debian:bookworm', 'ghcr.io/linuxserver/baseimage-alpine:3.20-8f0a9bc1-ls12', 'ghcr.io/linuxserver/baseimage-alpine-nginx:3.22',
      'ghcr.io/linuxserver/baseimage-alpine-nginx:arm64v8-3.22']) {
      const image = known(ref);
      expect(image.facts.entrypoint, ref).toEqual(['/init']);
      expect(image.facts.mustStartAsRoot, ref).toMatch(/s6-overlay/);
      expect(image.facts.userTools, ref).toBe('shadow');
    }
    expect(known('ghcr.io/linuxserver/baseimage-alpine:3.22').facts.packageManager).toBe('apk');
    expect(known('lscr.io/linuxserver/baseimage-ubuntu:jammy').facts.packageManager).toBe('apt');
    // An application image built on them is not one of them.
    expect(identify('lscr.io/linuxserver/nginx:latest')).toBeNull();
    expect(identify('ghcr.io/linuxserver/baseimage-alpine:noble')).toBeNull();
    expect(known('ghcr.io/linuxserver/baseimage-alpine-nginx:3.22').facts.packageManager).toBe('apk');
    expect(identify('ghcr.io/linuxserver/baseimage-alpine-nginx:noble')).toBeNull();
  });

  it("nvidia/cuda: the OS image's package manager and users, root, and NVIDIA's entrypoint on runtime and devel", () => {
    const runtime = known('nvidia/cuda:12.2.0-runtime-ubuntu22.04').facts;
    expect([runtime.packageManager, runtime.userTools, runtime.user.name, runtime.nonRootUser, runtime.shell, runtime.workdir]).toEqual(['apt', 'shadow', 'root', null, '/bin/sh', '/']);
    expect([runtime.entrypoint, runtime.entrypointRunsCommand, runtime.cmd]).toEqual([['/opt/nvidia/nvidia_entrypoint.sh'], true, null]);
    expect(known('nvidia/cuda:11.8.0-cudnn8-devel-ubuntu20.04').facts.entrypoint).toEqual(['/opt/nvidia/nvidia_entrypoint.sh']);
    const base = known('nvidia/cuda:12.4.1-base-ubuntu24.04').facts;
    expect([base.entrypoint, base.entrypointRunsCommand]).toEqual([null, false]);
    const ubi = known('nvidia/cuda:12.1.0-devel-ubi8').facts;
    expect([ubi.packageManager, ubi.userTools]).toEqual(['dnf', 'none']);
    const rocky = known('nvidia/cuda:12.3.2-runtime-rockylinux9').facts;
    expect([rocky.packageManager, rocky.userTools]).toEqual(['dnf', 'none']);
    expect(known('nvidia/cuda:11.8.0-runtime-centos7').facts.packageManager).toBe('yum');
  });

  it('full images carry build tools; slim, alpine and runtime images do not', () => {
    expect(known('python:3.12').facts.buildTools).toBe(true);
    expect(known('node:20-bookworm').facts.buildTools).toBe(true);
    expect(known('python:3.12-slim').facts.buildTools).toBe(false);
    expect(known('node:20-bookworm-slim').facts.buildTools).toBe(false);
    expect(known('buildpack-deps:bookworm-curl').facts.buildTools).toBe(false);
    expect(known('debian:bookworm').facts.buildTools).toBe(false);
  });

  it('a tag without a release says it is the repository default, with its source', () => {
    const release = known('python:3.12').release;
    expect(release.kind).toBe('repository-default');
    if (release.kind !== 'repository-default') return;
    expect(release.release?.name).toBe('trixie');
    expect(release.source.url).toMatch(/^https:\/\/github\.com\/docker-library\/official-images\/blob\/[0-9a-f]{40}\/library\/python$/);
    // No longer built: its last build, 3.7.17, was made on bullseye and made again on bookworm.
    const old = known('python:3.7').release;
    expect(old.kind === 'repository-default' && old.release).toBeNull();
  });

  it('a version tag takes the release its builds used, from the tag list history', () => {
    const release = (reference: string) => summary(reference)?.['release'];
    // node 20 moved to bookworm at 20.3.0 and was rebuilt on it until its last build.
    expect(release('node:20-slim')).toBe('debian bookworm');
    expect(release('node:20.11.1-slim')).toBe('debian bookworm');
    expect(release('node:20.2.0')).toBe('debian bullseye');
    expect(release('node:18')).toBe('debian bookworm');
    // rust builds only its newest release: rust:1.77 kept its last build, on bookworm.
    expect(release('rust:1.77')).toBe('debian bookworm');
    expect(release('rust:1.80-slim')).toBe('debian bookworm');
    expect(release('rust:1.72')).toBe('debian bookworm');
    expect(release('rust:1.71')).toBe('debian bullseye');
    expect(release('rust:1.90')).toBe('debian trixie');
    expect(release('rust:1.98')).toBe('debian trixie');
    // A patch tag of a line still built is not today's release.
    expect(release('python:3.12.4-slim')).toBe('debian bookworm');
    expect(release('python:3.12')).toBe('debian trixie');
    expect(release('golang:1.22')).toBe('debian bookworm');
    expect(release('golang:1.20.4')).toBe('debian bullseye');
    expect(release('ruby:3.2')).toBe('debian trixie');
    // Not recorded: before the tags named their release.
    expect(release('node:7')).toBeNull();
    // Alpine tags keep their own rules.
    expect(release('node:20-alpine')).toBeNull();
  });

  it('a tag built on one release and rebuilt on the next has no release, and says so', () => {
    for (const [reference, from, to, date] of [
      ['rust:1.89', 'bookworm', 'trixie', '2025-08-19'],
      ['rust:1.89.0-slim', 'bookworm', 'trixie', '2025-08-19'],
      ['node:20.3.0', 'bullseye', 'bookworm', '2023-06-11'],
      ['node:20.3', 'bullseye', 'bookworm', '2023-06-11'],
      ['python:3.7', 'bullseye', 'bookworm', '2023-06-13'],
      ['golang:1.24.6', 'bookworm', 'trixie', '2025-08-12'],
    ] as const) {
      const image = known(reference);
      expect(image.release, reference).toMatchObject({ kind: 'repository-default', release: null, moved: { from, to, date } });
      expect(unknownReleaseWhy(image)).toBe(`${reference} was built on ${from}, then rebuilt on ${to} (${date}), so an image pulled or cached under that tag may be either`);
    }
    expect(unknownReleaseWhy(known('node:7'))).toBe('node:7 names no Debian release the knowledge base records');
  });

  it('eclipse-temurin and openjdk tags take the Ubuntu or Debian release their version was built on', () => {
    const release = (reference: string) => summary(reference)?.['release'];
    // Lines no longer built keep their last build.
    expect(release('eclipse-temurin:20')).toBe('ubuntu jammy');
    expect(release('eclipse-temurin:22-jre')).toBe('ubuntu noble');
    expect(release('eclipse-temurin:16-jdk')).toBe('ubuntu focal');
    // Version tags of lines still built: the release of their time, not today's resolute.
    expect(release('eclipse-temurin:17.0.5_8-jre')).toBe('ubuntu jammy');
    expect(release('eclipse-temurin:17.0.2_8-jdk')).toBe('ubuntu focal');
    expect(release('eclipse-temurin:8u342-b07-jdk')).toBe('ubuntu jammy');
    expect(release('eclipse-temurin:17')).toBe('ubuntu resolute');
    // openjdk: the full and slim tags moved apart; from 12 only the slim ones are Debian.
    expect(release('openjdk:11')).toBe('debian bullseye');
    expect(release('openjdk:8u181-jre')).toBe('debian stretch');
    expect(release('openjdk:8u222-slim')).toBe('debian buster');
    expect(release('openjdk:8u232-jre')).toBe('debian stretch');
    expect(release('openjdk:17-slim')).toBe('debian bullseye');
    expect(release('openjdk:17')).toBeNull();
    expect(known('openjdk:17').release).toMatchObject({ family: 'oraclelinux', release: null });
  });

  it('a Java version built on one release and rebuilt on the next has none', () => {
    for (const [reference, from, to, date] of [
      ['eclipse-temurin:17.0.3_7-jdk', 'focal', 'jammy', '2022-05-26'],
      ['eclipse-temurin:8u332-b09-jre', 'focal', 'jammy', '2022-05-26'],
      ['eclipse-temurin:11.0.31_11-jre', 'noble', 'resolute', '2026-05-08'],
      ['openjdk:16-slim', 'buster', 'bullseye', '2021-08-25'],
      ['openjdk:8u212-slim', 'stretch', 'buster', '2019-07-15'],
      ['openjdk:8u212-b04-jre-slim', 'stretch', 'buster', '2019-07-15'],
      ['openjdk:11.0.1', 'sid', 'stretch', '2018-12-24'],
    ] as const) {
      expect(known(reference).release, reference).toMatchObject({ kind: 'repository-default', release: null, moved: { from, to, date } });
    }
  });
});

describe('images outside the language lines', () => {
  it.each([
    ['registry.access.redhat.com/ubi9/ubi', 'dnf', 'none', 'ubi ubi9'],
    ['registry.access.redhat.com/ubi8:8.9', 'dnf', 'none', 'ubi ubi8'],
    ['registry.redhat.io/ubi9/ubi-minimal:9.4-1194', 'microdnf', 'none', 'ubi ubi9'],
    ['registry.access.redhat.com/ubi9/ubi-micro', 'none', 'none', 'ubi ubi9'],
    ['registry.access.redhat.com/ubi10-minimal', 'microdnf', 'none', 'ubi ubi10'],
    ['fedora:44', 'dnf', 'none', null],
    ['registry.fedoraproject.org/fedora:38', 'dnf', 'none', null],
    ['opensuse/leap:15.6', 'zypper', 'none', null],
    ['perl:5.40-slim-threaded-bookworm', 'apt', 'shadow', 'debian bookworm'],
    ['perl', 'apt', 'shadow', 'debian trixie'],
    ['composer:2', 'apk', 'busybox', 'alpine 3.24'],
    ['continuumio/miniconda3:24.5.0-0', 'apt', 'shadow', null],
    ['oven/bun:1.1-slim', 'apt', 'shadow', null],
    ['oven/bun:alpine', 'apk', 'busybox', null],
  ])('%s: %s, user tools %s, release %s', (reference, packageManager, userTools, release) => {
    const image = known(reference);
    expect([image.facts.packageManager, image.facts.userTools]).toEqual([packageManager, userTools]);
    expect(summary(reference)?.['release']).toBe(release);
  });

  it('users, entrypoints and commands as their Dockerfiles set them', () => {
    expect(known('oven/bun:1').facts).toMatchObject({ nonRootUser: { name: 'bun', uid: 1000, gid: 1000 }, entrypoint: ['/usr/local/bin/docker-entrypoint.sh'], entrypointRunsCommand: true, cmd: ['/usr/local/bin/bun'] });
    expect(known('oven/bun:distroless').facts).toMatchObject({ nonRootUser: { name: 'nonroot', uid: 65532 }, shell: null, entrypoint: ['/usr/local/bin/bun'], cmd: null });
    expect(known('composer').facts).toMatchObject({ nonRootUser: null, entrypoint: ['/docker-entrypoint.sh'], cmd: ['composer'], bash: true });
    expect(known('continuumio/miniconda3').facts).toMatchObject({ nonRootUser: null, entrypoint: null, cmd: ['/bin/bash'] });
    expect(known('fedora').facts.cmd).toEqual(['/bin/bash']);
    for (const reference of ['perl', 'fedora', 'opensuse/leap', 'registry.access.redhat.com/ubi9/ubi']) expect(known(reference).facts.user.uid, reference).toBe(0);
    // Tags from before 4.7 ran tini as ENTRYPOINT: not identified rather than described wrongly.
    expect(identify('continuumio/miniconda3:4.6.14')).toBeNull();
  });

  it("Prometheus's images run as nobody from the version whose Dockerfile says so; older tags and blackbox_exporter's are not known", () => {
    const nobody = { user: { name: 'nobody', uid: 65534 }, nonRootUser: { name: 'nobody', uid: 65534, gid: 65534 }, shell: '/bin/sh', packageManager: 'none' };
    expect(known('prom/prometheus:v2.53.0').facts).toMatchObject({ ...nobody, workdir: '/prometheus', entrypoint: ['/bin/prometheus'] });
    for (const reference of ['prom/prometheus', 'quay.io/prometheus/prometheus:v3.5.0', 'prom/prometheus:v2.0.0-rc.3', 'prom/alertmanager:v0.27.0', 'quay.io/prometheus/node-exporter:v1.8.2', 'prom/pushgateway:v1.9.0']) {
      expect(known(reference).facts, reference).toMatchObject(nobody);
    }
    for (const reference of ['prom/prometheus:v1.8.2', 'prom/prometheus:v2.0.0-alpha.3', 'prom/alertmanager:v0.15.3', 'prom/node-exporter:v0.14.0', 'prom/pushgateway:v0.7.0', 'prom/blackbox-exporter:v0.25.0', 'prom/prometheus:v3.5.0-distroless']) {
      expect(identify(reference), reference).toBeNull();
    }
  });
});
