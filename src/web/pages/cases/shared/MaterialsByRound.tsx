import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCaseT, type CaseKey } from '../../../i18n/cases-pages.ts';
import { useTolT } from '../../../i18n/tolerated.ts';
import { useLocale } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { fileUrl } from '../../../api/files.ts';
import type { CaseEvent, CaseMaterial } from '../../../api/cases.ts';
import { EmptyHint } from '../../../components/PageState.tsx';
import { useNarrow } from '../../../components/useNarrow.ts';

const statusColor: Record<CaseMaterial['status'], string> = {
  provided: 'green',
  from_license: 'cyan',
  missing: 'default',
  waived: 'default',
  tolerated: 'orange',
};

/** A material's reference: a link for an upload or a license the applicant held, the clerk's note for paper, a note for a license to be taken. */
export function MaterialReference({ m }: { m: CaseMaterial }) {
  const t = useCaseT();
  if (m.license)
    return (
      <a href={m.license.url} target="_blank" rel="noreferrer" data-testid={`material-license-${m.key}`}>
        {t('cases.licenseHeld', { type: m.license.type, number: m.license.number })}
      </a>
    );
  const url = fileUrl(m.reference);
  if (url)
    return (
      <a href={url} target="_blank" rel="noreferrer">
        {t('cases.viewFile')}
      </a>
    );
  if (m.status === 'from_license') return <span className="cell-sub">{t('cases.licenseShared')}</span>;
  return <span className="cell-sub">{m.reference ?? '—'}</span>;
}

export function MaterialStatus({ status }: { status: CaseMaterial['status'] }) {
  const t = useCaseT();
  const tt = useTolT();
  return (
    <Tag color={statusColor[status]} data-status={status}>
      {status === 'tolerated' ? tt('tol.mstatus') : t(`cases.mstatus.${status}` as CaseKey)}
    </Tag>
  );
}

/**
 * The materials handed in after acceptance (容缺后补), by key, with when: from the timeline's `tolerated_handed_in`
 * events — the material's row itself keeps only what it is now.
 */
export function handedInAfterAcceptance(timeline: readonly Pick<CaseEvent, 'type' | 'payload' | 'at'>[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of timeline ?? []) {
    if (e.type !== 'tolerated_handed_in') continue;
    const keys = (e.payload as { materials?: unknown } | null)?.materials;
    if (Array.isArray(keys)) for (const key of keys) if (typeof key === 'string' && !out.has(key)) out.set(key, e.at);
  }
  return out;
}

/**
 * Materials by round: round 1 is what came with the application; each one-time notice or supplement
 * request opens a round listing what was asked, with its note, and what was handed in. Given the case's `timeline`,
 * what was accepted to follow (容缺后补) and handed in after acceptance is listed apart, last, with when it came —
 * not as if it had come with the application.
 */
export function MaterialsByRound({
  materials,
  hideMissingOptional,
  timeline,
}: {
  materials: CaseMaterial[];
  hideMissingOptional?: ReadonlySet<string>;
  timeline?: readonly CaseEvent[];
}) {
  const t = useCaseT();
  const tt = useTolT();
  const { locale } = useLocale();
  const narrow = useNarrow();
  const later = handedInAfterAcceptance(timeline);
  const isLater = (m: CaseMaterial) => m.round === 1 && m.status === 'provided' && later.has(m.key);
  const rounds = [...new Set(materials.map((m) => m.round))].sort((a, b) => a - b);
  const handedInLater = materials.filter(isLater);
  // a phone: each material a card — its name over its status and where it is — rather than a name one character a line
  const cardColumns: TableColumnsType<CaseMaterial> = [
    {
      title: t('cases.material'),
      dataIndex: 'name',
      render: (name: string, m) => (
        <div className="case-card" data-material={m.key}>
          <span>{name}</span>
          {m.round > 1 && m.note && <span className="cell-sub">{m.note}</span>}
          <div className="case-material-card-line">
            <MaterialStatus status={m.status} />
            <MaterialReference m={m} />
          </div>
        </div>
      ),
    },
  ];
  const columns: TableColumnsType<CaseMaterial> = [
    { title: t('cases.material'), dataIndex: 'name', render: (name: string, m) => <span data-material={m.key}>{name}</span> },
    { title: t('common.status'), dataIndex: 'status', width: 120, render: (s: CaseMaterial['status']) => <MaterialStatus status={s} /> },
    { title: t('cases.reference'), key: 'ref', width: 200, render: (_v, m) => <MaterialReference m={m} /> },
  ];
  // an application that asked none (申请注销) and got none
  if (rounds.length === 0)
    return (
      <div data-testid="materials-by-round" data-empty="true">
        <EmptyHint text={t('cases.noMaterials')} />
      </div>
    );
  return (
    <div data-testid="materials-by-round">
      {rounds.map((round) => {
        const rows = materials.filter((m) => m.round === round && !isLater(m) && !(round === 1 && m.status === 'missing' && hideMissingOptional?.has(m.key)));
        const withNotes = round > 1;
        return (
          <div key={round} className="case-round">
            <div className="case-round-title">{round === 1 ? t('cases.roundFirst') : t('cases.roundN', { n: round })}</div>
            <Table<CaseMaterial>
              size="small"
              pagination={false}
              rowKey={(m) => `${m.round}-${m.key}`}
              dataSource={rows}
              columns={
                narrow
                  ? cardColumns
                  : withNotes
                    ? [...columns.slice(0, 1), { title: t('cases.askedNote'), dataIndex: 'note', render: (n: string | null) => n ?? '—' }, ...columns.slice(1)]
                    : columns
              }
            />
          </div>
        );
      })}
      {handedInLater.length > 0 && (
        <div className="case-round" data-testid="materials-handed-in-later">
          <div className="case-round-title">{tt('tol.roundLater')}</div>
          <Table<CaseMaterial>
            size="small"
            pagination={false}
            rowKey={(m) => `later-${m.key}`}
            dataSource={handedInLater}
            columns={
              narrow
                ? cardColumns
                : [
                    ...columns.slice(0, 1),
                    {
                      title: tt('tol.col.handedInAt'),
                      key: 'at',
                      width: 150,
                      render: (_v, m) => <span className="nowrap">{formatDateTime(later.get(m.key), locale)}</span>,
                    },
                    ...columns.slice(1),
                  ]
            }
          />
        </div>
      )}
    </div>
  );
}
