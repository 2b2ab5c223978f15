import { useState, type ReactNode } from 'react';
import { Button, Checkbox, Select, Tag, Tooltip, Upload } from 'antd';
import { CheckCircleFilled, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/index.tsx';
import { useCaseT } from '../../../i18n/cases-pages.ts';
import { useTolT } from '../../../i18n/tolerated.ts';
import { acceptAttribute, fileReference, fileUrl, uploadFile } from '../../../api/files.ts';
import { uploadErrorText } from '../../../components/upload-errors.ts';
import type { HeldLicense, ItemContent, MaterialInput } from '../../../api/cases.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { MyFilesPicker } from './MyFilesPicker.tsx';

type Material = ItemContent['materials'][number];

/**
 * How one material is handed in: an upload, a license the applicant holds, taken from an electronic license
 * or shared data by the department, or paper checked at the window.
 */
export type MaterialChoice =
  { kind: 'file'; reference: string; name: string } | { kind: 'held'; license: HeldLicense } | { kind: 'license' } | { kind: 'paper' };
export type MaterialChoices = Record<string, MaterialChoice | undefined>;

/** What the clerk writes for paper originals checked at the window (the server keeps it as the reference). */
export const paperVerified = '纸质原件已核验';

export const takesLicense = (m: Material) => m.source === 'license' || m.source === 'shared_data';

/** The API's `materials` from the choices. */
export function toMaterialInputs(choices: MaterialChoices): MaterialInput[] {
  return Object.entries(choices).flatMap(([key, c]): MaterialInput[] => {
    if (!c) return [];
    if (c.kind === 'license') return [{ key, fromLicense: true }];
    if (c.kind === 'held') return [{ key, licenseId: c.license.id }];
    if (c.kind === 'paper') return [{ key, reference: paperVerified }];
    return [{ key, reference: c.reference }];
  });
}

export function missingRequired(materials: Material[], choices: MaterialChoices): Material[] {
  return materials.filter((m) => m.necessity === 'required' && !choices[m.key]);
}

/**
 * The item's materials with a way to hand in each: upload (PDF, JPEG, PNG, OFD up to 20 MB), or online pick one of
 * the applicant's earlier uploads (材料复用); pick a license of the type asked that the applicant holds (`licenses`),
 * take it from an electronic license or shared data where the catalog allows, or — at the window — tick that the
 * paper original was checked.
 * Required materials are marked; conditional ones say when they apply.
 */
export function MaterialsInput({
  materials,
  value,
  onChange,
  mode,
  note,
  licenses = [],
  linkLicenses = true,
}: {
  materials: Material[];
  value: MaterialChoices;
  onChange: (next: MaterialChoices) => void;
  mode: 'online' | 'window';
  /** an extra line under a material's name */
  note?: (m: Material) => ReactNode;
  /** the licenses the applicant holds (GET /licenses) */
  licenses?: HeldLicense[];
  /** whether the caller may open those licenses (not an agent: they are the principal's cases) */
  linkLicenses?: boolean;
}) {
  const set = (key: string, choice: MaterialChoice | undefined) => onChange({ ...value, [key]: choice });
  return (
    <div className="case-materials-input" data-testid="materials-input">
      {materials.map((m) => (
        <MaterialRow
          key={m.key}
          m={m}
          choice={value[m.key]}
          onChoose={(c) => set(m.key, c)}
          mode={mode}
          note={note?.(m)}
          // an expired license is no longer a material (the server refuses it): only those still valid are offered
          held={m.source === 'license' && m.licenseType ? licenses.filter((l) => l.type === m.licenseType && l.state !== 'expired') : []}
          linkHeld={linkLicenses}
        />
      ))}
    </div>
  );
}

function MaterialRow({
  m,
  choice,
  onChoose,
  mode,
  note,
  held,
  linkHeld,
}: {
  m: Material;
  choice: MaterialChoice | undefined;
  onChoose: (c: MaterialChoice | undefined) => void;
  mode: 'online' | 'window';
  note?: ReactNode;
  /** licenses of the type this material takes that the applicant holds */
  held: HeldLicense[];
  linkHeld: boolean;
}) {
  const t = useCaseT();
  const tt = useTolT();
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const necessity =
    m.necessity === 'required' ? 'cases.necessity.required' : m.necessity === 'conditional' ? 'cases.necessity.conditional' : 'cases.necessity.optional';
  return (
    <div className="case-material" data-material={m.key}>
      <div className="case-material-main">
        <div className="case-material-name">
          {choice ? <CheckCircleFilled className="case-material-done" /> : <span className="case-material-dot" />}
          <span className={m.necessity === 'required' ? 'sf-required' : undefined}>{m.name}</span>
          <Tag color={m.necessity === 'required' ? 'red' : m.necessity === 'conditional' ? 'orange' : 'default'} variant="outlined">
            {t(necessity)}
          </Tag>
          {/* 容缺后补: the window may accept the application without it, to be handed in within a set period */}
          {m.necessity === 'required' && m.tolerable && (
            <Tooltip title={tt('tol.tolerableHint')}>
              <Tag color="gold" variant="outlined" data-testid={`apply-tolerable-${m.key}`}>
                {tt('tol.tolerableTag')}
              </Tag>
            </Tooltip>
          )}
        </div>
        <div className="cell-sub">
          {[
            t(`cases.mkind.${m.kind}`),
            t('cases.copies', { n: m.count }),
            m.condition ? t('cases.condition', { text: m.condition }) : null,
            takesLicense(m) ? (m.sourceNote ?? (m.licenseType ? t('cases.licenseType', { type: m.licenseType }) : null)) : null,
            m.notes ?? null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </div>
        {note && <div className="cell-sub">{note}</div>}
        {choice?.kind === 'file' && (
          <div className="case-material-file">
            <a href={fileUrl(choice.reference) ?? undefined} target="_blank" rel="noreferrer">
              {choice.name}
            </a>
            <Button type="link" size="small" onClick={() => onChoose(undefined)}>
              {t('action.remove')}
            </Button>
          </div>
        )}
        {choice?.kind === 'held' && (
          <div className="case-material-file" data-testid={`held-chosen-${m.key}`}>
            {linkHeld ? (
              <a href={`/api/v1/cases/${choice.license.caseId}/documents/${choice.license.id}/pdf`} target="_blank" rel="noreferrer">
                {t('cases.heldLicenseChosen', { type: choice.license.type, number: choice.license.number })}
              </a>
            ) : (
              <span>{t('cases.heldLicenseChosen', { type: choice.license.type, number: choice.license.number })}</span>
            )}
            <Button type="link" size="small" onClick={() => onChoose(undefined)}>
              {t('action.remove')}
            </Button>
          </div>
        )}
        {error && <div className="sf-error">{error}</div>}
      </div>
      <div className="case-material-actions">
        {held.length > 0 && (
          <Select
            id={`held-license-${m.key}`}
            className="case-held-license"
            placeholder={t(mode === 'window' ? 'cases.heldLicenseWindow' : 'cases.heldLicense')}
            value={choice?.kind === 'held' ? choice.license.id : undefined}
            onChange={(id: number | undefined) => {
              const license = held.find((l) => l.id === id);
              onChoose(license ? { kind: 'held', license } : undefined);
            }}
            allowClear
            popupMatchSelectWidth={false}
            options={held.map((l) => ({
              value: l.id,
              label: t('cases.heldLicenseOption', { number: l.number, issuer: l.issuer, date: formatDateTime(l.issuedAt, locale).slice(0, 10) }),
            }))}
            data-testid={`held-license-${m.key}`}
          />
        )}
        {takesLicense(m) && (
          <Button
            icon={<SafetyCertificateOutlined />}
            type={choice?.kind === 'license' ? 'primary' : 'default'}
            ghost={choice?.kind === 'license'}
            onClick={() => onChoose(choice?.kind === 'license' ? undefined : { kind: 'license' })}
            data-testid={`use-license-${m.key}`}
          >
            {choice?.kind === 'license' ? t('cases.licenseChosen') : t(m.source === 'shared_data' ? 'cases.useShared' : 'cases.useLicense')}
          </Button>
        )}
        {mode === 'window' && (
          <Checkbox
            checked={choice?.kind === 'paper'}
            onChange={(e) => onChoose(e.target.checked ? { kind: 'paper' } : undefined)}
            data-testid={`paper-${m.key}`}
          >
            {t('cases.paperVerified')}
          </Checkbox>
        )}
        <Upload
          accept={acceptAttribute}
          showUploadList={false}
          disabled={busy}
          customRequest={async ({ file }) => {
            setBusy(true);
            setError(null);
            try {
              const stored = await uploadFile(file as File, locale);
              onChoose({ kind: 'file', reference: fileReference(stored), name: stored.name });
            } catch (e) {
              setError(uploadErrorText(t, e, (file as File).name));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid={`upload-${m.key}`}>
            {mode === 'window' ? t('cases.uploadScan') : choice?.kind === 'file' ? t('cases.replaceFile') : t('cases.uploadFile')}
          </Button>
        </Upload>
        {mode === 'online' && (
          <MyFilesPicker
            testIdPrefix="apply"
            materialKey={m.key}
            materialName={m.name}
            chosen={choice?.kind === 'file' ? choice.reference : undefined}
            disabled={busy}
            onPick={(file) => {
              setError(null);
              onChoose({ kind: 'file', ...file });
            }}
          />
        )}
      </div>
    </div>
  );
}
