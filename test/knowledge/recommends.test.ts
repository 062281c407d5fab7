import { describe, expect, it } from 'vitest';
import { identify } from '../../src/knowledge/identify.js';
import { MICRODNF_WEAK_DEPS, OLD_TOOLS, RECOMMENDS, oldToolRelease, recommendsOf, rhelToolVerdict } from '../../src/knowledge/recommends.js';
import { foreignArchitecture, packageOperandName } from '../../src/knowledge/packageNames.js';

const DEBIAN_NAME = /^[a-z0-9][a-z0-9.+-]+$/;

describe('recommends data', () => {
  it('every fact names real-looking packages, says why, and where it was checked', () => {
    for (const f of [...RECOMMENDS, ...OLD_TOOLS]) {
      expect(f.source.how.length, JSON.stringify(f)).toBeGreaterThan(10);
      expect(f.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const f of RECOMMENDS) {
      for (const p of [...f.packages, ...f.install, ...f.satisfiedBy]) expect(p, f.because).toMatch(DEBIAN_NAME);
      expect(f.install.length).toBeGreaterThan(0);
      expect(f.because).toMatch(/recommend/);
    }
  });

  it('finds the facts for a package as apt-get install names it', () => {
    expect(recommendsOf('curl').map((f) => f.install)).toEqual([['ca-certificates']]);
    expect(recommendsOf('curl=7.88.1-10+deb12u5').map((f) => f.install)).toEqual([['ca-certificates']]);
    expect(recommendsOf('gcc-12').map((f) => f.install)).toEqual([['libc6-dev']]);
    expect(recommendsOf('git').map((f) => f.use).sort()).toEqual(['ssh', 'tls']);
    expect(recommendsOf('python3-pip:amd64').map((f) => f.install)).toEqual([['build-essential', 'python3-dev']]);
    expect(recommendsOf('g++')).toEqual([]);
    expect(recommendsOf('build-essential')).toEqual([]);
    expect(packageOperandName('libc6-dev:arm64')).toBe('libc6-dev');
    expect(packageOperandName('nginx/bookworm-backports')).toBe('nginx');
    // apk's and dnf's version constraints.
    expect(packageOperandName('python3~=3.11')).toBe('python3');
    expect(packageOperandName('nginx>1.24')).toBe('nginx');
    expect(packageOperandName('g++<13')).toBe('g++');
    expect(packageOperandName('docker-cli@community')).toBe('docker-cli');
    expect(packageOperandName('@development-tools')).toBe('');
    expect(foreignArchitecture('libpq-dev:arm64')).toBe(true);
    expect(foreignArchitecture('libpq-dev:arm64=16.1-1')).toBe(true);
    expect(foreignArchitecture('libpq-dev')).toBe(false);
    expect(foreignArchitecture('python3:native')).toBe(false);
    expect(foreignArchitecture('nodejs:18')).toBe(false);
    // A local package file, by Debian's file name or by the name alone; a word without a slash is a package name.
    expect(packageOperandName('/tmp/chromium/chromium-common.deb')).toBe('chromium-common');
    expect(packageOperandName('./influxdb_1.11.8-1_amd64.deb')).toBe('influxdb');
    expect(recommendsOf('/tmp/chromium/chromium.deb').map((f) => f.use)).toEqual(['web-fonts', 'chromium-sandbox']);
    // ImageMagick's libraries by their Debian 12, Debian 13 (ImageMagick 7) and Ubuntu 24.04 (t64) names; not other libraries.
    for (const name of ['imagemagick', 'libmagickwand-dev', 'libmagickcore-6.q16-6', 'libmagickwand-7.q16-10', 'libmagickcore-6.q16-7t64', 'libmagick++-6.q16-8', 'imagemagick-7.q16', 'php8.2-imagick', 'libgraphicsmagick-q16-3t64']) {
      expect(recommendsOf(name).map((f) => f.install), name).toEqual([['ghostscript']]);
    }
    expect(recommendsOf('libmagic1')).toEqual([]);
  });

  it('knows the releases whose pip and apk lack the flag', () => {
    expect(oldToolRelease('pip', 'library/ubuntu', '14.04')?.release).toMatch(/14\.04/);
    expect(oldToolRelease('pip', 'library/ubuntu', 'trusty-20191217')?.release).toMatch(/14\.04/);
    expect(oldToolRelease('pip', 'library/debian', 'jessie-slim')?.release).toMatch(/jessie/);
    expect(oldToolRelease('pip', 'library/debian', '8.11')?.release).toMatch(/jessie/);
    expect(oldToolRelease('pip', 'library/ubuntu', '16.04')).toBeNull();
    expect(oldToolRelease('pip', 'library/debian', '80')).toBeNull();
    expect(oldToolRelease('pip', 'library/python', '2.7-jessie')).toBeNull();
    expect(oldToolRelease('apk', 'library/alpine', '3.2')?.release).toMatch(/3\.2/);
    expect(oldToolRelease('apk', 'library/alpine', '3.1.4')?.release).toMatch(/3\.2/);
    expect(oldToolRelease('apk', 'library/alpine', '3.20')).toBeNull();
    expect(oldToolRelease('apk', 'library/alpine', '3.3')).toBeNull();
    expect(oldToolRelease('apk', 'library/alpine', null)).toBeNull();
  });

  it("reads microdnf's --setopt=install_weak_deps from the RHEL release the image's tag names", () => {
    const verdict = (reference: string) => rhelToolVerdict(MICRODNF_WEAK_DEPS, identify(reference)!);
    expect(verdict('registry.access.redhat.com/ubi8/ubi-minimal:8.1')).toEqual({ kind: 'lacks', release: 'UBI 8.1' });
    expect(verdict('registry.access.redhat.com/ubi8/ubi-minimal:8.2-349')).toEqual({ kind: 'lacks', release: 'UBI 8.2' });
    expect(verdict('redhat/ubi8-minimal:8.0')).toEqual({ kind: 'lacks', release: 'UBI 8.0' });
    expect(verdict('oraclelinux:8.2-slim')).toEqual({ kind: 'lacks', release: 'Oracle Linux 8.2' });
    expect(verdict('container-registry.oracle.com/os/oraclelinux:8.2-slim')).toEqual({ kind: 'lacks', release: 'Oracle Linux 8.2' });
    for (const has of [
      'registry.access.redhat.com/ubi8/ubi-minimal:8.3',
      'registry.access.redhat.com/ubi8/ubi-minimal:8.10-1018',
      'registry.access.redhat.com/ubi8/ubi-minimal:8',
      'registry.access.redhat.com/ubi8/ubi-minimal',
      'registry.access.redhat.com/ubi9/ubi-minimal',
      'registry.access.redhat.com/ubi9/ubi-minimal@sha256:' + '0'.repeat(64),
      'registry.redhat.io/ubi10/ubi-minimal:10.0',
      'eclipse-temurin:21-ubi9-minimal',
      'rockylinux:8-minimal',
      'almalinux:8.10-minimal',
      'oraclelinux:8-slim',
      'container-registry.oracle.com/os/oraclelinux:8-slim',
      'container-registry.oracle.com/os/oraclelinux:9-slim-fips',
    ]) {
      expect(verdict(has), has).toEqual({ kind: 'has' });
    }
    expect(verdict('registry.access.redhat.com/ubi8/openjdk-17:1.14')).toEqual({ kind: 'unknown', why: 'the tag of registry.access.redhat.com/ubi8/openjdk-17:1.14 names no minor release of UBI 8' });
    expect(verdict('openjdk:17-oraclelinux8').kind).toBe('unknown');
    expect(verdict('registry.access.redhat.com/ubi8/ubi-minimal@sha256:' + '0'.repeat(64)).kind).toBe('unknown');
    expect(verdict('fedora:40')).toEqual({ kind: 'unknown', why: 'fedora:40 is not known to be built from a release of RHEL' });
  });
});
