'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Refusal } from '@/lib/i18n/refusal-message';
import { putFlowXml } from './save-flow-request';

export type SaveStatus =
  | { kind: 'saved'; version: number }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'conflict'; headVersion: number | null }
  | { kind: 'rejected'; refusal: Refusal }
  | { kind: 'offline' };

/** Autosave this long after the last change (debounced). */
export const AUTOSAVE_DELAY_MS = 3000;

type Options = {
  flowId: string;
  initialVersion: number;
  getXml: () => Promise<string>;
};

/**
 * Save state of the editor: which version the drawing is based on, whether it has unsaved changes, and
 * the save itself (button, shortcut, autosave). A failed save never touches the drawing.
 */
export function useFlowSave({ flowId, initialVersion, getXml }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', version: initialVersion });
  const baseVersion = useRef(initialVersion);
  // Counts edits, so a save that ran while the user kept drawing does not mark the newer edits as saved.
  const changeCount = useRef(0);
  const savedCount = useRef(0);
  const saving = useRef(false);
  const inConflict = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const getXmlRef = useRef(getXml);
  getXmlRef.current = getXml;

  const hasUnsaved = useCallback(() => changeCount.current !== savedCount.current || saving.current, []);
  const saveRef = useRef<(message?: string, basedOn?: number) => Promise<boolean>>(async () => false);
  // A save asked for while another runs (say, the button during an autosave) runs right after it.
  const queued = useRef<{ message?: string; resolve: (saved: boolean) => void } | null>(null);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    // While a conflict is open the user decides; autosave would only hit the same 409 again.
    if (inConflict.current) return;
    timer.current = setTimeout(() => void saveRef.current(), AUTOSAVE_DELAY_MS);
  }, []);

  const save = useCallback(
    async (message?: string, basedOn?: number): Promise<boolean> => {
      if (timer.current) clearTimeout(timer.current);
      if (saving.current) {
        return new Promise<boolean>((resolve) => {
          queued.current?.resolve(false);
          queued.current = { message, resolve };
        });
      }
      // Nothing new and nothing to say: another identical revision would only clutter the history.
      if (!hasUnsaved() && !message?.trim() && basedOn === undefined) return true;
      saving.current = true;
      setStatus({ kind: 'saving' });
      const countAtStart = changeCount.current;
      let succeeded = false;
      try {
        const xml = await getXmlRef.current();
        const outcome = await putFlowXml(flowId, xml, basedOn ?? baseVersion.current, message);
        if (outcome.kind !== 'saved') {
          inConflict.current = outcome.kind === 'conflict';
          setStatus(outcome);
          return false;
        }
        inConflict.current = false;
        baseVersion.current = outcome.version;
        savedCount.current = countAtStart;
        succeeded = true;
        setStatus(changeCount.current === countAtStart ? { kind: 'saved', version: outcome.version } : { kind: 'dirty' });
        return true;
      } catch (e) {
        setStatus({ kind: 'rejected', refusal: { message: e instanceof Error ? e.message : String(e) } });
        return false;
      } finally {
        saving.current = false;
        const next = queued.current;
        queued.current = null;
        if (next && succeeded) {
          void saveRef.current(next.message).then(next.resolve);
        } else {
          next?.resolve(false);
          // Edits made while this save ran get their own autosave. After a failure, the next edit or the
          // button retries: repeating a refused save every few seconds would help nobody.
          if (succeeded && changeCount.current !== savedCount.current) schedule();
        }
      }
    },
    [flowId, schedule, hasUnsaved],
  );
  saveRef.current = save;

  const markChanged = useCallback(() => {
    changeCount.current += 1;
    if (!saving.current && !inConflict.current) setStatus({ kind: 'dirty' });
    schedule();
  }, [schedule]);

  /** Conflict: the user's drawing wins as a new revision on top of the current head. */
  const saveAnyway = useCallback(
    async (headVersion: number, message?: string) => save(message, headVersion),
    [save],
  );

  /** After the latest revision was loaded into the canvas: nothing unsaved, based on that version. */
  const resetTo = useCallback((version: number) => {
    if (timer.current) clearTimeout(timer.current);
    inConflict.current = false;
    baseVersion.current = version;
    savedCount.current = changeCount.current;
    setStatus({ kind: 'saved', version });
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { status, save, saveAnyway, markChanged, resetTo, hasUnsaved };
}
