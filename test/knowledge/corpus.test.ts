import { beforeAll, describe, expect, it } from 'vitest';
import { corpusPresent, loadCorpus, noticeIfNoCorpus } from '../../bench/corpus.js';
import type { ImageRef } from '../../src/dockerfile/imageRef.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { findRepository, identifyImage, siblingsOfImage } from '../../src/knowledge/index.js';

interface Tally {
  /** FROM lines naming an image (not a stage, not scratch). */
  images: number;
  /** …of which the reference has build arguments (callers resolve them first). */
  withVariables: number;
  identified: number;
  /** Docker Hub official names (python, library/node…) the base covers but whose tag it cannot read. */
  unreadOfficial: Map<string, number>;
  /** Everything else left unidentified, by repository. */
  otherRepositories: Map<string, number>;
  withSiblings: number;
  byRepository: Map<string, number>;
}

const bump = (m: Map<string, number>, key: string): void => {
  m.set(key, (m.get(key) ?? 0) + 1);
};

function tally(): Tally {
  const t: Tally = { images: 0, withVariables: 0, identified: 0, unreadOfficial: new Map(), otherRepositories: new Map(), withSiblings: 0, byRepository: new Map() };
  for (const file of loadCorpus()) {
    if (file.text === null) continue;
    let parsed;
    try {
      parsed = parseDockerfile(file.text);
    } catch {
      continue;
    }
    for (const stage of parsed.stages) {
      if (stage.base.kind !== 'image') continue;
      const ref: ImageRef = stage.base.ref;
      t.images++;
      if (ref.hasVariables) {
        t.withVariables++;
        continue;
      }
      const image = identifyImage(ref);
      if (image !== null) {
        t.identified++;
        bump(t.byRepository, image.repository.name);
        if (siblingsOfImage(image).length > 0) t.withSiblings++;
      } else if (findRepository(ref) !== null) {
        bump(t.unreadOfficial, `${ref.name}:${ref.tag ?? 'latest'}`);
      } else {
        bump(t.otherRepositories, ref.registry === null ? ref.name : `${ref.registry}/${ref.name}`);
      }
    }
  }
  return t;
}

const top = (m: Map<string, number>, n: number): string =>
  [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([k, v]) => `${k} (${v})`).join(', ');

noticeIfNoCorpus('knowledge base on the corpus');

describe.skipIf(!corpusPresent())('the knowledge base on the corpus', () => {
  let t: Tally;

  beforeAll(() => {
    t = tally();
    const literal = t.images - t.withVariables;
    console.log(
      [
        `FROM lines naming an image: ${t.images}; with build arguments: ${t.withVariables}; literal: ${literal}`,
        `identified: ${t.identified} (${((100 * t.identified) / literal).toFixed(1)}% of literal references), with a smaller sibling: ${t.withSiblings}`,
        `by repository: ${top(t.byRepository, 30)}`,
        `covered repositories, tag not read: ${top(t.unreadOfficial, 40)}`,
        `not covered: ${top(t.otherRepositories, 30)}`,
      ].join('\n'),
    );
  });

  it('identifies most literal FROM references', () => {
    expect(t.images).toBeGreaterThan(700);
    expect(t.identified).toBeGreaterThanOrEqual(395);
    expect(t.withSiblings).toBeGreaterThanOrEqual(95);
  });

  it('reads nearly every tag of the repositories it covers', () => {
    const unread = [...t.unreadOfficial.values()].reduce((a, b) => a + b, 0);
    // Unread on purpose, of repositories known from a release on: centos 6 (4), oraclelinux 7 (1), haproxy
    // before 2.4 (1), which ran as root, and nvidia/cuda before 11 or with no tag (4: Docker Hub has no latest).
    expect(unread).toBeLessThanOrEqual(19);
  });
});
