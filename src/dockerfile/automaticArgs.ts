/** Build arguments BuildKit sets for every FROM and (when declared) every stage: only known at build time. */
export const AUTOMATIC_ARGS: ReadonlySet<string> = new Set([
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
]);
