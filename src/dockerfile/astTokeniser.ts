import { Argument } from 'dockerfile-ast/lib/argument.js';

/**
 * dockerfile-ast's `Instruction.getRawArguments` (0.7.1), the same state
 * machine read for read, less its garbage: it builds each argument's value one
 * character at a time (`value = value + char`), about a tenth of all the
 * memory a pipeline run allocates, and checks every range it makes with
 * `Range.create`. Here a value is cut from the text in runs, and a range is
 * the plain `{ start, end }` that `Range.create` returns for two positions.
 * test/ast-parser.test.ts compares the two on generated argument text with
 * both escape characters and every line ending.
 */
export function tokeniseArguments(instruction: TokenisedInstruction): Argument[] {
  const document = instruction.document;
  const args: Argument[] = [];
  readArguments(instruction, (value, start, end) => {
    args.push(new Argument(value, { start: document.positionAt(start), end: document.positionAt(end) }));
  });
  return args;
}

/** An instruction's first argument: its value, and the offset in the document where it starts. */
export interface FirstArgument {
  readonly value: string;
  readonly start: number;
}

/** The first argument, read as `tokeniseArguments` reads it, and nothing after it; null when there is none. */
export function firstArgument(instruction: TokenisedInstruction): FirstArgument | null {
  let first: FirstArgument | null = null;
  readArguments(instruction, (value, start) => {
    first = { value, start };
    return false;
  });
  return first;
}

/** Offset in the document where the last argument ends, read as `tokeniseArguments` reads it (no value built); null when there are none. */
export function argumentsEnd(instruction: TokenisedInstruction): number | null {
  let end: number | null = null;
  readArguments(
    instruction,
    (_value, _start, to) => {
      end = to;
    },
    'none',
  );
  return end;
}

/**
 * The state machine itself: calls `visit` with each argument's value and its
 * start and end offsets in the document, in order, until `visit` returns false.
 * With `values` 'none', arguments are visited with an empty value, never built.
 */
function readArguments(
  instruction: TokenisedInstruction,
  visit: (value: string, start: number, end: number) => boolean | void,
  values: 'all' | 'none' = 'all',
): void {
  const document = instruction.document;
  const text = document.getText();
  const line = instruction.getRange();
  const keyword = instruction.getInstructionRange();
  // The arguments follow the keyword: its length past the line's start, as dockerfile-ast counts it.
  const keywordStart = document.offsetAt(keyword.start);
  const extra = document.offsetAt(keyword.end) - keywordStart;
  const lineEnd = document.offsetAt(line.end);
  const fullArgs = text.slice(Math.min(document.offsetAt(line.start) + extra, lineEnd), lineEnd);
  const offset = keywordStart + extra;
  const escapeChar = instruction.escapeChar;
  const escapeCode = escapeChar.charCodeAt(0);
  let stopped = false;
  const argument = (from: number, to: number) => {
    if (visit(values === 'all' ? value() : skipValue(), offset + from, offset + to) === false) stopped = true;
  };

  let start = false;
  let comment = false;
  let found = -1;
  // A space or tab that is part of an escaped line break.
  let escapedWhitespaceDetected = false;
  // Inside an escaped line break.
  let escaping = false;
  let escapeMarker = -1;
  // The value so far: `done`, then the characters fullArgs[runStart, runEnd) not yet added to it.
  let done = '';
  let runStart = 0;
  let runEnd = 0;
  const take = (i: number) => {
    if (runEnd !== i) {
      if (runEnd > runStart) done += fullArgs.slice(runStart, runEnd);
      runStart = i;
    }
    runEnd = i + 1;
  };
  const value = () => {
    const v = runEnd > runStart ? done + fullArgs.slice(runStart, runEnd) : done;
    done = '';
    runStart = runEnd = 0;
    return v;
  };
  const skipValue = () => {
    done = '';
    runStart = runEnd = 0;
    return '';
  };

  for (let i = 0; i < fullArgs.length && !stopped; i++) {
    const char = fullArgs.charAt(i);
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (char === '\r' || char === '\n') {
          // A line break: whitespace before it no longer counts.
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        argument(found, escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
        found = -1;
      }
    } else if (char === escapeChar) {
      const next = fullArgs.charAt(i + 1);
      if (next === ' ' || next === '\t') {
        for (let j = i + 2; j < fullArgs.length; j++) {
          const c = fullArgs.charAt(j);
          if (c === ' ' || c === '\t') continue;
          if (c === '\r' || c === '\n') {
            if (c === '\r') j++; // \r\n
            comment = false;
            escaping = true;
            start = true;
            if (found !== -1) escapeMarker = i;
            i = j;
          } else {
            escapeMarker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === '\r' || next === '\n') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += next === '\r' ? 2 : 1;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          argument(found, escapeMarker);
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === '') break; // the file ends
        if (next === '$') take(i);
        take(i + 1);
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start && char === '#') {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          argument(found, escapeMarker);
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        take(i);
        if (found === -1) found = i;
        // The characters up to the next blank or escape change nothing but the value: take them at once.
        let j = i + 1;
        for (; j < fullArgs.length; j++) {
          const c = fullArgs.charCodeAt(j);
          if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === escapeCode) break;
        }
        runEnd = j;
        i = j - 1;
      }
      // Not whitespace: reset.
      start = false;
    }
  }
  if (found !== -1 && !stopped) argument(found, escapeMarker === -1 ? fullArgs.length : escapeMarker);
}

interface Position {
  readonly line: number;
  readonly character: number;
}
interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** What the tokeniser reads of a dockerfile-ast instruction (fields and methods it has in 0.7.1). */
export interface TokenisedInstruction {
  readonly document: {
    getText(): string;
    offsetAt(position: Position): number;
    positionAt(offset: number): Position;
  };
  readonly escapeChar: string;
  getRange(): Range;
  getInstructionRange(): Range;
}
