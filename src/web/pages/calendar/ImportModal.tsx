import { useRef, useState } from 'react';
import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/index.tsx';
import { isApiError } from '../../api/client.ts';
import { useImportCalendar, usePreviewImport, type DayDiff, type ImportRequest } from '../../api/calendar.ts';
import { useFeedback } from '../../components/feedback-context.tsx';
import { weekdayName } from './dates.ts';

/** The server takes JSON bodies up to 1 MiB; base64 makes an .xlsx a third larger. */
const maxContentChars = 1_000_000;

function readFile(file: File): Promise<Pick<ImportRequest, 'format' | 'content'>> {
  const format = /\.ics$/i.test(file.name) ? 'ics' : /\.xlsx$/i.test(file.name) ? 'xlsx' : null;
  if (!format) return Promise.reject(new Error('unsupported'));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.onload = () => {
      const result = String(reader.result ?? '');
      // a data URL: "data:<type>;base64,<content>"
      resolve({ format, content: format === 'ics' ? result : result.slice(result.indexOf(',') + 1) });
    };
    if (format === 'ics') reader.readAsText(file, 'utf-8');
    else reader.readAsDataURL(file);
  });
}

/** What a 400 says: the server's message, and per-row problems of a spreadsheet. */
function ImportError({ error }: { error: unknown }) {
  const t = useT();
  const details = isApiError(error) ? (error.details as { reason?: string; rows?: { row: number; reason: string }[] } | null) : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert
      type="error"
      showIcon
      className="block-gap"
      title={isApiError(error) && error.status === 400 ? t('cal.import.failed') : message}
      description={
        <div data-testid="import-errors">
          {isApiError(error) && error.status === 400 && <div>{details?.rows ? message : (details?.reason ?? message)}</div>}
          {details?.rows && (
            <ul className="cal-import-rows">
              {details.rows.map((r) => (
                <li key={r.row}>{t('cal.import.row', { row: r.row, reason: r.reason })}</li>
              ))}
            </ul>
          )}
        </div>
      }
    />
  );
}

/** Import an arrangement (.ics or .xlsx) into the calendar being viewed: preview the changed days and moved deadlines, then confirm. */
export function ImportModal({ region, onClose }: { region: { code: string; name: string } | null; onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; request: ImportRequest } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const preview = usePreviewImport();
  const commit = useImportCalendar();

  const choose = async (f: File | undefined) => {
    if (!f) return;
    preview.reset();
    commit.reset();
    setFile(null);
    setReadError(null);
    try {
      const read = await readFile(f);
      if (read.content.length > maxContentChars) throw new Error('too large');
      const request: ImportRequest = { region: region?.code ?? null, ...read };
      setFile({ name: f.name, request });
      preview.mutate(request);
    } catch (error) {
      setReadError(
        (error as Error).message === 'unsupported'
          ? t('cal.import.unsupported')
          : (error as Error).message === 'too large'
            ? t('cal.import.tooLarge')
            : t('cal.import.readFailed'),
      );
    }
  };

  const confirm = () => {
    if (!file) return;
    commit.mutate(file.request, {
      onSuccess: (r) => {
        void message.success(t('cal.import.done', { days: r.diff.length, moved: r.movedClocks }));
        onClose();
      },
    });
  };

  const describe = (v: DayDiff['before']) =>
    v ? (
      <span>
        <Tag color={v.kind === 'holiday' ? 'red' : 'blue'}>{t(v.kind === 'holiday' ? 'cal.legend.holiday' : 'cal.legend.makeup')}</Tag>
        {v.name}
      </span>
    ) : (
      <Typography.Text type="secondary">{t('cal.import.none')}</Typography.Text>
    );

  const result = preview.data;
  return (
    <Modal
      open
      width={760}
      title={t('cal.import.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" disabled={!result || result.diff.length === 0} loading={commit.isPending} onClick={confirm} data-testid="import-confirm">
            {t('cal.import.confirm')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('cal.import.intro')}</Typography.Paragraph>
      <div className="cal-import-target">
        <span className="muted">{t('cal.import.target')}</span>
        <strong data-testid="import-target">{region ? region.name : t('cal.national')}</strong>
      </div>
      <div className="cal-import-file">
        <input
          ref={input}
          type="file"
          accept=".ics,.xlsx,text/calendar,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="cal-file-input"
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
          data-testid="import-file"
        />
        <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} loading={preview.isPending}>
          {t('cal.import.choose')}
        </Button>
        {file && <span className="cal-file-name">{file.name}</span>}
      </div>
      {readError && <Alert type="error" showIcon className="block-gap" title={readError} />}
      {preview.isError && <ImportError error={preview.error} />}
      {commit.isError && <ImportError error={commit.error} />}
      {result && (
        <div data-testid="import-preview">
          <Alert
            type={result.diff.length ? 'warning' : 'info'}
            showIcon
            className="block-gap"
            title={result.diff.length ? t('cal.import.diff', { n: result.diff.length }) : t('cal.import.noDiff')}
            description={result.diff.length ? <strong data-testid="import-moved">{t('cal.import.moved', { n: result.movedClocks })}</strong> : undefined}
          />
          {result.diff.length > 0 && (
            <Table<DayDiff>
              rowKey="date"
              size="small"
              dataSource={result.diff}
              pagination={result.diff.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
              columns={[
                {
                  title: t('cal.import.date'),
                  dataIndex: 'date',
                  width: 170,
                  render: (d: string) => (
                    <span>
                      <span className="mono">{d}</span> <span className="cell-sub">{weekdayName(t, d)}</span>
                    </span>
                  ),
                },
                { title: t('cal.import.before'), dataIndex: 'before', render: describe },
                { title: t('cal.import.after'), dataIndex: 'after', render: describe },
              ]}
              data-testid="import-diff"
            />
          )}
        </div>
      )}
    </Modal>
  );
}
