import type { Transform } from '../src/engine/types.js';
import cleanupInLayer from './cleanup-in-layer.js';
import collapseRun from './collapse-run.js';
import execForm from './exec-form.js';
import installFlags from './install-flags.js';

/**
 * Every transform, in the order they run within a pass: small in-place edits
 * first, the RUN merge last, so a merge sees bodies that are already flagged
 * and cleaned. Registering a transform means adding it here; nothing else in
 * the engine names transforms.
 */
export const transforms: readonly Transform<any>[] = [execForm, installFlags, cleanupInLayer, collapseRun];
