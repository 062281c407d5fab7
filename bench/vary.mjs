/**
 * Copies of a Dockerfile that differ in text but not in meaning, so that a
 * benchmark over many copies measures work, not caches keyed on text: copy k
 * ends with its own comment, and the blanks after the first word of every
 * shell-form RUN differ (most RUN bodies then differ from copy to copy; what
 * the transforms do is the same).
 */
export function vary(text, k) {
  const blanks = ' '.repeat(k % 7) + '\t'.repeat(Math.floor(k / 7) % 5) + ' '.repeat(Math.floor(k / 35));
  const varied = text.replace(/^([ \t]*RUN[ \t]+)([^\s[\\]+)([ \t]+)/gim, (_m, run, word, gap) => `${run}${word}${gap}${blanks}`);
  return `${varied}${varied === '' || varied.endsWith('\n') ? '' : '\n'}# copy ${k}\n`;
}
