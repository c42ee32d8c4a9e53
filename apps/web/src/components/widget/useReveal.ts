'use client';
import { useEffect, useRef, useState } from 'react';

/** One reveal step every this many ms (about a frame). */
const STEP_MS = 16;
/** Catch up with the text received so far within about this many steps, however long it is. */
const CATCH_UP_STEPS = 20;

/**
 * Streamed text is shown progressively even when the deltas arrive in one burst (the offline model
 * produces a whole reply at once): the visible length moves towards the received length a little
 * each step, so the reply "types itself" instead of popping in. Calls `onDone` once caught up with
 * a `settled` text (the final message arrived, nothing more will come).
 */
export function useReveal(text: string, active: boolean, settled: boolean, onDone: () => void): string {
  const [shown, setShown] = useState(active ? 0 : text.length);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  useEffect(() => {
    if (!active) return;
    if (shown >= text.length) {
      if (settled) onDoneRef.current();
      return;
    }
    const t = window.setTimeout(() => {
      setShown((n) => Math.min(text.length, n + Math.max(2, Math.ceil((text.length - n) / CATCH_UP_STEPS))));
    }, STEP_MS);
    return () => window.clearTimeout(t);
  }, [active, settled, shown, text.length]);

  return active ? text.slice(0, shown) : text;
}
