import { useState } from 'react';

/** How far a batch has gone: what was sent of how many (for BatchBar's button). */
export interface BatchProgress {
  done: number;
  total: number;
}

/** One item a batch could not do: its number (a case's, a license's) and what the server answered. */
export interface BatchMiss<T> {
  item: T;
  number: string;
  error: unknown;
}

/**
 * The runner of a batch of actions (批量签收, 批量电子送达, 批量注销): one request per item, one after another, each with
 * its own Idempotency-Key (the caller derives it from the item and the action, so a batch run again replays what was
 * done), counting progress; what one item is refused does not stop the others. `settle` refreshes the lists after.
 */
export function useBatchRunner() {
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const run = async <T>(items: readonly T[], send: (item: T) => Promise<unknown>, numberOf: (item: T) => string, settle: () => Promise<unknown>) => {
    const missed: BatchMiss<T>[] = [];
    setProgress({ done: 0, total: items.length });
    try {
      for (const [i, item] of items.entries()) {
        try {
          await send(item);
        } catch (error) {
          missed.push({ item, number: numberOf(item), error });
        }
        setProgress({ done: i + 1, total: items.length });
      }
    } finally {
      setProgress(null);
      await settle();
    }
    return { succeeded: items.length - missed.length, missed };
  };
  return { run, progress };
}
