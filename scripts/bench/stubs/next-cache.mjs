// The benchmark's stand-in for next/cache: there is no page cache to revalidate outside Next.
export function revalidatePath() {}
export function revalidateTag() {}
