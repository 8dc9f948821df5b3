import { NotFoundView } from '@/components/feedback/not-found-view';

// Keeps the top bar around a record or plan year that does not exist (or belongs to another department).
export default function AppNotFound() {
  return (
    <div className="py-12">
      <NotFoundView />
    </div>
  );
}
