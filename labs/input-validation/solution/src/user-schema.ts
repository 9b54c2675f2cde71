import { z } from 'zod';
import { ROLES } from './users.ts';

/**
 * What a valid POST /user body looks like.
 * Unknown keys are stripped, so only these three fields can reach createUser.
 */
export const userSchema = z.object({
	name: z.string().trim().min(1, 'Name is required').max(100),
	email: z.email('Enter a valid email address'),
	role: z.enum(ROLES),
});
