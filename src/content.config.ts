import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { PageSchema } from './schemas/page';

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: PageSchema }) }),
};
