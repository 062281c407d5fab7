/**
 * BuildKit's shell lexer (frontend/dockerfile/shell/lex.go, ProcessWords) as its parser runs it
 * to find heredocs: no variable is set and unset ones are kept as written (SkipUnsetEnv), the
 * escape character is a backslash, and `<<` keeps the blanks after it. heredocs.ts reads a logical
 * line's words with it (quotes and escapes kept, as heredocsFromLine asks) and a heredoc word's
 * delimiter (without them, as heredocFromMatch asks).
 *
 * It keeps the lexer's quirks, which decide what opens a heredoc:
 * - a `$` expression's text is split at blanks like unquoted text, even `${X:- <<EOF}`, whose
 *   `<<EOF}` is then a word of its own;
 * - the word a `${X:-…}`, `${X#…}` or `${X/…/…}` starts inside drops what came before it in the
 *   same word (the nested read empties the buffer the outer one was filling): `<<${X:-EOF}` is the
 *   word `${X:-EOF}`, which opens nothing;
 * - a `${` with no name or an unknown modifier (`${}`, `${X!}`), or a quote or `${` left open,
 *   fails the whole line: it has no words, and so no heredoc.
 */

/** A word, with the offset in the text of each of its characters. */
export interface LexedWord {
  readonly text: string;
  readonly at: readonly number[];
}

/** The words of `text` as ProcessWords gives them; null when the lexer fails. */
export function lexWords(text: string, raw: { quotes: boolean; escapes: boolean }): LexedWord[] | null {
  const lexer = new Lexer(text, raw.quotes, raw.escapes);
  try {
    return lexer.stopOn(null, raw.escapes).words;
  } catch (e) {
    if (e instanceof LexFailure) return null;
    throw e;
  }
}

class LexFailure extends Error {}

interface Chars {
  text: string;
  at: number[];
}

const chars = (): Chars => ({ text: '', at: [] });

function append(to: Chars, from: Chars): void {
  to.text += from.text;
  to.at.push(...from.at);
}

/** Go's unicode.IsSpace. */
const SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

class Lexer {
  private i = 0;
  /** The words buffer, which every nested read shares (and empties as it starts). */
  private buf = chars();

  constructor(
    private readonly text: string,
    private readonly rawQuotes: boolean,
    private rawEscapes: boolean,
  ) {}

