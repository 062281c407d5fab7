/**
 * Dockerfile templates: files a tool fills in to make Dockerfiles (docker-library's
 * `Dockerfile-linux.template` in jq, a Jinja2 `Dockerfile.j2`, `%%SUITE%%` placeholders a script
 * replaces with sed). Their names are Dockerfiles' (Renovate's patterns take them too), so a run
 * over a repository finds them, and they do not parse. One that fails as a Dockerfile where a
 * template's syntax stands, or whose name says it is a template (`Dockerfile-extra.template`, a
 * fragment the generator pastes in), is skipped as a template rather than failed: nothing in it
 * can be rewritten as written, and a fleet run should not fail over every repository that keeps
 * its templates. So is one that fails because of a bare placeholder a script fills in (\`FROM
 * php:{PHP_TAG}\`, \`FROM __BASE_IMAGE__\`), where the failure names it. A valid Dockerfile with such
 * text is processed as any other, and any other file that fails is an error as before.
 */

/**
 * The syntax of the template languages Dockerfiles are made with: Go templates, Helm, jq's
 * (docker-library) and Jinja2's `{{ … }}`, Jinja2's `{% … %}`, ERB's `<% … %>`, and the
 * placeholders scripts fill in: `%%NAME%%` (docker-library's older templates) and autoconf's
 * `@NAME@`.
 */
export const TEMPLATE_SYNTAX = /\{\{|\{%|<%|%%[A-Za-z_][A-Za-z0-9_]*%%|@[A-Z_][A-Z0-9_]*@/;

/**
 * Placeholders that no template language marks, which a script fills in with sed or Python's
 * str.format: \`{PHP_TAG}\` or \`{base_image}\` (one brace: not \`\${VAR}\`, nor \`{{\`), \`__BASE_IMAGE__\`, and
 * the words \`REPLACE-ME\` and \`CHANGE_ME\` (in capitals, also as the start of a name: \`REPLACE_ME_TAG\`),
 * the angle brackets of documentation's examples (\`FROM <your-image>\`, \`FROM python:<version>\`), and
 * names between hashes a packaging script fills in (\`FROM #DIST_ID#:#CODENAME#\`), and Maven's filtered properties
 * (\`FROM \${docker.base.image}\`: a dot in the name, which BuildKit does not expand).
 * Such text may also be valid where it stands (awk's \`'{print}'\` in a RUN), so it counts only where
 * the failure itself names it: the value the check rejected (\`invalid image reference "php:{PHP_TAG}"\`).
 */
const PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)+\}|(?<![$\w{])\{[A-Za-z_][A-Za-z0-9_]*\}(?!\})|(?<![A-Za-z0-9_])__[A-Z][A-Z0-9_]*[A-Z0-9]__(?![A-Za-z0-9_])|(?<![A-Za-z0-9])(?:REPLACE|CHANGE)[-_]?ME(?![A-Za-z0-9])|(?<![<\w])<[A-Za-z][A-Za-z0-9_.-]*>(?!>)|(?<![\w#])#[A-Z][A-Z0-9_]*#(?![\w#])/g;

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
  return lineMatching(text, line, (written) => TEMPLATE_SYNTAX.test(written));
}

/**
 * Where `text`, which failed as a Dockerfile at `line` with `message`, has a placeholder (see
 * PLACEHOLDER) that the message names, on that line or those it continues onto; with the placeholder.
 */
export function placeholderAt(text: string, line: number | null, message: string): (TemplateLine & { readonly placeholder: string }) | null {
  let placeholder = '';
  const named = (written: string) => {
    placeholder = [...written.matchAll(PLACEHOLDER)].map((m) => m[0]).find((p) => message.includes(p)) ?? '';
    return placeholder !== '';
  };
  const at = lineMatching(text, line, named);
  return at === null ? null : { ...at, placeholder };
}

/** The first of `line` and the lines it continues onto (\`\\\` at the end) that `test` accepts. */
function lineMatching(text: string, line: number | null, test: (written: string) => boolean): TemplateLine | null {
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
    if (test(written)) return { line: n, text: written };
    if (end === -1 || !/[\\`]$/.test(written)) return null;
    start = end + 1;
  }
  return null;
}

/**
 * Names template files go by: `.template` (docker-library; `-template` too, as docker-maven's
 * `Dockerfile-template`), `.tmpl`, `.tpl`, Jinja2's, `.in` (autoconf), ERB, Mustache, Handlebars.
 */
export const TEMPLATE_NAME = /[.-](?:template|tmpl|tpl)$|\.(?:gotmpl|j2|jinja2?|in|erb|mustache|hbs)$/i;

/** The longest line a message shows whole. */
const QUOTED_MAX = 100;

/**
 * Why a file that failed as a Dockerfile (`error`, at a line of `text`) is a template to skip,
 * as `--json` records it and the note on stderr says it; null when it is not one.
 */
export function templateSkip(name: string, text: string, error: { readonly line: number | null; readonly message: string }): { readonly line: number; readonly message: string } | null {
  const template = templateOf(name, text, error);
  return template === null ? null : { line: template.line, message: `${template.what}; run dockshift on the Dockerfiles made from it` };
}

/**
 * What shows that a file that failed as a Dockerfile is a template (\`a template, not a Dockerfile (line 3: {{ .Base }})\`),
 * and the line it is about; null when it is not one.
 */
export function templateOf(name: string, text: string, error: { readonly line: number | null; readonly message: string }): { readonly line: number; readonly what: string } | null {
  const shown = (t: string) => (t.length > QUOTED_MAX ? `${t.slice(0, QUOTED_MAX - 1)}…` : t);
  const at = templateLineAt(text, error.line);
  if (at !== null) return { line: at.line, what: `a template, not a Dockerfile (line ${at.line}: ${shown(at.text)})` };
  const filled = placeholderAt(text, error.line, error.message);
  if (filled !== null) {
    return { line: filled.line, what: `a template, not a Dockerfile (line ${filled.line}: ${shown(filled.text)}, where ${filled.placeholder} is a placeholder)` };
  }
  const base = name.slice(name.lastIndexOf('/') + 1);
  const ext = TEMPLATE_NAME.exec(base);
  if (ext === null || error.line === null) return null;
  return { line: error.line, what: `a template, not a Dockerfile (its name ends in ${ext[0]}, and line ${error.line} does not parse: ${shown(error.message)})` };
}
