/**
 * A pull request body (GitHub-flavoured Markdown), for `gh pr create --body-file` or
 * multi-gitter's `--pr-body`: what changed per file and transform, the review-tier
 * changes called out first, the expected size effect (always an estimate), what was
 * left alone and why, and the files that could not be processed. Kept under GitHub's
 * size limit for a body: past it, the remaining files are named only.
 */
import { imageOf, type RunSummary } from '../engine/report.js';
import type { AppliedChange } from '../engine/types.js';
import { documentReporter, type Reporter, type ReportedFile, type ReportedProblem } from './types.js';
import { sentence } from './text.js';

/** GitHub refuses bodies over 65,536 characters; leave room for what a bot adds. */
export const MAX_BODY = 60_000;
/** Entries in the summary lists at the top; the file sections hold the rest. */
const MAX_LISTED = 50;

export function markdownReporter(): Reporter {
  return documentReporter(markdownBody);
}

export function markdownBody(files: readonly ReportedFile[], problems: readonly ReportedProblem[], summary: RunSummary, limit = MAX_BODY): string {
  const changed = files.filter((f) => f.status === 'changed');
  // The Dockerfiles whose proposal of a context file is the same as the one shown, by that file and its first proposer.
  const sharers = new Map<string, string[]>();
  for (const f of files) {
    for (const d of [...f.result.newFiles, ...f.result.fileEdits]) {
      if (d.status !== 'duplicate' || d.first?.same !== true) continue;
      const key = `${d.target}\0${d.first.by}`;
      sharers.set(key, [...(sharers.get(key) ?? []), f.patchPath]);
    }
  }
  const failed = files.filter((f) => f.status === 'error' || f.status === 'warning');
  const refusedOnly = files.filter((f) => f.status === 'unchanged' && f.result.refusals.length > 0);
  const t = summary.tally;
  const head: string[] = [];
  head.push(`## dockshift: ${plural(changed.length, 'Dockerfile')} ${summary.tally.changed > 0 && changed.some((f) => f.result.written) ? 'rewritten' : 'to rewrite'}`);
  head.push('');
  head.push(
    'Rewrites for smaller, safer images. Each change keeps what the build does unless it is marked **review**; ' +
      'every byte not changed stays as it was, and running dockshift again changes nothing.',
  );
  head.push('');
  head.push(`${plural(t.files, 'file')}: ${t.changed} changed, ${t.unchanged} unchanged, ${plural(t.errors, 'error')}${t.warnings > 0 ? `, ${plural(t.warnings, 'warning')}` : ''}${t.skipped > 0 ? `, ${t.skipped} skipped` : ''}.`);

  // A fix for these belongs in what generates them: the body names them for whoever owns it.
  const generated = files.filter((f) => f.status === 'skipped' && f.result.error?.kind === 'generated');
  if (generated.length > 0) {
    head.push('', `### Generated, left alone (${generated.length})`, '', 'Their headers say a tool writes them, so a rewrite here would be lost at the next generation: the fix belongs in the template (or rerun with `--include-generated`).', '');
    for (const f of generated.slice(0, MAX_LISTED)) head.push(`- \`${code(f.patchPath)}\` line ${f.result.error!.line}`);
    if (generated.length > MAX_LISTED) head.push(`- … and ${generated.length - MAX_LISTED} more`);
  }
  const templates = files.filter((f) => f.status === 'skipped' && f.result.error?.kind === 'template');
  if (templates.length > 0) {
    head.push('', `### Templates, left alone (${templates.length})`, '', 'A tool fills these in to make Dockerfiles, and they do not parse as written: run dockshift on what they make.', '');
    for (const f of templates.slice(0, MAX_LISTED)) head.push(`- \`${code(f.patchPath)}\` line ${f.result.error!.line}`);
    if (templates.length > MAX_LISTED) head.push(`- … and ${templates.length - MAX_LISTED} more`);
  }

  const review = changed.flatMap((f) => f.result.changes.filter((c) => c.tier === 'review').map((c) => ({ file: f.patchPath, c })));
  if (review.length > 0) {
    head.push('', `### Needs review (${review.length})`, '', 'These change what is installed or how the container runs:', '');
    for (const { file, c } of review.slice(0, MAX_LISTED)) head.push(`- \`${code(file)}\` line ${c.line}, ${c.transform}: ${inline(sentence(c.message))} ${inline(sentence(c.review ?? ''))}`.trimEnd());
    if (review.length > MAX_LISTED) head.push(`- … and ${review.length - MAX_LISTED} more, in the files below`);
  }

  const sized = changed.flatMap((f) => f.result.changes.filter((c) => c.size !== undefined).map((c) => ({ file: f.patchPath, c })));
  if (sized.length > 0) {
    // Sizes of the unpacked image and of the compressed download do not add up: a total per measure.
    const totals = (['uncompressed', 'compressed'] as const)
      .map((measure) => ({ measure, mb: sized.filter(({ c }) => c.size!.measure === measure).reduce((sum, { c }) => sum + c.size!.savedMb, 0), n: sized.filter(({ c }) => c.size!.measure === measure).length }))
      .filter((t) => t.n > 0)
      .map((t) => `${megabytes(t.mb)} ${t.measure}${t.n === sized.length ? '' : ` (${t.n} switch${t.n === 1 ? '' : 'es'})`}`);
    head.push('', '### Expected size effect', '', `About ${totals.join(', and ')} in total: an estimate from published image sizes, not a measurement of these builds.`, '');
    for (const { file, c } of sized.slice(0, MAX_LISTED)) head.push(`- \`${code(file)}\` line ${c.line}: ${inline(c.size!.note)}`);
    if (sized.length > MAX_LISTED) head.push(`- … and ${sized.length - MAX_LISTED} more, in the files below`);
  }

  // Files that could not be processed are always named; file sections fill what room is left.
  let tail = '';
  if (failed.length > 0 || problems.length > 0) {
    const lines = [
      ...failed.map((f) => `- \`${code(f.patchPath)}\`${f.result.error!.line === null ? '' : ` line ${f.result.error!.line}`}: ${f.status}: ${inline(f.result.error!.message)}`),
      ...problems.map((p) => `- \`${code(p.path)}\`: ${p.severity}: ${inline(p.message)}`),
    ];
    tail = `\n${['### Not processed', '', ...lines].join('\n')}\n`;
  }
  let body = `${head.join('\n')}\n`;
  const room = limit - tail.length - 200;
  let shown = 0;
  for (const f of changed) {
    const section = `\n${fileSection(f, sharers)}\n`;
    if (body.length + section.length > room) break;
    body += section;
    shown++;
  }
  if (shown < changed.length) {
    body += `\n… and ${plural(changed.length - shown, 'more changed file')}: ${changed.slice(shown).map((f) => `\`${code(f.patchPath)}\``).join(', ')}`.slice(0, Math.max(0, room - body.length)) + '\n';
  } else if (refusedOnly.length > 0) {
    const rows = refusedOnly.flatMap((f) => f.result.refusals.map((r) => `| \`${code(f.patchPath)}\` | ${r.line} | ${r.transform} | ${cell(r.reason)} |`));
    const section = `\n${['<details><summary>Left alone in unchanged files (' + rows.length + ')</summary>', '', '| file | line | transform | why |', '| --- | ---: | --- | --- |', ...rows, '', '</details>'].join('\n')}\n`;
    if (body.length + section.length <= room) body += section;
  }
  body += tail;
  body += `\n<sub>Generated by dockshift; \`dockshift --explain\` lists every change and refusal.</sub>\n`;
  return body;
}

