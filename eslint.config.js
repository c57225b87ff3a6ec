// Lint: the recommended rules of ESLint and typescript-eslint, plus the layer rules of DESIGN.md section 2.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'crypto', 'os', 'http', 'net', 'url'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'demo/**', 'coverage/**', 'studio/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'src/domain is pure: no I/O.' },
          { group: ['**/artifacts/**', '**/store/**', '**/runtime/**', '**/integrations/**', '**/telemetry/**', '**/server/**', '**/cli/**'], message: 'src/domain imports nothing but domain.' },
        ],
      }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/domain takes time as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain takes time as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'src/domain takes ids as arguments.' },
      ],
    },
  },
  {
    files: ['src/artifacts/**/*.ts', 'src/store/**/*.ts', 'src/integrations/**/*.ts', 'src/telemetry/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/runtime/**', '**/server/**', '**/cli/**'], message: 'Imports flow downward only (DESIGN.md section 2).' }],
      }],
    },
  },
);
