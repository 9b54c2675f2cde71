/**
 * Schema version of the learner record written by this build (src/schemas/progress.ts).
 * Kept in its own module so code that only needs the number (the peek at page load,
 * src/lib/progress/peek.ts) does not pull zod into every page.
 */
export const PROGRESS_VERSION = 5;
