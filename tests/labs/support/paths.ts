import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Repository root (this file is tests/labs/support/paths.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where labs live: labs/<id>/. */
export const LABS_DIR = join(REPO_ROOT, 'labs');
/**
 * Scratch projects for real runs. Inside the repo on purpose: a lab's `vitest` and `zod`
 * imports resolve upward to the repo's node_modules, as they would after `npm install`.
 */
export const RUNS_DIR = join(REPO_ROOT, '.cache', 'lab-runs');
