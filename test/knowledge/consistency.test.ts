import { describe, expect, it } from 'vitest';
import {
  EXPORTED_ENVIRONMENT,
  exportedEnvironment,
  APT_TO_APK,
  BUILDPACK_DEPS_TOOLS,
  compareVersions,
  DISTROLESS_IMAGES,
  FAMILY_FACTS,
  identify,
  MUSL_TROUBLE,
  REPOSITORIES,
  RPM_TO_APK,
  referenceText,
  renderTag,
  siblingsOfImage,
  type AxisOption,
  type IdentifiedImage,
  type PackageMapEntry,
  type RepositoryEntry,
  type Source,
} from '../../src/knowledge/index.js';

/** A token that names an option in a tag: its render text, or a sample release for codename options. */
function sampleToken(repo: RepositoryEntry, option: AxisOption): string {
  if (option.render !== '') return option.render;
  const family = option.release?.from === 'codename' ? option.release.family : null;
  const codename = family === 'ubuntu' ? 'noble' : 'bookworm';
  return new RegExp(`^(?:${option.pattern})$`).test(codename) ? codename : `${codename}-slim`;
}

/** Every combination of axis options, as tags with and without a version (arch/date left out). */
function sampleTags(repo: RepositoryEntry): string[] {
  const axes = repo.axes.filter((a) => a.name !== 'arch' && a.name !== 'date');
  let combos: Record<string, string>[] = [{}];
  for (const axis of axes) {
    combos = combos.flatMap((c) => [{ ...c, [axis.name]: '' }, ...axis.options.map((o) => ({ ...c, [axis.name]: sampleToken(repo, o) }))]);
  }
  const versions = repo.latest === '' ? [null] : [repo.latest, null];
  return combos.flatMap((tokens) => versions.map((v) => renderTag(repo, v, tokens))).map((t) => t ?? 'latest');
}

