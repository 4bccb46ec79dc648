'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CommentJson } from '@/lib/comments/comment-json';
import { openCountsByElement } from '@/lib/domain/comments/thread-filter';
import { fetchComments } from './comments-client';

/**
 * The flow's comment threads, kept live: the flow's event stream sends `comment` whenever one is
 * added or changed on any app instance, and the list is read again. Also what the badges show
 * (`badges`: open threads per element), for the editor, the viewer and present mode alike.
 */
export function useFlowComments(flowId: string | null) {
  const [comments, setComments] = useState<CommentJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(false);
  const again = useRef(false);

  const refresh = useCallback(async () => {
    // No flow: a guest in present mode, who sees the flow and nothing said about it.
    if (!flowId) return;
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = true;
    try {
      do {
        again.current = false;
        const outcome = await fetchComments(flowId);
        if (outcome.ok) {
          setComments(outcome.value.comments);
          setError(null);
        } else setError(outcome.message);
      } while (again.current);
    } finally {
      loading.current = false;
    }
  }, [flowId]);

  useEffect(() => {
    // Its own stream, so this works beside any screen; read again on every (re)connect, since a
    // comment written while the stream was away sends no event of its own.
    if (!flowId) return;
    const source = new EventSource(`/api/flows/${encodeURIComponent(flowId)}/events`);
    source.addEventListener('comment', () => void refresh());
    source.onopen = () => void refresh();
    void refresh();
    return () => source.close();
  }, [flowId, refresh]);

  const badges = useMemo(() => openCountsByElement(comments ?? []), [comments]);
  return { comments, error, refresh, badges };
}
