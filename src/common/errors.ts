/** Every error the API returns: one code, an HTTP status and a message in each language. */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据不符合要求', en: 'The request data is invalid' },
  BAD_REQUEST: { status: 400, zh: '请求无效', en: 'Bad request' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账号已临时锁定', en: 'Too many failed sign-ins; the account is locked for a while' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  CSRF_FAILED: { status: 403, zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '未找到或无权访问', en: 'Not found or no access' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'Someone else changed this; reload and try again' },
  AWAITING_SUPPLEMENT: {
    status: 409,
    zh: '办件正在等待申请人补正，补正后才能继续办理',
    en: 'The case waits for the applicant’s supplements; it goes on once they are in',
  },
  SUPPLEMENT_PERIOD_ENDED: {
    status: 409,
    zh: '补正期限已过，逾期未补正的申请视为撤回，请重新提出申请',
    en: 'The period to hand in the supplements has passed: the application is deemed withdrawn; apply anew',
  },
  AWAITING_REGISTRATION: {
    status: 409,
    zh: '本事项须待企业设立登记准予、营业执照核发后继续办理，等待期间不计时',
    en: 'This case goes on once the company’s registration is granted and its business license issued; the wait is not counted',
  },
  SPECIAL_PROCEDURE_RUNNING: {
    status: 409,
    zh: '特别程序进行中，请先结束特别程序并录入结果',
    en: 'A special procedure is under way; end it with its result first',
  },
  NOTHING_TO_RETURN_TO: { status: 409, zh: '当前为首个审批环节，没有可退回的环节', en: 'This is the first stage: there is no stage to return it to' },
  DUPLICATE: { status: 409, zh: '记录已存在', en: 'This already exists' },
  URGED_RECENTLY: { status: 409, zh: '一小时内已催办过该任务，请稍后再催', en: 'This task was urged less than an hour ago; urge it again later' },
  IN_USE: { status: 409, zh: '仍在使用中，不能删除', en: 'Still in use; cannot be removed' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, zh: '幂等键已用于不同的请求', en: 'This Idempotency-Key was used for a different request' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, zh: '幂等键格式无效', en: 'The Idempotency-Key header is invalid' },
  WEAK_PASSWORD: {
    status: 400,
    zh: '密码强度不足：至少 10 位，包含大小写字母、数字和符号中的三类',
    en: 'Password too weak: at least 10 characters from three of upper case, lower case, digits and symbols',
  },
  INVALID_ID_NUMBER: { status: 400, zh: '身份证号码无效', en: 'Invalid ID card number' },
  INVALID_CREDIT_CODE: { status: 400, zh: '统一社会信用代码无效', en: 'Invalid unified social credit code' },
  INVALID_PHONE: { status: 400, zh: '手机号码无效', en: 'Invalid phone number' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的数据过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export type Locale = 'zh-CN' | 'en';

/** The one error shape of the API. */
export interface ErrorBody {
  error: { code: ErrorCode | string; message: string; details?: unknown };
}
