'use client';

import { useEffect } from 'react';
import { FriendlyError } from '@/components/friendly-error';

type Props = { error: Error & { digest?: string }; retry?: () => void; reset?: () => void };

export default function ErrorPage({ error, retry, reset }: Props) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // retry() (Next 16.2+) re-fetches the segment from the server, which is what recovers once the database is back.
  return <FriendlyError digest={error.digest} message={error.message} onRetry={() => (retry ?? reset ?? (() => window.location.reload()))()} />;
}
