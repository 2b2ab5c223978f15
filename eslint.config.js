import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config({ ignores: ['node_modules/', 'dist/', 'data/', 'test-results/'] }, js.configs.recommended, ...tseslint.configs.recommended, {
  languageOptions: { parserOptions: { ecmaVersion: 2024, sourceType: 'module' } },
  rules: {
    '@typescript-eslint/no-explicit-any': 'off',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    'no-empty': ['error', { allowEmptyCatch: true }],
  },
});
