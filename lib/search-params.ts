/** What a page receives as `searchParams` (Next's App Router): each name once, repeated, or not at all. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
