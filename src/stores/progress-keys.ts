/**
 * Storage names of the learner record and of the copy kept for undo (the storage adapter adds the
 * `qms-training:` prefix). Their own module so the page-load peek (src/runtime/progress-peek.ts)
 * can name them without loading the progress store.
 */
export const PROGRESS_KEY = 'progress';
export const UNDO_KEY = 'progress-undo';
