import type { AppliedChange } from '../engine/types.js';

/** Ends a message with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}

/** A change as one line of prose: what it does, why a reviewer should look (review tier), its expected size effect. */
export function describeChange(c: AppliedChange): string {
  let text = sentence(c.message);
  if (c.tier === 'review') text += ` Review: ${sentence(c.review ?? 'it changes what is installed or how the container runs')}`;
  if (c.size !== undefined) text += ` Expected size effect: ${sentence(c.size.note)}`;
  return text;
}
