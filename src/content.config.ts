import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/chapters' }),
  schema: z.object({
    title: z.string(),
    order: z.number(),
    summary: z.string(),
  }),
});

/** 中文版各章：与英文版同名（同一 slug），数字由同样的 <Stat> 计算。 */
const chaptersZh = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/chapters-zh' }),
  schema: z.object({
    title: z.string(),
    order: z.number(),
    summary: z.string(),
  }),
});

export const collections = { chapters, chaptersZh };
