import { NotFoundView } from '@/components/feedback/not-found-view';

export default function NotFound() {
  return (
    <div className="flex min-h-screen items-center justify-center px-4">
      <NotFoundView />
    </div>
  );
}
