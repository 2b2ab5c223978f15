/** Fixed test settings shared by the global setup and the test files. */
export const testSecretHex = '6f6e6577696e646f772d746573742d7365637265742d6b65792d303030303031';
export const templateName = 'ow_template';
export const demoPassword = 'OneWindow@2026';
