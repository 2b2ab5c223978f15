import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { isApiError } from '../../api/client.ts';
import { useLocale, useT, type MessageKey, type TFunction } from '../../i18n/index.tsx';
import { NotFoundState } from '../../components/PageState.tsx';
import type { Board, HallEvent } from './queue-api.ts';
import './queue.css';

/** Whether a hall's or a ticket's query was told there is no such thing (trying again finds nothing either). */
export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}

/** A kiosk, phone or display page whose address names no hall: said so, with the way to choose one. */
export function HallNotFound() {
  const t = useT();
  return (
    <div className="q-missing">
      <NotFoundState title={t('q.hallNotFound')} hint={t('q.hallNotFoundHint')} back={{ to: '/appointments', label: t('q.toAppointments') }} />
    </div>
  );
}

/** 540 → "09:00" */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export function hoursText(hours: [number, number][]): string {
  return hours.map(([s, e]) => `${hhmm(s)}–${hhmm(e)}`).join(', ');
}

/**
 * What a hall's day is, in a line: its hours when the calendar opens it; "no office hours today, tickets as
 * usual" when the calendar closes it but the hall issues anyway; "closed" only when no tickets are issued.
 */
export function hallDayText(t: TFunction, board: Pick<Board, 'open' | 'issuing' | 'hours' | 'closedName'>): string {
  if (board.open) return `${t('q.board.hoursToday')}: ${hoursText(board.hours)}`;
  const name = board.closedName;
  if (board.issuing) return name ? t('q.day.issuingNamed', { name }) : t('q.day.issuing');
  return name ? t('q.display.closedNamed', { name }) : t('q.display.closed');
}

/** "09:00-12:00, 13:30-17:30" → [[540,720],[810,1050]]; null when it does not read. */
export function parseHours(text: string): [number, number][] | null {
  const parts = text
    .split(/[,，;；]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: [number, number][] = [];
  for (const p of parts) {
    const m = /^(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})$/.exec(p);
    if (!m) return null;
    const s = Number(m[1]) * 60 + Number(m[2]);
    const e = Number(m[3]) * 60 + Number(m[4]);
    if (e <= s || e > 1440) return null;
    out.push([s, e]);
  }
  return out;
}

/** Today in China (the halls' calendars count in UTC+8). */
export function todayInChina(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const reasons = [
  'hall_closed',
  'outside_hours',
  'daily_limit',
  'open_ticket',
  'window_busy',
  'window_paused',
  'window_closed',
  'not_at_this_window',
  'not_called_here',
  'slot_full',
  'slot_past',
  'day_closed',
  'too_many_no_shows',
  'not_booked',
  'not_today',
  'too_late',
  'rate_limited',
  'holiday',
  'not_waiting',
] as const;

/** The server's reason for a refusal, in the reader's language; falls back to its message. */
export function errorText(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const reason = (error.details as { reason?: string } | null)?.reason;
    if (reason && (reasons as readonly string[]).includes(reason)) return t(`q.reason.${reason}` as MessageKey);
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function useCategoryName() {
  const { locale } = useLocale();
  return (c: { name: string; nameEn: string }) => (locale === 'en' && c.nameEn ? c.nameEn : c.name);
}

/**
 * A hall's live stream (Server-Sent Events): the latest board and each event as it comes. The
 * browser's EventSource reconnects by itself and sends Last-Event-ID, so missed calls are replayed.
 */
export function useHallStream(hallId: number | undefined, onEvent?: (e: HallEvent) => void) {
  const [board, setBoard] = useState<Board | null>(null);
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!hallId || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/queue/halls/${hallId}/events`);
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('board', (m) => setBoard(JSON.parse((m as MessageEvent).data) as Board));
    source.addEventListener('hall', (m) => handler.current?.(JSON.parse((m as MessageEvent).data) as HallEvent));
    return () => source.close();
  }, [hallId]);
  return { board, connected };
}

/** Speak a call in Mandarin with the browser's speech synthesis, where there is one. */
export function announce(text: string): boolean {
  if (typeof window === 'undefined' || !('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return false;
  try {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'zh-CN';
    u.rate = 0.9;
    const voice = window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('zh'));
    if (voice) u.voice = voice;
    window.speechSynthesis.speak(u);
    return true;
  } catch {
    return false;
  }
}

export function HallPicker({ halls, value, onChange }: { halls: { id: number; name: string }[]; value?: number; onChange(id: number): void }) {
  const t = useT();
  return (
    <Select
      className="q-hall-picker"
      value={value}
      onChange={onChange}
      placeholder={t('q.pickHall')}
      options={halls.map((h) => ({ value: h.id, label: h.name }))}
      aria-label={t('q.hall')}
      data-testid="queue-hall-picker"
    />
  );
}
