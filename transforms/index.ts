import type { Transform } from '../src/engine/types.js';
import alpineBase from './alpine-base.js';
import cleanupInLayer from './cleanup-in-layer.js';
import collapseRun from './collapse-run.js';
import distrolessRuntime from './distroless-runtime.js';
import execForm from './exec-form.js';
import installFlags from './install-flags.js';
import slimBase from './slim-base.js';

/**
 * Every transform, in the order they run within a pass. Where two changes
 * overlap, the earlier transform's goes first and the other waits for the next
 * pass: so RUNs are merged before caches are cleaned, and a merged RUN gets one
 * cleanup at its end instead of one per original RUN. Base-image switches come
 * before the RUN-layer transforms: the base decides what a RUN should say (apk, not
 * apt), so alpine-base rewrites a RUN before install-flags or cleanup-in-layer edit
 * it for apt. The opt-in switches come first, so a user who asked for distroless or
 * Alpine gets it, and slim-base takes the FROM only when they refuse. Registering a transform
 * means adding it here; nothing else in the engine names transforms.
 */
export const transforms: readonly Transform<any>[] = [execForm, distrolessRuntime, alpineBase, slimBase, collapseRun, installFlags, cleanupInLayer];
