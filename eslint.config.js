// ESLint checks what the compiler does not: above all, promises nobody awaits (a missed `await` in an
// event store loses writes silently). Prettier owns the layout, so no rule here is about style.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.vitepress/cache/',
      '.vitepress/dist/',
      'test-results/',
      'bench/peers/',
      '.workbook/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      // vitest reads a fixture's dependencies from its destructured first parameter: `({}, use)` has none.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
      // Terminal output is checked for colour codes, which are control characters.
      'no-control-regex': 'off',
    },
  },
  {
    // An exercise stub names the parameters, imports and private members the learner will use before anything uses them.
    files: ['lessons/*/exercises/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': 'off',
      'no-unused-private-class-members': 'off',
    },
  },
  {
    // The packed package's test app shows that CommonJS apps require() the library.
    files: ['test/package/app/*.cjs', 'test/package/app/*.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The Standard Schema interface is copied as its authors publish it, namespace and all.
    files: ['src/events/standard-schema.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] },
      globals: { ...globals.browser },
    },
  },
  prettier,
)
