import { isCatalogCode } from '../../common/catalog-codes.ts';

/*
 * What a page's address names, read as the API reads it. An address that can name no record (`abc` for an id, a
 * code with characters no code has) comes out as 0 or undefined: the page says "not found" at once and asks the
 * server nothing — a query that is never enabled would stay pending, a skeleton forever.
 */

/** A record id (`…/:id`): a positive whole number the API's id params take, else 0. */
export function idOf(param: string | undefined): number {
  return param && /^[1-9]\d{0,15}$/.test(param) && Number.isSafeInteger(Number(param)) ? Number(param) : 0;
}

/** An item's or a bundle's code (`…/:code`), typed in lower case or upper; else undefined. */
export function catalogCodeOf(param: string | undefined): string | undefined {
  const code = param?.trim().toUpperCase();
  return code && isCatalogCode(code) ? code : undefined;
}
