/**
 * One precise splitter for image references: `[registry[:port]/]name[:tag][@digest]`,
 * where any part may hold `$VAR` / `${VAR:-default}` build arguments. dockerfile-ast's
 * From.getImageTag() gives up on `registry:5000/org/img:1.2@sha256:…`; this does not.
 */
export interface ImageRef {
  readonly raw: string;
  /** `docker.io`, `registry:5000`, `${REGISTRY}`…; null for the default registry. */
  readonly registry: string | null;
  /** The repository path without registry: `node`, `library/node`, `org/img`. */
  readonly name: string;
  readonly tag: string | null;
  readonly digest: string | null;
  /** Some part comes from a build argument, so its final value is not known here. */
  readonly hasVariables: boolean;
}

const NAME_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const REGISTRY = /^(?:localhost|[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*\.?|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;

/** Splits a reference; returns null when it is not a valid reference (ignoring variable parts). */
export function parseImageRef(raw: string): ImageRef | null {
  if (raw === '' || /\s/.test(raw)) return null;
  const hasVariables = raw.includes('$');
  const at = indexOutsideVars(raw, '@', 'first');
  const beforeDigest = at === -1 ? raw : raw.slice(0, at);
  const digest = at === -1 ? null : raw.slice(at + 1);

  const lastSlash = indexOutsideVars(beforeDigest, '/', 'last');
  const colon = indexOutsideVars(beforeDigest.slice(lastSlash + 1), ':', 'last');
  const tagAt = colon === -1 ? -1 : lastSlash + 1 + colon;
  const path = tagAt === -1 ? beforeDigest : beforeDigest.slice(0, tagAt);
  const tag = tagAt === -1 ? null : beforeDigest.slice(tagAt + 1);

  const firstSlash = indexOutsideVars(path, '/', 'first');
  const first = firstSlash === -1 ? '' : path.slice(0, firstSlash);
  const isRegistry =
    firstSlash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost' || /^\$(?:\w+|\{[^}]*\})$/.test(first));
  const registry = isRegistry ? first : null;
  const name = isRegistry ? path.slice(firstSlash + 1) : path;

  if (name === '' || tag === '' || digest === '') return null;
  if (!valid(name, (n) => n.split('/').every((c) => NAME_COMPONENT.test(c)))) return null;
  if (tag !== null && !valid(tag, (t) => TAG.test(t))) return null;
  if (digest !== null && !valid(digest, (d) => DIGEST.test(d))) return null;
  if (registry !== null && !valid(registry, (r) => REGISTRY.test(r))) return null;
  return { raw, registry, name, tag, digest, hasVariables };
}

/** A part with variables is accepted when its literal pieces are plausible. */
function valid(part: string, test: (s: string) => boolean): boolean {
  if (!part.includes('$')) return test(part);
  const literal = part.replace(/\$\{[^}]*\}|\$\w+/g, '');
  return !/[^\w./:@-]/.test(literal);
}

export function indexOutsideVars(s: string, ch: string, which: 'first' | 'last'): number {
  let depth = 0;
  let found = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && s[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) {
      depth--;
    } else if (c === ch && depth === 0) {
      if (which === 'first') return i;
      found = i;
    }
  }
  return found;
}

/** `node` and `docker.io/library/node` name the same repository. */
export function canonicalName(ref: ImageRef): string {
  const registry = ref.registry === null || ref.registry === 'docker.io' || ref.registry === 'index.docker.io' ? null : ref.registry;
  const name = registry === null && !ref.name.includes('/') ? `library/${ref.name}` : ref.name;
  return registry === null ? name : `${registry}/${name}`;
}
