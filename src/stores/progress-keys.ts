/**
 * Storage names of the learner record, of the copy kept for undo and of the record's validation
 * seal (the storage adapter adds the `qms-training:` prefix). Their own module so the page-load
 * peek (src/runtime/progress-peek.ts, record-peek.ts) can name them without loading the progress store.
 */
export const PROGRESS_KEY = 'progress';
export const UNDO_KEY = 'progress-undo';
/** HMAC over the record text the store validated (src/runtime/progress-seal.ts); never exported. */
export const SEAL_KEY = 'progress-seal';
