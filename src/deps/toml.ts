/**
 * The little of TOML that pyproject.toml, poetry.toml and uv.toml are read for: table headers, a
 * table's lines and its one-line `key = value` pairs. Not a TOML parser: a value spread over lines
 * is read as its first line, which callers account for.
 */

/** The tables a TOML text declares (`[tool.poetry]`, `[[tool.poetry.source]]`), quotes and blanks left out. */
export function tomlHeaders(text: string): string[] {
  return [...text.matchAll(/^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/gm)].map((m) => m[1]!.replace(/["'\s]/g, ''));
}

/** The lines of one TOML table, up to the next header. */
export function sectionText(text: string, table: string): string {
  const out: string[] = [];
  let inside = false;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line);
    if (header !== null) {
      inside = header[1]!.replace(/["'\s]/g, '') === table;
      continue;
    }
    if (inside) out.push(line);
  }
  return out.join('\n');
}

/** `key = value` pairs of the named tables (one line each; an inline table stays on its line). */
export function tomlTable(text: string, tables: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const table of tables) {
    for (const line of sectionText(text, table).split('\n')) {
      const m = /^\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)["']?\s*=\s*(.*)$/.exec(line.replace(/\s+#.*$/, ''));
      if (m !== null) out.push([m[1]!, m[2]!]);
    }
  }
  return out;
}
