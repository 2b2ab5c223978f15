/**
 * 事项编码 and 一件事编码 as addresses and the API carry them: capital letters, digits and hyphens. The API's params
 * validate against it and the web app reads a page's address with it.
 */
export const catalogCodePattern = '^[0-9A-Z-]{3,60}$';

const catalogCode = new RegExp(catalogCodePattern);

export function isCatalogCode(value: string): boolean {
  return catalogCode.test(value);
}
