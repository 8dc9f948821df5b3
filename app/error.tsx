'use client';

import { ErrorView } from '@/components/feedback/error-view';

// Catches what app/(app)/error.tsx cannot: failures in the signed-in layout itself (e.g. the database is down
// while checking the session) and on the login page.
export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-screen items-center justify-center px-4">
      <ErrorView {...props} />
    </div>
  );
}
