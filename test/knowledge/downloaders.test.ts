import { describe, expect, it } from 'vitest';
import { downloadToolsOf, hasCaCertificates, identify, INIT_PROGRAMS, TINI_STATIC, tiniPackage, type IdentifiedImage } from '../../src/knowledge/index.js';

const image = (ref: string): IdentifiedImage => {
  const i = identify(ref);
  if (i === null) throw new Error(`${ref} is not identified`);
  return i;
};
const tools = (ref: string) => {
  const t = downloadToolsOf(image(ref));
  return { curl: t.curl, wget: t.wget, ca: t.caCertificates };
};

describe('download tools of base images', () => {
  it('full language images carry buildpack-deps curl layer, their slim and Debian siblings do not', () => {
    expect(tools('python:3.12')).toEqual({ curl: true, wget: true, ca: true });
    expect(tools('node:22-bookworm')).toEqual({ curl: true, wget: true, ca: true });
    expect(tools('golang:1.27')).toEqual({ curl: true, wget: true, ca: true });
    expect(tools('node:22-bookworm-slim')).toEqual({ curl: false, wget: false, ca: false });
    expect(tools('debian:bookworm')).toEqual({ curl: false, wget: false, ca: false });
    expect(tools('ubuntu:24.04')).toEqual({ curl: false, wget: false, ca: false });
  });

  it('has a CA bundle on distroless (which has no download tools), Alpine and python slim; not on Debian slim', () => {
    expect(hasCaCertificates(image('gcr.io/distroless/base-debian12'))).toBe(true);
    expect(hasCaCertificates(image('gcr.io/distroless/static-debian12'))).toBe(true);
    expect(hasCaCertificates(image('alpine:3.20'))).toBe(true);
    expect(hasCaCertificates(image('python:3.12-slim'))).toBe(true);
    expect(hasCaCertificates(image('debian:bullseye-slim'))).toBe(false);
  });

  it('python slim keeps only the CA bundle; php keeps curl', () => {
    expect(tools('python:3.12-slim')).toEqual({ curl: false, wget: false, ca: true });
    expect(tools('php:8.4-cli')).toEqual({ curl: true, wget: false, ca: true });
  });

  it('Alpine has busybox wget, with TLS from 3.8 on; an unrecorded release is not assumed', () => {
    expect(tools('alpine:3.20')).toEqual({ curl: false, wget: true, ca: true });
    expect(tools('alpine:3.7')).toEqual({ curl: false, wget: true, ca: false });
    expect(tools('python:3.12-alpine')).toEqual({ curl: false, wget: true, ca: true });
    expect(tools('node:20-alpine')).toEqual({ curl: false, wget: true, ca: false });
  });

  it('Amazon Linux 2023 (and Corretto on it) has curl-minimal and the CA bundle; Amazon Linux 2 is not recorded', () => {
    expect(tools('amazonlinux:2023')).toEqual({ curl: true, wget: false, ca: true });
    expect(tools('amazoncorretto:21-al2023')).toEqual({ curl: true, wget: false, ca: true });
    expect(tools('amazonlinux:2')).toEqual({ curl: false, wget: false, ca: false });
  });

  it("nvidia/cuda keeps the CA bundle on Ubuntu (curl is purged) and the OS image's curl on the Red Hat family", () => {
    expect(tools('nvidia/cuda:12.2.0-runtime-ubuntu22.04')).toEqual({ curl: false, wget: false, ca: true });
    expect(tools('nvcr.io/nvidia/cuda:12.4.1-base-ubuntu24.04')).toEqual({ curl: false, wget: false, ca: true });
    expect(tools('nvidia/cuda:12.1.0-devel-ubi8')).toEqual({ curl: true, wget: false, ca: true });
    expect(tools('nvidia/cuda:12.3.2-runtime-rockylinux9')).toEqual({ curl: true, wget: false, ca: true });
  });

  it('busybox fetches only http, distroless nothing', () => {
    expect(tools('busybox:1.36')).toEqual({ curl: false, wget: true, ca: false });
    expect(tools('gcr.io/distroless/static-debian12')).toEqual({ curl: false, wget: false, ca: false });
  });

  it('says where each fact comes from', () => {
    for (const ref of ['python:3.12', 'alpine:3.20', 'php:8.4-cli', 'python:3.12-slim']) {
      const t = downloadToolsOf(image(ref));
      expect(t.sources.length, ref).toBeGreaterThan(0);
      for (const s of t.sources) expect(s.url).toMatch(/^https:\/\//);
    }
  });
});

describe('tini', () => {
  it('is /usr/bin/tini from apt on Debian 10+ and Ubuntu 20.04+, /sbin/tini from apk', () => {
    expect(tiniPackage(image('debian:bookworm-slim'))).toMatchObject({ manager: 'apt', path: '/usr/bin/tini' });
    expect(tiniPackage(image('ubuntu:22.04'))).toMatchObject({ manager: 'apt', path: '/usr/bin/tini' });
    expect(tiniPackage(image('node:22-alpine3.20'))).toMatchObject({ manager: 'apk', path: '/sbin/tini' });
    expect(tiniPackage(image('alpine:edge'))).toMatchObject({ manager: 'apk' });
    // A version tag takes the release it was built on: node 20 is bookworm.
    expect(tiniPackage(image('node:20-slim'))).toMatchObject({ manager: 'apt', path: '/usr/bin/tini' });
    // Built on bullseye, then rebuilt on bookworm: both package tini.
    expect(tiniPackage(image('node:20.3.0-slim'))).toMatchObject({ manager: 'apt', path: '/usr/bin/tini' });
  });

  it('is not offered where the release predates the package, is unrecorded, or has no such package', () => {
    expect(tiniPackage(image('debian:stretch'))).toHaveProperty('unavailable');
    expect(tiniPackage(image('ubuntu:18.04'))).toHaveProperty('unavailable');
    expect(tiniPackage(image('node:8-slim'))).toHaveProperty('unavailable');
    // Built on jessie, then rebuilt on stretch: jessie has no tini.
    expect(tiniPackage(image('node:10.13.0'))).toEqual({ unavailable: 'node:10.13.0 may be debian 8 (it was built on jessie, then rebuilt on stretch), which does not package tini; 10 and later do' });
    expect(tiniPackage(image('node:7'))).toEqual({ unavailable: 'node:7 names no Debian release the knowledge base records, and only debian 10 and later package tini' });
    expect(tiniPackage(image('amazoncorretto:21'))).toHaveProperty('unavailable');
    expect(tiniPackage(image('busybox:1.36'))).toEqual({ unavailable: 'busybox:1.36 has no package manager' });
  });

  it('has a static build to copy in, from the Alpine the knowledge base calls current', () => {
    expect(TINI_STATIC.image).toMatch(/^alpine:3\.\d+$/);
    expect(identify(TINI_STATIC.image)).not.toBeNull();
    expect(TINI_STATIC.path).toBe('/sbin/tini-static');
  });

  it('knows the common inits by program name', () => {
    for (const name of ['tini', 'dumb-init', 'catatonit', 'supervisord', 's6-svscan', 'init']) expect(INIT_PROGRAMS).toHaveProperty(name);
  });
});
