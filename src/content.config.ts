import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { PageSchema } from './schemas/page';
import { QuizSchema } from './schemas/quiz';
import { ChecklistSchema } from './schemas/checklist';
import { SelfAssessmentSchema } from './schemas/self-assessment';
import { FeedbackFormSchema } from './schemas/feedback-form';
import { CertificationSchema } from './schemas/certification';
import { ScenarioSchema } from './schemas/scenario';

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: PageSchema }) }),
	quizzes: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/quizzes' }), schema: QuizSchema }),
	checklists: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/checklists' }), schema: ChecklistSchema }),
	assessments: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/assessments' }), schema: SelfAssessmentSchema }),
	certifications: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/certifications' }), schema: CertificationSchema }),
	scenarios: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/scenarios' }), schema: ScenarioSchema }),
	forms: defineCollection({ loader: glob({ pattern: '*.yaml', base: './content/forms' }), schema: FeedbackFormSchema }),
};
