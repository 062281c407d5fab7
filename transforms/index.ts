import type { Transform } from '../src/engine/types.js';
import cleanupInLayer from './cleanup-in-layer.js';
import execForm from './exec-form.js';
import installFlags from './install-flags.js';

/**
 * Every transform, in the order they run within a pass. Registering a transform
 * means adding it here; nothing else in the engine names transforms.
 */
export const transforms: readonly Transform<any>[] = [execForm, installFlags, cleanupInLayer];
