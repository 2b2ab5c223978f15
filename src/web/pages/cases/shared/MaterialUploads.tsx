import { useState, type ReactNode } from 'react';
import { Button, Upload } from 'antd';
import { CheckCircleFilled, UploadOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { acceptAttribute, fileReference, fileUrl, uploadFile } from '../../../api/files.ts';
import { uploadErrorText } from '../../../components/upload-errors.ts';
import { paperVerified } from './MaterialsInput.tsx';
import { MyFilesPicker } from './MyFilesPicker.tsx';

/** What is handed in for each material, by key: an uploaded file (`file:<id>`) or, at the window, the paper original checked. */
export type HandedIn = Record<string, { reference: string; name: string } | undefined>;

/** The API's `materials` for the keys chosen, in the order the materials are listed. */
export const handedInList = (materials: { key: string }[], value: HandedIn) =>
  materials.flatMap((m) => (value[m.key] ? [{ key: m.key, reference: value[m.key]!.reference }] : []));

/**
 * The materials asked for after the application — 补正 after a notice, 容缺后补 after acceptance — each with its own
 * upload (for the applicant, or one of their earlier uploads: 材料复用), or at the window the paper original checked.
 * `testIdPrefix` names each row's buttons.
 */
export function MaterialUploads({
  materials,
  value,
  onChange,
  mode,
  testIdPrefix,
  note,
}: {
  materials: { key: string; name: string }[];
  value: HandedIn;
  onChange: (next: HandedIn) => void;
  mode: 'applicant' | 'window';
  testIdPrefix: string;
  /** a line under a material's name (what the notice asked, by when) */
  note?: (key: string) => ReactNode;
}) {
  const t = useCaseT();
  const { locale } = useLocale();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const set = (key: string, chosen: HandedIn[string]) => onChange({ ...value, [key]: chosen });
  const upload = async (key: string, file: File) => {
    setBusy(key);
    setErrors((e) => ({ ...e, [key]: undefined }));
    try {
      const stored = await uploadFile(file, locale);
      set(key, { reference: fileReference(stored), name: stored.name });
    } catch (e) {
      setErrors((x) => ({ ...x, [key]: uploadErrorText(t, e, file.name) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="case-asked-list">
      {materials.map((m) => {
        const chosen = value[m.key];
        const url = chosen ? fileUrl(chosen.reference) : null;
        return (
          <div key={m.key} className="case-material" data-material={m.key}>
            <div className="case-material-main">
              <div className="case-material-name">
                {chosen ? <CheckCircleFilled className="case-material-done" /> : <span className="case-material-dot" />}
                <span className="sf-required">{m.name}</span>
              </div>
              {note?.(m.key)}
              {chosen && (
                <div className="case-material-file">
                  {url ? (
                    <a href={url} target="_blank" rel="noreferrer">
                      {chosen.name}
                    </a>
                  ) : (
                    chosen.name
                  )}
                  <Button type="link" size="small" onClick={() => set(m.key, undefined)}>
                    {t('action.remove')}
                  </Button>
                </div>
              )}
              {errors[m.key] && <div className="sf-error">{errors[m.key]}</div>}
            </div>
            <div className="case-material-actions">
              {mode === 'window' && (
                <Button onClick={() => set(m.key, { reference: paperVerified, name: paperVerified })} data-testid={`${testIdPrefix}-paper-${m.key}`}>
                  {t('cases.paperVerified')}
                </Button>
              )}
              <Upload accept={acceptAttribute} showUploadList={false} disabled={!!busy} customRequest={({ file }) => void upload(m.key, file as File)}>
                <Button icon={<UploadOutlined />} loading={busy === m.key} data-testid={`${testIdPrefix}-upload-${m.key}`}>
                  {chosen ? t('cases.replaceFile') : t('cases.uploadFile')}
                </Button>
              </Upload>
              {mode === 'applicant' && (
                <MyFilesPicker
                  testIdPrefix={testIdPrefix}
                  materialKey={m.key}
                  materialName={m.name}
                  chosen={chosen?.reference}
                  disabled={!!busy}
                  onPick={(file) => {
                    setErrors((x) => ({ ...x, [m.key]: undefined }));
                    set(m.key, file);
                  }}
                />
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
