/** Largest credential file the verify page reads, in bytes (5 MB, the same bound as progress imports). */
export const MAX_CREDENTIAL_BYTES = 5 * 1024 * 1024;
