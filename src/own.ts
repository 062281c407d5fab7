/**
 * `table[key]` when the table has that key itself: a name read from a Dockerfile or a manifest
 * (`pip install constructor`, a command named `toString`) is not one of the properties every
 * object inherits. The knowledge tables are object literals keyed by such names.
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
