/**
 * Files written for another BuildKit frontend. The `# syntax=` directive names the image that reads
 * the file; one that is not the Dockerfile frontend (docker/dockerfile, its -upstream builds, or a
 * mirror of either) reads a language of its own (buildkit-nix, mockerfile's YAML, a Python
 * frontend), which may only look like a Dockerfile where it happens to parse as one. Reading it
 * as a Dockerfile would be a guess, so a run leaves it alone and says why.
 */

/** A leading directive as BuildKit reads it (parser/directives.go): `# name=value`, a name of letters and digits. */
const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;

/** The directives BuildKit knows; a comment naming another ends them, as any other line does. */
const KNOWN = new Set(['syntax', 'escape', 'check']);

/** The Dockerfile frontend's repositories, by the last part of their path: `docker/dockerfile:1`, `registry.example/mirror/dockerfile-upstream:master`. */
const DOCKERFILE_FRONTEND = /(?:^|\/)dockerfile(?:-upstream)?$/i;

export interface OtherFrontend {
  readonly line: number;
  /** The image the directive names, as written. */
  readonly image: string;
}

/** The `# syntax=` directive of `text` when it names another frontend than the Dockerfile one; else null. */
export function otherFrontend(text: string): OtherFrontend | null {
  // Only the lines before the first instruction can hold directives; most files have none.
  if (!/^\uFEFF?#[ \t]*syntax[ \t]*=/im.test(text.slice(0, 4096))) return null;
  const lines = text.replace(/^\uFEFF/, '').split('\n', 32);
  for (const [i, raw] of lines.entries()) {
    const m = DIRECTIVE.exec(raw.replace(/\r$/, ''));
    if (m === null || !KNOWN.has(m[1]!.toLowerCase())) return null;
    if (m[1]!.toLowerCase() !== 'syntax') continue;
    const image = m[2]!;
    const repository = image.replace(/@.*$/, '').replace(/:[^/]*$/, '');
    return DOCKERFILE_FRONTEND.test(repository) ? null : { line: i + 1, image };
  }
  return null;
}

/** Why the file is left alone, as the run says it. */
export function otherFrontendMessage(found: OtherFrontend): string {
  return `written for another BuildKit frontend (line ${found.line}: # syntax=${found.image}), whose language dockshift does not read; only files for the Dockerfile frontend (docker/dockerfile) are rewritten`;
}
