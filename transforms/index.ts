import type { Transform } from '../src/engine/types.js';
import cleanupInLayer from './cleanup-in-layer.js';
import collapseRun from './collapse-run.js';
import execForm from './exec-form.js';
import installFlags from './install-flags.js';
import multiStage from './multi-stage.js';
import nonRootUser from './non-root-user.js';

/**
 * Every transform, in the order they run within a pass. Where two changes
 * overlap, the earlier transform's goes first and the other waits for the next
 * pass: so a single stage is split before anything else edits it (the others then
 * see the stages it made, and non-root-user the runtime stage's own user), RUNs
 * are merged before caches are cleaned, and a merged RUN gets one cleanup at its
 * end instead of one per original RUN. Registering a transform
 * means adding it here; nothing else in the engine names transforms.
 */
export const transforms: readonly Transform<any>[] = [multiStage, execForm, collapseRun, installFlags, cleanupInLayer, nonRootUser];
