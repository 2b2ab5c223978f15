import { useEffect, useState } from 'react';
import { Button, Input, Modal, Table, Typography, type TableColumnsType } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { isStaff, useMe } from '../../../api/auth.ts';
import { fileReference, fileUrl, useMyFiles, type MyFile } from '../../../api/files.ts';
import { EmptyHint, InlineError } from '../../../components/Feedback.tsx';
import { useNarrow } from '../../../components/useNarrow.ts';
import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT, type CaseT } from '../../../i18n/cases-pages.ts';
import { formatDateTime } from '../../../i18n/format.ts';

/** A file picked: its reference for the application (`file:<id>`) and its name as uploaded. */
export interface PickedFile {
  reference: string;
  name: string;
}

const pageSize = 10;
/** How many of a file's earlier uses a row lists before it only counts the rest. */
const usesShown = 3;

/** 1.2 MB, 356 KB, 900 B. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 材料复用: beside a material's upload, the applicant's own earlier uploads to hand in again instead — a search by the
 * file's or the material's name, each file with where it was handed in before. Staff are offered nothing: a clerk
 * uploads what the applicant brings. `chosen` is the material's current reference, marked in the list.
 */
export function MyFilesPicker({
  testIdPrefix,
  materialKey,
  materialName,
  chosen,
  disabled,
  onPick,
}: {
  testIdPrefix: string;
  materialKey: string;
  materialName: string;
  chosen?: string;
  disabled?: boolean;
  onPick: (file: PickedFile) => void;
}) {
  const t = useCaseT();
  const me = useMe().data;
  const [open, setOpen] = useState(false);
  if (!me || isStaff(me)) return null;
  return (
    <>
      <Button icon={<FolderOpenOutlined />} disabled={disabled} onClick={() => setOpen(true)} data-testid={`${testIdPrefix}-mine-${materialKey}`}>
        {t('cases.myFiles.choose')}
      </Button>
      {open && (
        <MyFilesDialog
          materialName={materialName}
          chosen={chosen}
          onClose={() => setOpen(false)}
          onPick={(file) => {
            setOpen(false);
            onPick(file);
          }}
        />
      )}
    </>
  );
}

function MyFilesDialog({
  materialName,
  chosen,
  onClose,
  onPick,
}: {
  materialName: string;
  chosen?: string;
  onClose: () => void;
  onPick: (file: PickedFile) => void;
}) {
  const t = useCaseT();
  const { locale } = useLocale();
  const narrow = useNarrow();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const search = (value: string) => {
    if (value.trim() === q) return;
    setQ(value.trim());
    setPage(1);
  };
  // the list narrows as the applicant types, once they pause
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => {
      setQ(text.trim());
      setPage(1);
    }, 400);
    return () => clearTimeout(timer);
  }, [text, q]);
  const files = useMyFiles({ q: q || undefined, limit: pageSize, offset: (page - 1) * pageSize });
  const total = files.data?.total ?? 0;

  const pick = (f: MyFile) => onPick({ reference: fileReference(f), name: f.name });
  const pickButton = (f: MyFile) => {
    const isChosen = chosen === fileReference(f);
    return (
      <Button type={isChosen ? 'default' : 'primary'} size="small" disabled={isChosen} onClick={() => pick(f)} data-testid="my-file-pick">
        {t(isChosen ? 'cases.myFiles.picked' : 'cases.myFiles.pick')}
      </Button>
    );
  };
  const nameLink = (f: MyFile) => (
    <a href={fileUrl(fileReference(f)) ?? undefined} target="_blank" rel="noreferrer" className="my-file-name" data-testid="my-file-name">
      {f.name}
    </a>
  );

  const columns: TableColumnsType<MyFile> = [
    { title: t('cases.myFiles.name'), dataIndex: 'name', width: 220, render: (_: string, f) => nameLink(f) },
    { title: t('cases.myFiles.size'), dataIndex: 'size', width: 90, render: (size: number) => formatFileSize(size) },
    { title: t('cases.myFiles.uploadedAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at, locale) },
    { title: t('cases.myFiles.usedFor'), dataIndex: 'usedFor', render: (_: unknown, f) => <FileUses t={t} file={f} /> },
    { key: 'pick', width: 90, align: 'right', render: (_: unknown, f) => pickButton(f) },
  ];
  // a phone: each file a card — its name, size and time, its uses, and 选用 — rather than five squeezed columns
  const cardColumns: TableColumnsType<MyFile> = [
    {
      title: t('cases.myFiles.name'),
      dataIndex: 'name',
      render: (_: string, f) => (
        <div className="case-card">
          {nameLink(f)}
          <span className="cell-sub">
            {formatFileSize(f.size)} · {formatDateTime(f.createdAt, locale)}
          </span>
          <FileUses t={t} file={f} />
          <div>{pickButton(f)}</div>
        </div>
      ),
    },
  ];

  return (
    <Modal open title={t('cases.myFiles.title', { material: materialName })} width={920} footer={null} onCancel={onClose} data-testid="my-files-picker">
      <Typography.Paragraph type="secondary">{t('cases.myFiles.hint')}</Typography.Paragraph>
      <Input.Search
        allowClear
        maxLength={100}
        placeholder={t('cases.myFiles.search')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={search}
        className="block-gap my-files-search"
        data-testid="my-files-search"
      />
      {files.isError ? (
        <InlineError error={files.error} onRetry={() => void files.refetch()} />
      ) : (
        <Table<MyFile>
          rowKey="id"
          size="small"
          columns={narrow ? cardColumns : columns}
          showHeader={!narrow}
          dataSource={files.data?.items ?? []}
          loading={files.isFetching}
          locale={{ emptyText: files.isPending ? ' ' : <EmptyHint text={t(q ? 'cases.myFiles.emptyFiltered' : 'cases.myFiles.empty')} /> }}
          pagination={
            total > pageSize
              ? { current: page, pageSize, total, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('cases.myFiles.total', { n }), size: 'small' }
              : false
          }
          data-testid="my-files-table"
        />
      )}
    </Modal>
  );
}

/** Where a file was handed in before: each material with its case's number (the item's name on hover). */
function FileUses({ t, file }: { t: CaseT; file: MyFile }) {
  if (file.usedFor.length === 0) return <span className="cell-sub">{t('cases.myFiles.notUsed')}</span>;
  const rest = file.usedFor.length - usesShown;
  return (
    <div className="my-file-uses" data-testid="my-file-uses">
      {file.usedFor.slice(0, usesShown).map((u) => (
        <div key={`${u.caseId}-${u.material}`} title={u.subject}>
          {u.material} · <span className="mono">{u.number}</span>
        </div>
      ))}
      {rest > 0 && <div className="cell-sub">{t('cases.myFiles.usedMore', { n: rest })}</div>}
    </div>
  );
}
