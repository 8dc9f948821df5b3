'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog; the page's print rules give the clean A4 layout. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
