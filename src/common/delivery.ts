/** 统一出件's methods: at the window (identity checked), by post, to a locker, electronically. */
export const deliveryMethodList = ['pickup', 'post', 'locker', 'electronic'] as const;
export type DeliveryMethod = (typeof deliveryMethodList)[number];

/** 结果领取方式: how the applicant asks to receive the result; by post, whom to send it to. */
export interface DeliveryChoice {
  method: DeliveryMethod;
  recipient?: string | null;
  phone?: string | null;
  address?: string | null;
}
