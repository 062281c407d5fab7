/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one rule per
 * transform with its documentation, a result per change at its file, line and column,
 * and the change as a SARIF fix (a replacement of a region of the original file).
 * Changes whose edits overlap share one region: its fix is given once, on the first of
 * them, since applying the same replacement twice would break the file. Refusals are
 * not results (they are places left alone); files that could not be processed are
 * tool execution notifications.
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { TransformMeta } from '../engine/types.js';
import { describeChange } from './text.js';
import { documentReporter, type ReportContext, type Reporter, type ReportedFile, type ReportedProblem } from './types.js';

const HADOLINT_WIKI = 'https://github.com/hadolint/hadolint/wiki/';

export function sarifReporter(ctx: ReportContext): Reporter {
  return documentReporter((files, problems) => `${JSON.stringify(sarifLog(ctx, files, problems), null, 2)}\n`);
}

export function sarifLog(ctx: ReportContext, files: readonly ReportedFile[], problems: readonly ReportedProblem[]): Sarif.Log {
  const rules = ctx.transforms.map(ruleOf);
  const ruleIndex = new Map(ctx.transforms.map((t, i) => [t.name, i]));
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  const location = (uri: string, region?: Sarif.Region): Sarif.Location => ({
    physicalLocation: { artifactLocation: { uri: encodeUri(uri), uriBaseId: 'SRCROOT' }, ...(region === undefined ? {} : { region }) },
  });

  for (const { result, status, patchPath } of files) {
    if (result.error !== null) {
      if (status === 'skipped') continue;
      notifications.push({
        level: status === 'warning' ? 'warning' : 'error',
        message: { text: result.error.message },
        locations: [location(patchPath, result.error.line === null ? undefined : { startLine: result.error.line })],
        properties: { kind: result.error.kind },
      });
      continue;
    }
    const fixOfChange = new Map<number, (typeof result.fixes)[number]>();
    for (const fix of result.fixes) fixOfChange.set(fix.changes[0]!, fix);
    result.changes.forEach((c, i) => {
      const fix = fixOfChange.get(i);
      results.push({
        ruleId: c.transform,
        ...(ruleIndex.has(c.transform) ? { ruleIndex: ruleIndex.get(c.transform)! } : {}),
        level: c.tier === 'review' ? 'note' : 'warning',
        message: { text: describeChange(c) },
        locations: [location(patchPath, { startLine: c.line, startColumn: c.column })],
        ...(fix === undefined
          ? {}
          : {
              fixes: [
                {
                  description: { text: fix.changes.length === 1 ? c.message : `${fix.changes.length} changes made together here` },
                  artifactChanges: [
                    {
                      artifactLocation: { uri: encodeUri(patchPath), uriBaseId: 'SRCROOT' },
                      replacements: [
                        {
                          deletedRegion: { startLine: fix.startLine, startColumn: fix.startColumn, endLine: fix.endLine, endColumn: fix.endColumn },
                          insertedContent: { text: fix.text },
                        },
                      ],
                    },
                  ],
                },
              ],
            }),
        properties: { tier: c.tier, hadolint: [...c.hadolint], ...(c.size === undefined ? {} : { estimatedSavedMb: c.size.savedMb, estimatedSizeMeasure: c.size.measure }) },
      });
    });
  }
  for (const p of problems) {
    notifications.push({ level: p.severity, message: { text: `${p.path}: ${p.message}` }, properties: { kind: p.kind } });
  }

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'dockshift', version: ctx.version, semanticVersion: ctx.version, rules } },
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(ctx.base).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: !notifications.some((n) => n.level === 'error'), toolExecutionNotifications: notifications }],
      },
    ],
  };
}

function ruleOf(meta: TransformMeta<any>): Sarif.ReportingDescriptor {
  return {
    id: meta.name,
    name: pascalCase(meta.name),
    shortDescription: { text: meta.summary },
    fullDescription: { text: meta.summary },
    help: { text: meta.docs, markdown: meta.docs },
    ...(meta.hadolint.length > 0 ? { helpUri: `${HADOLINT_WIKI}${meta.hadolint[0]}` } : {}),
    defaultConfiguration: { level: 'warning', enabled: meta.defaultEnabled },
    properties: { tags: ['dockerfile', ...meta.hadolint], hadolint: [...meta.hadolint] },
  };
}

function pascalCase(name: string): string {
  return name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function encodeUri(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