function referenceOf(repo: RepositoryEntry, tag: string): string {
  const name = repo.registry === null ? repo.path.replace(/^library\//, '') : repo.path;
  return referenceText({ registry: repo.registry, name }, tag);
}

/** Every variant of every repository the grammars can write. */
const variants: IdentifiedImage[] = REPOSITORIES.flatMap((repo) =>
  sampleTags(repo)
    .map((tag) => identify(referenceOf(repo, tag)))
    .filter((i): i is IdentifiedImage => i !== null),
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function expectSource(source: Source, what: string): void {
  expect(source.url, what).toMatch(/^https:\/\/\S+$/);
  expect(source.checked, what).toMatch(ISO_DATE);
}

describe('knowledge base consistency', () => {
  it('covers the repositories the transforms need', () => {
    const names = REPOSITORIES.map((r) => r.name);
    for (const name of ['debian', 'ubuntu', 'alpine', 'busybox', 'node', 'python', 'ruby', 'golang', 'rust', 'eclipse-temurin', 'openjdk', 'amazoncorretto', 'maven', 'gradle', 'php', 'dotnet/sdk', 'dotnet/aspnet', 'dotnet/runtime', 'dotnet/runtime-deps', 'nginx', 'httpd', 'gcc', 'perl', 'composer', 'fedora', 'registry.fedoraproject.org/fedora', 'opensuse/leap', 'oven/bun', 'continuumio/miniconda3', 'registry.access.redhat.com/ubi9/ubi', 'registry.access.redhat.com/ubi9/ubi-minimal', 'registry.access.redhat.com/ubi9/ubi-micro', 'registry.access.redhat.com/ubi8']) {
      expect(names, name).toContain(name);
    }
    for (const name of ['static', 'base', 'cc', 'nodejs22', 'java21', 'python3']) {
      expect(names.some((n) => n.startsWith(`distroless/${name}-debian`)), name).toBe(true);
    }
    expect(new Set(REPOSITORIES.map((r) => `${r.registry}/${r.path}`)).size).toBe(REPOSITORIES.length);
    expect(variants.length).toBeGreaterThan(400);
  });

  it('every option a sibling rule writes is a token its own pattern reads', () => {
    for (const repo of REPOSITORIES) {
      for (const rule of repo.siblings) {
        for (const [axisName, id] of Object.entries(rule.to)) {
          if (id === '') continue;
          const option = repo.axes.find((a) => a.name === axisName)?.options.find((o) => o.id === id);
          expect(option, `${repo.name} ${rule.kind}: ${axisName}=${id}`).toBeDefined();
          expect(new RegExp(`^(?:${option!.pattern})$`).test(option!.render), `${repo.name} ${axisName}=${id} writes ${option!.render}`).toBe(true);
        }
      }
    }
  });

  it('no variant without libc, shell, package manager, user tools and user facts', () => {
    for (const image of variants) {
      const f = image.facts;
      const what = image.raw;
      expect(['glibc', 'musl', 'uclibc', 'none'], what).toContain(f.libc);
      expect(['apt', 'apk', 'dnf', 'microdnf', 'yum', 'tdnf', 'zypper', 'none'], what).toContain(f.packageManager);
      expect(f.shell === null || f.shell.startsWith('/'), what).toBe(true);
      expect(['shadow', 'busybox', 'none'], what).toContain(f.userTools);
      expect(Number.isInteger(f.user.uid), what).toBe(true);
      // Facts that contradict each other.
      if (f.packageManager === 'apk') expect(f.libc, what).toBe('musl');
      if (f.shell === null) expect(f.packageManager, what).toBe('none');
      if (image.release.release?.family === 'alpine') expect(f.libc, what).toBe('musl');
    }
  });

  it('every sibling resolves to an entry and round-trips: same version, the rule\'s options, the same release when kept', () => {
    let count = 0;
    for (const image of variants) {
      for (const sibling of siblingsOfImage(image)) {
        count++;
        const again = identify(sibling.reference);
        expect(again, `${image.raw} → ${sibling.reference}`).not.toBeNull();
        expect(again!.variant).toBe(sibling.image.variant);
        if (sibling.kind === 'distroless') continue;
        expect(again!.version, sibling.reference).toBe(image.version);
        expect(again!.repository, sibling.reference).toBe(image.repository);
        const rule = image.repository.siblings.find((r) => r.kind === sibling.kind)!;
        for (const [axis, id] of Object.entries(rule.to)) expect(again!.options[axis], `${sibling.reference} ${axis}`).toBe(id === '' ? image.repository.axes.find((a) => a.name === axis)!.absent : id);
        if (rule.release === 'keep') {
          expect(again!.release.kind, sibling.reference).toBe(image.release.kind);
          expect(again!.release.release?.name ?? null, sibling.reference).toBe(image.release.release?.name ?? null);
        }
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('every entry has a source and the date it was checked', () => {
    for (const repo of REPOSITORIES) {
      expect(repo.sources.length, repo.name).toBeGreaterThan(0);
      for (const s of repo.sources) expectSource(s, repo.name);
      for (const [variant, size] of Object.entries(repo.sizes)) {
        expectSource(size.source, `${repo.name} ${variant} size`);
        expect(size.year, repo.name).toBeGreaterThanOrEqual(2019);
        expect(size.mb, repo.name).toBeGreaterThan(0);
      }
    }
    for (const image of variants) if (image.release.kind === 'repository-default') expectSource(image.release.source, image.raw);
    for (const d of DISTROLESS_IMAGES) expectSource(d.source, d.repository);
    for (const [family, f] of Object.entries(FAMILY_FACTS)) expectSource(f.source, family);
    for (const t of BUILDPACK_DEPS_TOOLS) expectSource(t.source, t.package);
    for (const m of MUSL_TROUBLE) {
      expectSource(m.source, m.name);
      expect(m.reason.length, m.name).toBeGreaterThan(20);
    }
  });

  it('release histories are ordered, sourced, and agree with today\'s tag list for lines still built', () => {
    // Java's versions (`8u302-b08`, `17.0.3_7`) are compared as identify compares them; none is NaN.
    const compare = (a: string, b: string) => {
      const d = compareVersions(a, b);
      expect(Number.isNaN(d), `${a} ${b}`).toBe(false);
      return d;
    };
    for (const repo of REPOSITORIES) {
      for (const h of repo.history ?? []) {
        const what = `${repo.name} ${h.line}`;
        expect(h.steps.length, what).toBeGreaterThan(0);
        expect(h.steps[0]!.rebuilt, what).toBe(false);
        h.steps.forEach((step, i) => {
          expectSource(step.source, what);
          expect(step.date, what).toMatch(ISO_DATE);
          expect(step.source.url, what).toMatch(/^https:\/\/github\.com\/docker-library\/official-images\/commit\/[0-9a-f]{10}$/);
          if (i > 0) expect(compare(step.since, h.steps[i - 1]!.since), what).toBeGreaterThanOrEqual(0);
          if (i > 0) expect(step.date > h.steps[i - 1]!.date, what).toBe(true);
        });
        if (h.last !== null) expect(compare(h.last, h.steps.at(-1)!.since), what).toBeGreaterThanOrEqual(0);
        // A line still built: its tag resolves as today's tag list says.
        const rule = repo.defaults.find((d) => d.family === h.family && d.versions.some((v) => v === h.line || v === '*'));
        if (h.last === null && rule !== undefined) expect(h.steps.at(-1)!.release, what).toBe(rule.release);
        if (h.last !== null) expect(repo.defaults.some((d) => d.family === h.family && d.release !== null && d.versions.includes(h.line)), `${what} is no longer built`).toBe(false);
      }
    }
  });

  it('the exported environments name official repositories, built on recorded ones', () => {
    const recorded = new Set(EXPORTED_ENVIRONMENT.map((e) => e.repository));
    for (const e of EXPORTED_ENVIRONMENT) {
      expectSource(e.source, e.repository);
      expect(REPOSITORIES.find((r) => r.name === e.repository)?.path, e.repository).toBe(`library/${e.repository}`);
      for (const b of e.builtOn) expect(recorded.has(b), `${e.repository} on ${b}`).toBe(true);
    }
    expect(exportedEnvironment(identify('eclipse-temurin:21-jre')!.repository)?.has('JAVA_HOME')).toBe(true);
    expect(exportedEnvironment(identify('python:3.12-slim')!.repository)?.has('ARCH')).toBe(false);
    // Only Docker Hub's library: another registry's copy or a vendor's image is not recorded.
    expect(exportedEnvironment(identify('maven:3-eclipse-temurin-21')!.repository)).toBeNull();
  });

  it('full and slim differ only where the data says so', () => {
    const full = variants.filter((i) => i.facts.buildTools);
    expect(full.map((i) => i.repository.name)).toEqual(expect.arrayContaining(['python', 'node', 'ruby', 'rust', 'golang', 'gcc', 'buildpack-deps']));
    for (const image of variants.filter((i) => i.variant.includes('slim'))) expect(image.facts.buildTools, image.raw).toBe(false);
  });
});

/** Subpackages named apart from their aports origin (e.g. g++ is built by main/gcc). */
const NAMED_APART = new Set([
  'clang clang21', 'g++ gcc', 'gfortran gcc', 'libapparmor-dev apparmor', 'libatomic gcc', 'libcurl curl', 'libgcc gcc', 'libgomp gcc',
  'libecpg postgresql17', 'libecpg-dev postgresql17', 'libldap openldap', 'libmagic file', 'libpq postgresql17', 'libsasl cyrus-sasl', 'libpq-dev postgresql17', 'libssl3 openssl', 'libstdc++ gcc',
  'libuuid util-linux', 'lld lld20', 'postgresql-client postgresql17', 'xvfb xorg-server',
]);

describe('package maps', () => {
  const tables: [string, Readonly<Record<string, PackageMapEntry>>][] = [['apt', APT_TO_APK], ['rpm', RPM_TO_APK]];

  it('are the size of what real Dockerfiles install', () => {
    expect(Object.keys(APT_TO_APK).length).toBeGreaterThanOrEqual(300);
    expect(Object.keys(RPM_TO_APK).length).toBeGreaterThanOrEqual(120);
  });

  it.each(tables)('%s: every target is a plausible apk name, built by the aports APKBUILD the entry cites', (_, table) => {
    for (const [name, entry] of Object.entries(table)) {
      expect(entry.check.from.length, name).toBeGreaterThan(10);
      if (entry.kind === 'droppable') {
        expect(entry.reason.length, name).toBeGreaterThan(15);
        continue;
      }
      expect(entry.apk.length, name).toBeGreaterThan(0);
      expect(entry.check.to.length, name).toBeGreaterThan(0);
      for (const apk of entry.apk) {
        expect(apk, name).toMatch(/^[a-z0-9][a-z0-9+._-]*$/);
        expect(apk, name).not.toMatch(/-devel$|:/);
      }
      for (const origin of entry.check.to) expect(origin, name).toMatch(/^(main|community|testing)\/[a-z0-9+._-]+@[0-9a-f]{8}$/);
      const origins = entry.check.to.map((o) => o.slice(o.indexOf('/') + 1, o.indexOf('@')));
      for (const apk of entry.apk) {
        const built = origins.some((o) => apk === o || apk.startsWith(`${o}-`) || NAMED_APART.has(`${apk} ${o}`));
        expect(built, `${name} → ${apk} from ${origins.join(', ')}`).toBe(true);
      }
    }
  });

  it('apt names are Debian package names', () => {
    for (const name of Object.keys(APT_TO_APK)) expect(name).toMatch(/^[a-z0-9][a-z0-9+.-]+$/);
  });
});
