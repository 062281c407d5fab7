import { items, nodeType, type GoLit, type GoNode, type GoQuoted } from './mvdan.js';

/** Reads script text between two parser positions (byte offsets). */
export type Slicer = (startByte: number, endByte: number) => string;

/**
 * What a word means once the shell has removed quotes, when that is known
 * without running anything. Only literals and quotes around literals qualify;
 * any expansion makes the value null.
 */
export function wordValue(parts: readonly GoNode[], slice: Slicer): { value: string | null; pattern: boolean } {
  let value = '';
  let pattern = false;
  for (const [i, part] of parts.entries()) {
    switch (nodeType(part)) {
      case 'Lit': {
        const lit = part as GoLit;
        const raw = slice(lit.ValuePos.offs, lit.ValueEnd.offs);
        const unquoted = unescapeBare(raw);
        value += unquoted.text;
        pattern ||= unquoted.glob || (i === 0 && raw.startsWith('~')) || /\{[^{}]*(?:,|\.\.)[^{}]*\}/.test(raw);
        break;
      }
      case 'SglQuoted': {
        const q = part as GoQuoted;
        // $'…' has its own escapes; we do not decode them.
        if (q.Dollar) return { value: null, pattern };
        value += slice(q.Left.offs + 1, q.Right.offs);
        break;
      }
      case 'DblQuoted': {
        const q = part as GoQuoted;
        if (q.Dollar) return { value: null, pattern };
        for (const inner of q.Parts ? items(q.Parts) : []) {
          if (nodeType(inner) !== 'Lit') return { value: null, pattern };
          const lit = inner as GoLit;
          value += unescapeDouble(slice(lit.ValuePos.offs, lit.ValueEnd.offs));
        }
        break;
      }
      default:
        return { value: null, pattern };
    }
  }
  return { value, pattern };
}

/** Outside quotes a backslash makes the next character literal. */
function unescapeBare(raw: string): { text: string; glob: boolean } {
  let text = '';
  let glob = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      text += raw[++i];
      continue;
    }
    if (ch === '*' || ch === '?' || ch === '[') glob = true;
    text += ch;
  }
  return { text, glob };
}

/** Inside double quotes a backslash only escapes $ ` " and itself. */
function unescapeDouble(raw: string): string {
  return raw.replace(/\\([$`"\\])/g, '$1');
}
