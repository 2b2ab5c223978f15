import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { idOf } from '../../components/address.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useBoard } from './queue-api.ts';
import { HallNotFound, announce, isNotFound, useCategoryName, useHallStream } from './queue-shared.tsx';

interface Flash {
  code: string;
  windowNumber: string;
  key: number;
}

/** 大厅显示屏: the TV in the hall — the latest calls, waiting numbers per category, voice, scrolling notices. */
export function DisplayPage() {
  const t = useT();
  const { locale } = useLocale();
  const hallId = idOf(useParams().hallId);
  const initial = useBoard(hallId);
  // no such hall: no stream to keep reconnecting to
  const missing = !hallId || isNotFound(initial.error);
  const nameOf = useCategoryName();
  const [flash, setFlash] = useState<Flash | null>(null);
  const [voice, setVoice] = useState<'on' | 'off' | 'unavailable'>(() => (typeof window !== 'undefined' && 'speechSynthesis' in window ? 'on' : 'unavailable'));
  const [now, setNow] = useState(() => new Date());
  const voiceRef = useRef(voice);
  voiceRef.current = voice;
  usePageTitle(t('q.display.title'));

  const { board: live, connected } = useHallStream(missing ? undefined : hallId, (e) => {
    if ((e.kind === 'call' || e.kind === 'recall') && e.payload.code) {
      setFlash({ code: e.payload.code, windowNumber: String(e.payload.windowNumber ?? ''), key: e.id });
      if (voiceRef.current === 'on' && e.payload.text) announce(e.payload.text['zh-CN']);
    }
  });
  const board = live ?? initial.data;

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 8000);
    return () => clearTimeout(timer);
  }, [flash]);

  const latest = flash ?? (board?.recentCalls[0] ? { code: board.recentCalls[0].code, windowNumber: board.recentCalls[0].windowNumber, key: 0 } : null);
  const notices = board?.notices ?? [];
  if (missing)
    return (
      <div className="q-display" data-testid="queue-display">
        <HallNotFound />
      </div>
    );
  return (
    <div className="q-display" data-testid="queue-display">
      <header className="q-display-head">
        <div className="q-display-hall">{board?.hallName ?? ''}</div>
        <div className="q-display-clock">{now.toLocaleTimeString(locale, { hour12: false })}</div>
        <div className={`q-display-conn${connected ? ' is-on' : ''}`}>{connected ? t('q.live') : t('q.reconnecting')}</div>
        {voice !== 'unavailable' && (
          <button type="button" className="q-display-voice" onClick={() => setVoice(voice === 'on' ? 'off' : 'on')} data-testid="display-voice">
            {voice === 'on' ? t('q.display.voiceOn') : t('q.display.voiceOff')}
          </button>
        )}
      </header>
      <main className="q-display-main">
        <section className={`q-display-now${flash ? ' is-flash' : ''}`} key={latest?.key} aria-live="assertive">
          {latest ? (
            <>
              <div className="q-display-now-label">{t('q.display.nowCalling')}</div>
              <div className="q-display-now-code" data-testid="display-now-code">
                {latest.code}
              </div>
              <div className="q-display-now-window">{t('q.display.toWindow', { window: latest.windowNumber })}</div>
            </>
          ) : (
            <div className="q-display-now-label" data-testid="display-idle">
              {/* closed only when no tickets are issued: a hall that issues on a day off welcomes its visitors */}
              {board?.issuing === false ? t('q.display.closed') : t('q.display.noCalls')}
            </div>
          )}
        </section>
        <section className="q-display-side">
          <h2>{t('q.display.recent')}</h2>
          <table className="q-display-table" data-testid="display-recent">
            <thead>
              <tr>
                <th>{t('q.number')}</th>
                <th>{t('q.window')}</th>
              </tr>
            </thead>
            <tbody>
              {(board?.recentCalls ?? []).slice(0, 6).map((c) => (
                <tr key={c.eventId}>
                  <td>{c.code}</td>
                  <td>{t('q.windowN', { n: c.windowNumber })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('q.display.waiting')}</h2>
          <table className="q-display-table" data-testid="display-waiting">
            <tbody>
              {(board?.categories ?? []).map((c) => (
                <tr key={c.id} className={c.isGreen ? 'is-green' : undefined}>
                  <td>
                    {c.prefix} {nameOf(c)}
                  </td>
                  <td className="q-num">{t('q.waitingN', { n: c.waiting })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </main>
      <footer className="q-display-notices" aria-label={t('q.notices')}>
        {notices.length > 0 && (
          <div className="q-marquee" data-testid="display-notices">
            <span>{notices.map((n) => (locale === 'en' && n.textEn ? n.textEn : n.text)).join('　　◆　　')}</span>
          </div>
        )}
      </footer>
    </div>
  );
}
