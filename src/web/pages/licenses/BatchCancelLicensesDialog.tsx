import { useState } from 'react';
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import type { IssuedLicenseState } from '../../../common/licenses.ts';
import { useLocale } from '../../i18n/index.tsx';
import { useLicT, type LicT } from '../../i18n/licenses.ts';
import { isApiError } from '../../api/client.ts';
import type { IssuedLicense } from '../../api/licenses.ts';
import { cancelGroundLabel } from '../cases/shared/Licenses.tsx';

const noteMax = 500;

/**
 * Why one license of a batch was not cancelled: skipped when it no longer holds (409 — a colleague cancelled it
 * meanwhile, or it was revoked or replaced), failed otherwise (not the issuing department, gone, …).
 */
export function batchRefusal(error: unknown, t: LicT): string {
  if (!isApiError(error)) return t('lic.batch.failed', { reason: error instanceof Error ? error.message : String(error) });
  const d = (error.details ?? {}) as { state?: string };
  if (error.status === 409) {
    const known = d.state === 'revoked' || d.state === 'superseded' || d.state === 'cancelled';
    return t('lic.batch.skipped', {
      reason: known ? t('lic.batch.skip.state', { state: t(`lic.state.${d.state as IssuedLicenseState}`) }) : t('lic.batch.skip.changed'),
    });
  }
  if (error.status === 403) return t('lic.batch.failed', { reason: t('lic.cancel.err.forbidden') });
  if (error.status === 404) return t('lic.batch.failed', { reason: t('lic.cancel.err.notFound') });
  return t('lic.batch.failed', { reason: error.message });
}

/**
 * 批量注销's confirmation (行政许可法 art. 70 (一)): how many and which, the ground fixed as 有效期届满未延续, an
 * optional note recorded with each cancellation, and that it cannot be undone. Confirming hands the note over: the
 * page runs the batch, its progress on the batch bar.
 */
export function BatchCancelLicensesDialog(props: { licenses: IssuedLicense[]; onConfirm: (note: string | null) => void; onClose: () => void }) {
  const t = useLicT();
  const { locale } = useLocale();
  const [note, setNote] = useState('');
  const n = props.licenses.length;
  const permits = props.licenses.every((l) => l.itemType === 'licensing');
  return (
    <Modal
      open
      title={t('lic.batch.title')}
      okText={t('lic.batch.confirm', { n })}
      okButtonProps={{ danger: true, 'data-testid': 'batch-cancel-ok' }}
      cancelText={t('action.cancel')}
      onCancel={props.onClose}
      onOk={() => props.onConfirm(note.trim() || null)}
      width={640}
      maskClosable={false}
      data-testid="batch-cancel-dialog"
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        className="block-gap"
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'count', label: t('lic.batch.count'), children: <span data-testid="batch-cancel-count">{t('lic.batch.countValue', { n })}</span> },
          {
            key: 'licenses',
            label: t('lic.batch.licenses'),
            children: (
              <ul className="batch-cancel-list" data-testid="batch-cancel-list">
                {props.licenses.map((l) => (
                  <li key={l.id}>
                    <span className="mono">{l.number}</span> <span className="cell-sub">{l.holder}</span>
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: 'ground',
            label: t('lic.cancel.ground'),
            children: (
              <span data-testid="batch-cancel-ground">
                {/* permits run out under 行政许可法 art. 70 (一); other licenses by their own rules */}
                {cancelGroundLabel('expired', permits ? 'licensing' : null, locale)}
                {permits && <div className="cell-sub">{t('lic.batch.groundBasis')}</div>}
              </span>
            ),
          },
        ]}
      />
      <Form layout="vertical" component="div">
        <Form.Item label={t('lic.cancel.note')} extra={t('lic.batch.noteHint')}>
          <Input.TextArea
            id="batch-cancel-note"
            rows={2}
            maxLength={noteMax}
            showCount
            placeholder={t('lic.batch.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
      <Alert type="warning" showIcon title={t('lic.batch.warning')} data-testid="batch-cancel-warning" />
    </Modal>
  );
}
