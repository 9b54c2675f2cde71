import { LabResultSchema } from '../../schemas/lab-result';
import { toLabAttempt } from '../../lib/labs/attempt';
import { listenLabResults } from './events';

/**
 * Records every lab run in the learner's progress. The progress store is imported on the first
 * result only, so a lab page ships none of it before the learner runs the checks. A result that
 * fails validation is not recorded (and says so in the console): the lab itself already showed it.
 */
listenLabResults(async (detail) => {
	const parsed = LabResultSchema.safeParse(detail);
	if (!parsed.success) {
		console.error('lab:result not recorded: invalid result', parsed.error);
		return;
	}
	const { recordLabAttempt } = await import('../../stores/progress');
	recordLabAttempt(parsed.data.labId, toLabAttempt(parsed.data));
});
