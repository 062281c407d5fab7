import { SIZE_SOURCES } from './sources.js';
import type { SizeEstimate } from './types.js';

/**
 * Image sizes, by repository and variant name. Each is an estimate taken from a
 * dated article: images grow and shrink with every rebuild, and articles measure
 * either the unpacked image or the compressed download, as `measure` says. Compare
 * two sizes only when they share a measure.
 */
const est = (mb: number, measure: SizeEstimate['measure'], measuredOn: string, year: number, source: SizeEstimate['source']): SizeEstimate => ({
  mb, measure, measuredOn, year, source,
});

export const sizes = {
  node: {
    default: est(1120, 'uncompressed', 'node:22', 2024, SIZE_SOURCES.iximiuzNode),
    slim: est(220, 'uncompressed', 'node:22-slim', 2024, SIZE_SOURCES.iximiuzNode),
    alpine: est(155, 'uncompressed', 'node:22-alpine', 2024, SIZE_SOURCES.iximiuzNode),
  },
  python: {
    default: est(884, 'uncompressed', 'python:3.8', 2021, SIZE_SOURCES.neumannPython),
    slim: est(113, 'uncompressed', 'python:3.8.5-slim', 2021, SIZE_SOURCES.neumannPython),
    alpine: est(43.3, 'uncompressed', 'python:3.8-alpine', 2021, SIZE_SOURCES.neumannPython),
  },
  debian: {
    default: est(52, 'compressed', 'debian:bookworm', 2025, SIZE_SOURCES.goelAcademy),
    slim: est(27, 'compressed', 'debian:bookworm-slim', 2025, SIZE_SOURCES.goelAcademy),
  },
  ubuntu: {
    default: est(78, 'compressed', 'ubuntu:24.04', 2025, SIZE_SOURCES.goelAcademy),
  },
  alpine: {
    default: est(3.5, 'compressed', 'alpine:3.20', 2025, SIZE_SOURCES.goelAcademy),
  },
  distroless: {
    static: est(2, 'compressed', 'gcr.io/distroless/static-debian13', 2026, SIZE_SOURCES.distrolessReadme),
    base: est(20, 'compressed', 'gcr.io/distroless/base', 2025, SIZE_SOURCES.goelAcademy),
    nodejs: est(141, 'uncompressed', 'gcr.io/distroless/nodejs22-debian12', 2024, SIZE_SOURCES.iximiuzNode),
  },
} as const satisfies Record<string, Record<string, SizeEstimate>>;

/** `~220 MB (uncompressed node:22-slim, 2024; estimate from <url>)`, for messages. */
export function sizeLabel(size: SizeEstimate): string {
  return `~${size.mb} MB (${size.measure} ${size.measuredOn}, ${size.year}; estimate from ${size.source.url})`;
}

/** Megabytes saved going from one size to another, or null when they were not measured the same way. */
export function sizeSaving(from: SizeEstimate | null, to: SizeEstimate | null): number | null {
  if (from === null || to === null || from.measure !== to.measure) return null;
  return Math.round((from.mb - to.mb) * 10) / 10;
}
