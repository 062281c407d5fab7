/**
 * Node built-ins that a plain run never uses, loaded on first use. The CLI is one
 * bundled script, so a static import of any of them anywhere (the verify command,
 * a report format, the diff header's blob hash) loads it at every start: together
 * about 7 ms of a cold start. Kept to this list; test/lazy-loading.test.ts checks a
 * plain run loads none of crypto and child_process (Node loads stream for its own
 * standard streams, and the launcher zlib, to check the bundle's code cache).
 */
export const crypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto');
export const zlib = (): typeof import('node:zlib') => process.getBuiltinModule('node:zlib');
export const childProcess = (): typeof import('node:child_process') => process.getBuiltinModule('node:child_process');
export const stream = (): typeof import('node:stream') => process.getBuiltinModule('node:stream');
