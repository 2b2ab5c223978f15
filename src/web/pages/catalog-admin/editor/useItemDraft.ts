import { useCallback, useRef, useState } from 'react';
import type { AdminItem, ItemContent } from '../../../api/catalog-admin.ts';

export interface DraftState {
  /** The item as last read; the draft follows it while there are no unsaved edits. */
  source: AdminItem;
  /** What the tabs show and edit: the open version's content, else the published one. */
  content: ItemContent | null;
  /** The open version's optimistic-lock version, sent with a save. */
  version: number | null;
  openId: number | null;
  dirty: boolean;
  /** Bumped when the content is replaced from the server, so forms holding their own values start over. */
  revision: number;
}

const shown = (item: AdminItem): ItemContent | null => item.open?.content ?? item.published?.content ?? null;

function fromItem(item: AdminItem, previous: DraftState | null): DraftState {
  const content = shown(item);
  const same = previous?.content && content && JSON.stringify(previous.content) === JSON.stringify(content);
  return {
    source: item,
    content: same ? previous.content : content,
    version: item.open?.version ?? null,
    openId: item.open?.id ?? null,
    dirty: false,
    revision: same ? previous.revision : (previous?.revision ?? 0) + 1,
  };
}

/**
 * The editor's working copy of an item's content. It follows the server's copy until the first edit;
 * then unsaved edits stay until they are saved, or until `reset` (after a conflict) or another version
 * is opened drops them.
 */
export function useItemDraft(item: AdminItem) {
  const [draft, setDraft] = useState<DraftState>(() => fromItem(item, null));
  const latest = useRef(item);
  latest.current = item;
  // adjust state while rendering when a fresh read arrives (React's "storing information from previous renders")
  if (draft.source !== item && (!draft.dirty || draft.openId !== (item.open?.id ?? null))) setDraft(fromItem(item, draft));

  const update = useCallback((patch: Partial<ItemContent>) => {
    setDraft((d) => (d.content ? { ...d, content: { ...d.content, ...patch }, dirty: true } : d));
  }, []);
  // the read in hand predates the save: keep the saved content until the next read arrives
  const saved = useCallback((version: number) => setDraft((d) => ({ ...d, version, dirty: false, source: latest.current })), []);
  const reset = useCallback((fresh: AdminItem) => setDraft((d) => ({ ...fromItem(fresh, null), revision: d.revision + 1 })), []);
  return { draft, update, saved, reset };
}
