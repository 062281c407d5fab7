import type { Transform } from '../src/engine/types.js';
import addDownload from './add-download.js';
import addToCopy from './add-to-copy.js';
import cleanupInLayer from './cleanup-in-layer.js';
import collapseRun from './collapse-run.js';
import curlFail from './curl-fail.js';
import execForm from './exec-form.js';
import initProcess from './init-process.js';
import installFlags from './install-flags.js';
import useraddNoLogInit from './useradd-no-log-init.js';

/**
 * Every transform, in the order they run within a pass. Where two changes
 * overlap, the earlier transform's goes first and the other waits for the next
 * pass: so RUNs are merged before caches are cleaned, and a merged RUN gets one
 * cleanup at its end instead of one per original RUN. Registering a transform
 * means adding it here; nothing else in the engine names transforms.
 */
export const transforms: readonly Transform<any>[] = [execForm, collapseRun, installFlags, cleanupInLayer, addToCopy, addDownload, useraddNoLogInit, curlFail, initProcess];
