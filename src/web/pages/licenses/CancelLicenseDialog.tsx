import { useState } from 'react';
import { Alert, Descriptions, Form, Input, Modal, Select, Typography } from 'antd';
import { licenseCancelGrounds, type IssuedLicenseState, type LicenseCancelGround } from '../../../common/licenses.ts';
import { useLocale } from '../../i18n/index.tsx';
import { useLicT, type LicT } from '../../i18n/licenses.ts';
import { isApiError } from '../../api/client.ts';
import { useCancelLicense, type IssuedLicense } from '../../api/licenses.ts';
import { useIdempotencyKey } from '../../components/forms.ts';
import { useFeedback } from '../../components/feedback-context.tsx';
import { cancelGroundLabel, validUntilText } from '../cases/shared/Licenses.tsx';

const noteMax = 500;

/**
 * The server's refusal said plainly: no longer holds (409, with its state), counted as renewed while its renewal is in
 * hand (409), not the issuing department (403), gone (404).
 */
function refusal(error: unknown, t: LicT): { text: string; field?: 'note' | 'ground' } {
  if (!isApiError(error)) return { text: error instanceof Error ? error.message : String(error) };
  const d = (error.details ?? {}) as { state?: string; field?: string; renewal?: { number: string } | null };
  if (error.status === 409 && d.state === 'deemed_renewed') return { text: t('lic.cancel.err.deemed', { number: d.renewal?.number ?? '' }), field: 'ground' };
  if (error.status === 409) {
    const known = d.state === 'revoked' || d.state === 'superseded' || d.state === 'cancelled';
    return { text: known ? t('lic.cancel.err.conflict', { state: t(`lic.state.${d.state as IssuedLicenseState}`) }) : t('lic.cancel.err.conflictAgain') };
  }
  if (error.status === 403) return { text: t('lic.cancel.err.forbidden') };
  if (error.status === 404) return { text: t('lic.cancel.err.notFound') };
  if (error.code === 'VALIDATION_FAILED' && d.field === 'note') return { text: error.message, field: 'note' };
  if (error.code === 'VALIDATION_FAILED' && d.field === 'ground') return { text: t('lic.cancel.expiredNotYet'), field: 'ground' };
  return { text: error.message };
}

/**
 * 注销 (行政许可法 art. 70): the issuing department cancels a license that no longer holds, on one of the law's grounds
 * with a note (required for 其他情形). The dialog says what follows — the license stops holding, the holder is told —
 * and shows a refusal in place; the ledger is refreshed either way.
 */
export function CancelLicenseDialog({ license: l, onClose }: { license: IssuedLicense; onClose: () => void }) {
  const t = useLicT();
  const { locale } = useLocale();
  const { message } = useFeedback();
  const [ground, setGround] = useState<LicenseCancelGround | undefined>(undefined);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<{ text: string; field?: 'note' | 'ground' } | null>(null);
  // one key for the dialog: a click repeated after a lost answer cancels once
  const [key] = useIdempotencyKey();
  const cancel = useCancelLicense();
  const text = note.trim();
  const noteMissing = ground === 'other' && !text;
  // refused for good (it no longer holds, or is not ours): nothing left to confirm
  const settled = !!error && !error.field && isApiError(cancel.error) && [403, 404, 409].includes(cancel.error.status);

  const submit = () => {
    setTried(true);
    setError(null);
    if (!ground || noteMissing) return;
    cancel.mutateAsync({ id: l.id, ground, note: text || null, key }).then(
      () => {
        message.success(t('lic.cancel.done', { number: l.number }));
        onClose();
      },
      (e: unknown) => setError(refusal(e, t)),
    );
  };

  return (
    <Modal
      open
      title={t('lic.cancel.title')}
      okText={t('lic.cancel.confirm')}
      okButtonProps={{ danger: true, loading: cancel.isPending, disabled: settled, 'data-testid': 'cancel-license-ok' }}
      cancelText={settled ? t('action.close') : t('action.cancel')}
      onCancel={onClose}
      onOk={submit}
      width={640}
      maskClosable={false}
      data-testid="cancel-license-dialog"
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        className="block-gap"
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'type', label: t('lic.col.type'), children: l.type },
          { key: 'number', label: t('lic.col.number'), children: <span className="mono">{l.number}</span> },
          { key: 'holder', label: t('lic.adm.col.holder'), children: l.holder },
          { key: 'validUntil', label: t('lic.col.validUntil'), children: validUntilText(l.validUntil, locale, t) },
        ]}
      />
      <Typography.Paragraph type="secondary">{t(l.itemType === 'licensing' ? 'lic.cancel.intro' : 'lic.cancel.introCertificate')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('lic.cancel.ground')}
          required
          validateStatus={(tried && !ground) || error?.field === 'ground' ? 'error' : undefined}
          help={tried && !ground ? t('lic.cancel.groundRequired') : error?.field === 'ground' ? error.text : undefined}
        >
          <Select<LicenseCancelGround>
            id="cancel-ground"
            value={ground}
            onChange={(g) => {
              setGround(g);
              setError(null);
            }}
            placeholder={t('lic.cancel.groundPlaceholder')}
            options={licenseCancelGrounds.map((g) => {
              // 有效期届满未延续 only for a license that ran out without a renewal in hand
              const why =
                g !== 'expired' || l.state === 'expired' ? null : l.state === 'deemed_renewed' ? t('lic.cancel.expiredDeemed') : t('lic.cancel.expiredNotYet');
              return {
                value: g,
                disabled: why !== null,
                label: why ? (
                  <span title={why}>
                    {cancelGroundLabel(g, l.itemType, locale)} <Typography.Text type="secondary">· {why}</Typography.Text>
                  </span>
                ) : (
                  cancelGroundLabel(g, l.itemType, locale)
                ),
              };
            })}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item
          label={t('lic.cancel.note')}
          required={ground === 'other'}
          validateStatus={(tried && noteMissing) || error?.field === 'note' ? 'error' : undefined}
          help={tried && noteMissing ? t('lic.cancel.noteRequired') : error?.field === 'note' ? error.text : undefined}
        >
          <Input.TextArea
            id="cancel-note"
            rows={3}
            maxLength={noteMax}
            showCount
            placeholder={t('lic.cancel.notePlaceholder')}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              if (error?.field === 'note') setError(null);
            }}
          />
        </Form.Item>
      </Form>
      <Alert type="warning" showIcon title={t('lic.cancel.warning')} data-testid="cancel-license-warning" />
      {error && !error.field && <Alert type="error" showIcon className="block-gap-top" title={error.text} data-testid="cancel-license-error" />}
    </Modal>
  );
}
