import { Type, type Static } from 'typebox';
import { Nullable } from '../../server/schemas.ts';
import { defaultRenewalLead } from '../../common/licenses.ts';
import { itemTypes, type ItemType } from '../../common/decisions.ts';

/**
 * The elements of an implementation list (实施清单, GB/T 39554.1 and the national element list in
 * docs/catalog.md): one TypeBox schema is the validation, the static type and the OpenAPI entry.
 */

export { itemTypes, type ItemType } from '../../common/decisions.ts';
export const ItemTypeSchema = Type.Unsafe<ItemType>(Type.String({ enum: [...itemTypes] }));

export const themes = [
  '生育',
  '入学',
  '就业',
  '户籍',
  '住房',
  '养老',
  '医疗',
  '社会救助',
  '残疾人',
  '交通出行',
  '开办企业',
  '工程建设',
  '不动产',
  '经营许可',
  '税务',
  '环境保护',
] as const;

const Unit = Type.Union([Type.Literal('workday'), Type.Literal('day'), Type.Literal('workhour')]);
export const Limit = Type.Object(
  { value: Type.Integer({ minimum: 0, maximum: 3650 }), unit: Unit, note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type Limit = Static<typeof Limit>;

/** A license's period of validity, in years or months. */
export const Validity = Type.Object(
  { value: Type.Integer({ minimum: 1, maximum: 100 }), unit: Type.Union([Type.Literal('year'), Type.Literal('month')]) },
  { additionalProperties: false },
);
export type Validity = Static<typeof Validity>;

export const Material = Type.Object(
  {
    /** Stable key within the item (and across a bundle when two items ask for the same thing, e.g. "id_card"). */
    key: Type.String({ pattern: '^[a-z0-9_]{1,60}$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    /** 原件 / 复印件 / 原件及复印件 */
    kind: Type.Union([Type.Literal('original'), Type.Literal('copy'), Type.Literal('original_and_copy')]),
    /** 纸质 / 电子 / 纸质或电子 */
    form: Type.Union([Type.Literal('paper'), Type.Literal('electronic'), Type.Literal('both')]),
    /** 必要 / 容缺或情形必要 / 非必要 */
    necessity: Type.Union([Type.Literal('required'), Type.Literal('conditional'), Type.Literal('optional')]),
    condition: Type.Optional(Type.String({ maxLength: 500 })),
    /** 容缺后补: a required material the window may accept the application without, to be handed in after acceptance (容缺受理) */
    tolerable: Type.Optional(Type.Boolean()),
    count: Type.Integer({ minimum: 1, maximum: 99 }),
    /** Where it can come from instead of an upload: 申请人自备 / 电子证照 / 共享数据 / 出具单位 */
    source: Type.Union([Type.Literal('applicant'), Type.Literal('license'), Type.Literal('shared_data'), Type.Literal('issuing_agency')]),
    licenseType: Type.Optional(Type.String({ maxLength: 100 })),
    sourceNote: Type.Optional(Type.String({ maxLength: 300 })),
    spec: Type.Optional(Type.String({ maxLength: 200 })),
    notes: Type.Optional(Type.String({ maxLength: 1000 })),
    basis: Type.Optional(Type.String({ maxLength: 500 })),
    blankFormFile: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    sampleFile: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type Material = Static<typeof Material>;

export const Fee = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    standard: Type.String({ minLength: 1, maxLength: 500 }),
    basis: Type.String({ maxLength: 500 }),
    reducible: Type.Boolean(),
    reductionBasis: Type.Optional(Type.String({ maxLength: 500 })),
    /** The standard amount in fen (分); absent: the standard is text only and the window assesses the amount. */
    amountCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
    /** When the case's fee line is created: at acceptance (受理时收取) or at the decision (default). */
    chargeAt: Type.Optional(Type.Union([Type.Literal('acceptance'), Type.Literal('decision')])),
  },
  { additionalProperties: false },
);
export type Fee = Static<typeof Fee>;

/** Who acts at a stage: a role in the item's implementing organization, the center, or a named organization. */
export const Assignee = Type.Object(
  {
    role: Type.Union([Type.Literal('clerk'), Type.Literal('approver'), Type.Literal('head')]),
    org: Type.Union([Type.Literal('implementing'), Type.Literal('center'), Type.Literal('higher')]),
    organizationId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const StageNode = Type.Object(
  {
    kind: Type.Literal('stage'),
    id: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }),
    stage: Type.Union([
      Type.Literal('receive'),
      Type.Literal('review'),
      Type.Literal('decide'),
      Type.Literal('conclude'),
      Type.Literal('deliver'),
      Type.Literal('custom'),
    ]),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    assignee: Assignee,
    budget: Type.Optional(Limit),
  },
  { additionalProperties: false },
);
export type StageNode = Static<typeof StageNode>;

/** 并联审批: branches run at the same time; countersign (会签) needs all, any-sign (或签) one. */
export const ParallelNode = Type.Object(
  {
    kind: Type.Literal('parallel'),
    id: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    mode: Type.Union([Type.Literal('countersign'), Type.Literal('anysign')]),
    branches: Type.Array(Type.Array(StageNode, { maxItems: 20 }), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type ParallelNode = Static<typeof ParallelNode>;

/** 上报: a higher-level organization reviews or decides (行政许可法 art. 43: 20 days for the first review). */
export const ReportUpNode = Type.Object(
  {
    kind: Type.Literal('report_up'),
    id: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    organizationId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    budget: Type.Optional(Limit),
  },
  { additionalProperties: false },
);

export const ProcessNode = Type.Union([StageNode, ParallelNode, ReportUpNode]);
export type ProcessNode = Static<typeof ProcessNode>;
export const Process = Type.Object({ nodes: Type.Array(ProcessNode, { maxItems: 50 }) }, { additionalProperties: false });
export type Process = Static<typeof Process>;

export const fieldWidgets = ['text', 'textarea', 'number', 'date', 'select', 'region', 'id_number', 'phone', 'address', 'table', 'file'] as const;

/** An application form: JSON Schema (draft 2020-12 subset) plus UI hints per field (widget, label in both languages, order). */
export const Form = Type.Object(
  {
    schema: Type.Record(Type.String(), Type.Any()),
    ui: Type.Object(
      {
        order: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 200 }),
        fields: Type.Record(
          Type.String(),
          Type.Object(
            {
              widget: Type.Unsafe<(typeof fieldWidgets)[number]>(Type.String({ enum: [...fieldWidgets] })),
              label: Type.Object({ 'zh-CN': Type.String({ maxLength: 100 }), en: Type.String({ maxLength: 100 }) }),
              help: Type.Optional(Type.String({ maxLength: 500 })),
              /** the help in English (English pages show `help` where it is missing) */
              helpEn: Type.Optional(Type.String({ maxLength: 500 })),
              prefill: Type.Optional(Type.String({ maxLength: 60 })),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type Form = Static<typeof Form>;

export const deliveryMethods = ['pickup', 'post', 'locker', 'electronic'] as const;

/** Everything a version of an item says. Cases pin the version they were filed under. */
export const ItemContent = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: ItemTypeSchema,
    /** 设定依据 */
    basis: Type.String({ maxLength: 4000 }),
    /** 权力来源: 法定本级行使 / 上级下放 / 上级委托 … */
    powerSource: Type.Optional(Type.String({ maxLength: 100 })),
    /** 行使层级 */
    level: Type.Union([Type.Literal('city'), Type.Literal('district'), Type.Literal('street'), Type.Literal('community')]),
    audience: Type.Array(Type.Union([Type.Literal('person'), Type.Literal('enterprise')]), { minItems: 1, maxItems: 2, uniqueItems: true }),
    themes: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 }),
    keywords: Type.Array(Type.String({ maxLength: 30 }), { maxItems: 30 }),
    /** 受理条件 */
    conditions: Type.String({ maxLength: 4000 }),
    /** 即办件 / 承诺件 */
    caseKind: Type.Union([Type.Literal('immediate'), Type.Literal('committed')]),
    legalLimit: Limit,
    committedLimit: Limit,
    /** 到办事现场次数 (0 = fully online) */
    visitsRequired: Type.Integer({ minimum: 0, maximum: 10 }),
    /** 网上办理深度: 1 信息发布, 2 在线咨询/下载, 3 网上预审, 4 全程网办 */
    onlineDepth: Type.Integer({ minimum: 1, maximum: 4 }),
    /** 通办范围 */
    anywhereScope: Type.Union([Type.Literal('none'), Type.Literal('city'), Type.Literal('province'), Type.Literal('national')]),
    deliveryMethods: Type.Array(Type.Unsafe<(typeof deliveryMethods)[number]>(Type.String({ enum: [...deliveryMethods] })), {
      minItems: 1,
      maxItems: 4,
      uniqueItems: true,
    }),
    /** 办理地点 / 办理时间 */
    location: Type.String({ maxLength: 300 }),
    hours: Type.String({ maxLength: 300 }),
    consultPhone: Type.String({ maxLength: 50 }),
    complaintPhone: Type.String({ maxLength: 50 }),
    isChargeable: Type.Boolean(),
    fees: Type.Array(Fee, { maxItems: 30 }),
    materials: Type.Array(Material, { maxItems: 100 }),
    form: Form,
    process: Process,
    /** 审批结果类型 / 名称 */
    resultType: Type.Union([Type.Literal('license'), Type.Literal('approval_document'), Type.Literal('certificate'), Type.Literal('other')]),
    resultName: Type.String({ maxLength: 200 }),
    /** The electronic license type the result is issued as, when there is one. */
    resultLicenseType: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    /**
     * 登记事项: the form's fields the result license prints below its holder (企业类型, 注册资本, 经营范围 …), by their
     * labels, in this order. Neither a table nor a file, nor a personal identifier.
     */
    resultFields: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
    /**
     * 市场主体登记: the grant registers an enterprise, and the result license is issued to it rather than to whoever
     * applied (营业执照 names the company, not its founder). Its name, legal representative (法定代表人) and domicile
     * (住所) are the form's fields named here; the grant assigns its unified social credit code.
     */
    establishes: Type.Optional(
      Type.Object(
        {
          nameField: Type.String({ maxLength: 60 }),
          legalRepresentativeField: Type.String({ maxLength: 60 }),
          addressField: Type.Optional(Type.String({ maxLength: 60 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** The result license's period of validity (证照有效期); none: valid without end (长期有效). */
    resultValidity: Type.Optional(Nullable(Validity)),
    /** 延续: how long before the license runs out its holder applies to renew it (30 days when not given, 行政许可法 art. 50) */
    renewalLead: Type.Optional(Limit),
    /**
     * 延续: how long before the license runs out its renewal is first taken (食品经营许可: from 90 working days before the
     * end to 15 before); none: any time before the lead
     */
    renewalOpens: Type.Optional(Limit),
    /** 是否告知承诺制 */
    commitmentApproval: Type.Boolean(),
    /** 告知承诺制's 事后核查: the period after a grant by commitment within which the department checks on site (90 days when not given) */
    commitmentCheck: Type.Optional(Limit),
    /**
     * 补正期限: how long the applicant has to hand in what a one-time notice (一次性告知) or a request for supplements
     * during review asks, counted from the day it is asked; when it passes with nothing handed in, the application is
     * deemed withdrawn (视为撤回申请). None: no period, and the application waits for its materials without end.
     */
    supplementPeriod: Type.Optional(Limit),
    /** 中介服务 */
    intermediaryServices: Type.Optional(Type.String({ maxLength: 1000 })),
    /**
     * 特别程序: hearings, tests, expert reviews, site checks… in words, each saying whether its time counts in the limit
     * (those of art. 45 of the Administrative Licensing Law do not; a site check within review usually does)
     */
    specialProcedures: Type.Optional(Type.String({ maxLength: 1000 })),
    supportsAppointment: Type.Boolean(),
    supportsOnlinePayment: Type.Boolean(),
    quantityLimit: Type.Optional(Type.String({ maxLength: 200 })),
    faqs: Type.Array(Type.Object({ q: Type.String({ maxLength: 300 }), a: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }), {
      maxItems: 30,
    }),
  },
  { additionalProperties: false },
);
export type ItemContent = Static<typeof ItemContent>;

/** 告知承诺制's check period when the item names none: three months, as the State Council's guidance on commitments sets out. */
export const defaultCommitmentCheck: Limit = { value: 90, unit: 'day' };
/** The period within which a grant by commitment is checked. */
export const commitmentCheckPeriod = (c: Pick<ItemContent, 'commitmentCheck'>): Limit => c.commitmentCheck ?? defaultCommitmentCheck;

/** How long before its license runs out a renewal is applied for. */
export const renewalLeadOf = (c: Pick<ItemContent, 'renewalLead'>): Limit => c.renewalLead ?? { ...defaultRenewalLead };

/** A bundle (一件事一次办): several items under one application, approved in parallel, delivered together. */
export const BundleContent = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ maxLength: 2000 }),
    itemCodes: Type.Array(Type.String({ maxLength: 60 }), { minItems: 2, maxItems: 30, uniqueItems: true }),
    committedLimit: Limit,
    deliveryMethods: Type.Array(Type.Unsafe<(typeof deliveryMethods)[number]>(Type.String({ enum: [...deliveryMethods] })), {
      minItems: 1,
      maxItems: 4,
      uniqueItems: true,
    }),
    audience: Type.Array(Type.Union([Type.Literal('person'), Type.Literal('enterprise')]), { minItems: 1, maxItems: 2, uniqueItems: true }),
    themes: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 }),
    keywords: Type.Array(Type.String({ maxLength: 30 }), { maxItems: 30 }),
  },
  { additionalProperties: false },
);
export type BundleContent = Static<typeof BundleContent>;