function fileSection(f: ReportedFile, sharers: ReadonlyMap<string, readonly string[]>): string {
  const also = (target: string) => {
    const others = sharers.get(`${target}\0${f.result.path}`);
    return others === undefined ? '' : ` (also for ${others.map((o) => `\`${code(o)}\``).join(', ')})`;
  };
  // The section's parts (the table, each context file, each runtime change, what was left alone), one blank line apart.
  const parts: string[][] = [];
  const rows = [...f.result.changes].sort((a, b) => a.line - b.line).map((c) => `| ${c.line} | ${c.transform}${c.tier === 'review' ? ' **review**' : ''} | ${cell(changeText(c))} |`);
  if (rows.length > 0) parts.push(['| line | transform | change |', '| ---: | --- | --- |', ...rows]);
  for (const n of f.result.newFiles.filter((n) => n.status === 'proposed' || n.status === 'created')) parts.push([`New file \`${code(n.path)}\` (${n.transform}${n.tier === 'review' ? ', **review**' : ''}): ${inline(n.message)}${also(n.target)}`]);
  for (const e of f.result.fileEdits.filter((e) => e.status === 'proposed' || e.status === 'written')) parts.push([`Edit of \`${code(e.path)}\` (${e.transform}${e.tier === 'review' ? ', **review**' : ''}): ${inline(e.message)}${also(e.target)}`]);
  for (const r of f.result.runtime) parts.push([`The ${imageOf(r)} ${r.fact} changes (${r.transform}): \`${code(r.before)}\` → \`${code(r.after)}\``]);
  if (f.result.refusals.length > 0) {
    const why = f.result.refusals.map((r) => `| ${r.line} | ${r.transform} | ${cell(r.reason)} |`);
    parts.push([`<details><summary>Left alone (${f.result.refusals.length})</summary>`, '', '| line | transform | why |', '| ---: | --- | --- |', ...why, '', '</details>']);
  }
  return [`### \`${code(f.patchPath)}\``, ...parts.flatMap((p) => ['', ...p])].join('\n');
}

function changeText(c: AppliedChange): string {
  let text = c.message;
  if (c.review !== undefined) text += ` (review: ${c.review})`;
  if (c.size !== undefined) text += ` (${c.size.note})`;
  return text;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function megabytes(mb: number): string {
  const abs = Math.abs(mb);
  const figure = abs >= 1000 ? `${(abs / 1000).toFixed(1)} GB` : `${Math.round(abs)} MB`;
  return mb >= 0 ? `${figure} smaller` : `${figure} larger`;
}

/** Text for one table cell: no line breaks, pipes escaped. */
function cell(s: string): string {
  return inline(s).replace(/\|/g, '\\|');
}

/** Text on one line, with what Markdown would take as markup left as written. */
function inline(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

/** Text inside backticks: a backtick would end the span. */
function code(s: string): string {
  return s.replace(/`/g, "'");
}