  /** processStopOn: up to `stop` (consumed) or the end of the text. */
  stopOn(stop: string | null, rawEscapes: boolean): { result: Chars; words: LexedWord[] } {
    const outer = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      return this.read(stop);
    } finally {
      this.rawEscapes = outer;
    }
  }

  private read(stop: string | null): { result: Chars; words: LexedWord[] } {
    const { text } = this;
    this.buf = chars();
    const words: LexedWord[] = [];
    const result = chars();
    let inWord = false;
    const addRaw = (ch: string, at: number) => {
      this.buf.text += ch;
      this.buf.at.push(at);
      inWord = true;
    };
    const endWord = () => {
      if (this.buf.text === '') return;
      words.push(this.buf);
      this.buf = chars();
      inWord = false;
    };
    const addChar = (ch: string, at: number) => {
      if (!SPACE.test(ch)) addRaw(ch, at);
      else if (inWord) endWord();
    };
    while (this.i < text.length) {
      const ch = text[this.i]!;
      if (ch === stop) {
        this.i++;
        endWord();
        return { result, words };
      }
      if (ch === '$' || ch === '<' || ch === "'" || ch === '"') {
        const read = ch === '$' ? this.dollar() : ch === '<' ? this.possibleHeredoc() : ch === "'" ? this.singleQuote() : this.doubleQuote();
        append(result, read);
        // An expansion's text is split at blanks; quotes and `<<` are added whole.
        for (let k = 0; k < read.text.length; k++) (ch === '$' ? addChar : addRaw)(read.text[k]!, read.at[k]!);
        if (ch !== '$') inWord = true;
        continue;
      }
      let c = ch;
      let at = this.i++;
      if (c === '\\') {
        if (this.rawEscapes) {
          addRaw(c, at);
          result.text += c;
          result.at.push(at);
        }
        if (this.i >= text.length) break;
        at = this.i++;
        c = text[at]!;
        addRaw(c, at);
      } else addChar(c, at);
      result.text += c;
      result.at.push(at);
    }
    if (stop !== null) throw new LexFailure();
    endWord();
    return { result, words };
  }

  /** The quote character at the cursor: part of the word where quotes are kept, else passed over. */
  private quote(out: Chars): void {
    if (this.rawQuotes) this.take(out);
    else this.i++;
  }

  private singleQuote(): Chars {
    const out = chars();
    const { text } = this;
    this.quote(out);
    for (;;) {
      if (this.i >= text.length) throw new LexFailure();
      if (text[this.i] === "'") {
        this.quote(out);
        return out;
      }
      this.take(out);
    }
  }

  private doubleQuote(): Chars {
    const out = chars();
    const { text } = this;
    this.quote(out);
    for (;;) {
      if (this.i >= text.length) throw new LexFailure();
      const ch = text[this.i];
      if (ch === '"') {
        this.quote(out);
        return out;
      }
      if (ch === '$') {
        append(out, this.dollar());
        continue;
      }
      if (ch === '\\') {
        const at = this.i++;
        if (this.rawEscapes) {
          out.text += ch;
          out.at.push(at);
        }
        if (this.i >= text.length) continue;
        // Only `"`, `$` and the escape are escaped; before another character the escape is kept.
        if (/["$\\]/.test(text[this.i]!)) this.take(out);
        else {
          out.text += ch;
          out.at.push(at);
        }
        continue;
      }
      this.take(out);
    }
  }

  /** processDollar, with every variable unset and kept as written. */
  private dollar(): Chars {
    const { text } = this;
    const out = chars();
    this.take(out);
    if (text[this.i] !== '{') {
      append(out, this.name());
      return out;
    }
    this.take(out);
    const first = text[this.i];
    if (first === undefined || first === '{' || first === '}' || first === ':') throw new LexFailure();
    append(out, this.name());
    const ch = text[this.i];
    if (ch === undefined) throw new LexFailure();
    this.take(out);
    if (ch === '}') return out;
    let modifier = ch;
    if (ch === ':') {
      modifier = text[this.i] ?? '';
      if (modifier === '' || modifier === '#' || modifier === '%') throw new LexFailure();
      this.take(out);
    }
    if (ch === ':' || '+-?#%'.includes(ch)) {
      append(out, this.stopOn('}', modifier === '#' || modifier === '%').result);
      out.text += '}';
      out.at.push(this.i - 1);
      return out;
    }
    if (ch === '/') {
      if (text[this.i] === '/') this.i++;
      append(out, this.stopOn('/', true).result);
      out.text += '/';
      out.at.push(this.i - 1);
      append(out, this.stopOn('}', true).result);
      out.text += '}';
      out.at.push(this.i - 1);
      return out;
    }
    throw new LexFailure();
  }

  /** processName: a run of letters, digits and `_`, or one special parameter, or digits. */
  private name(): Chars {
    const { text } = this;
    const out = chars();
    const digit = (c: string | undefined) => c !== undefined && /^\p{Nd}$/u.test(c);
    if (digit(text[this.i])) {
      while (digit(text[this.i])) this.take(out);
      return out;
    }
    if (text[this.i] !== undefined && '@*#?-$!0'.includes(text[this.i]!)) {
      this.take(out);
      return out;
    }
    while (this.i < text.length && /^[\p{L}\p{Nd}_]$/u.test(text[this.i]!)) this.take(out);
    return out;
  }

  /** processPossibleHeredoc: `<`, or `<<` with the blanks after it. */
  private possibleHeredoc(): Chars {
    const out = chars();
    this.take(out);
    if (this.text[this.i] !== '<') return out;
    this.take(out);
    while (/^[\t\r ]$/.test(this.text[this.i] ?? '')) this.take(out);
    return out;
  }

  private take(out: Chars): void {
    out.text += this.text[this.i]!;
    out.at.push(this.i++);
  }
}
