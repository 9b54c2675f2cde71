import { z } from 'zod';

/**
 * What a valid POST /user body looks like.
 * TODO: describe the three fields the body must have (see the instructions).
 */
export const userSchema = z.object({});
