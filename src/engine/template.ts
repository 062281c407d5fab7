/**
 * Dockerfile templates: files a tool fills in to make Dockerfiles (docker-library's
 * `Dockerfile-linux.template` in jq, a Jinja2 `Dockerfile.j2`, `%%SUITE%%` placeholders a script
 * replaces with sed). Their names are Dockerfiles' (Renovate's patterns take them too), so a run
 * over a repository finds them, and they do not parse. One that fails as a Dockerfile where a
 * template's syntax stands is skipped as a template rather than failed: nothing in it can be
 * rewritten as written, and a fleet run should not fail over every repository that keeps its
 * templates. A file that fails elsewhere is an error as before, placeholders or not.
 */

/**
 * The syntax of the template languages Dockerfiles are made with: Go templates, Helm, jq's
 * (docker-library) and Jinja2's `{{ … }}`, Jinja2's `{% … %}`, ERB's `<% … %>`, and the
 * placeholders scripts fill in: `%%NAME%%` (docker-library's older templates) and autoconf's
 * `@NAME@`.
 */
const TEMPLATE_SYNTAX = /\{\{|\{%|<%|%%[A-Za-z_][A-Za-z0-9_]*%%|@[A-Z_][A-Z0-9_]*@/;

export interface TemplateLine {
  /** 1-based line where a template's syntax stands. */
  readonly line: number;
  /** That line as written, less the blanks around it. */
  readonly text: string;
}

/**
 * Where `text`, which failed as a Dockerfile at `line`, shows a template's syntax: on that line,
 * or on the lines it continues onto (`\` at the end). Null when the failure is elsewhere.
 */
export function templateLineAt(text: string, line: number | null): TemplateLine | null {
  if (line === null || line < 1) return null;
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return null;
    start = next + 1;
  }
  for (let n = line; start <= text.length; n++) {
    const end = text.indexOf('\n', start);
    const written = text.slice(start, end === -1 ? text.length : end).trim();
    if (TEMPLATE_SYNTAX.test(written)) return { line: n, text: written };
    if (end === -1 || !/[\\`]$/.test(written)) return null;
    start = end + 1;
  }
  return null;
}

/** The longest line a message shows whole. */
const QUOTED_MAX = 100;

/** Why the file was left alone, as `--json` records it and the note on stderr says it. */
export function templateMessage(at: TemplateLine): string {
  const shown = at.text.length > QUOTED_MAX ? `${at.text.slice(0, QUOTED_MAX - 1)}…` : at.text;
  return `a template, not a Dockerfile (line ${at.line}: ${shown}); run dockshift on the Dockerfiles made from it`;
}
