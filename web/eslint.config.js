// ESLint for the console (`npm run lint`): Vue's essential rules (template and component mistakes),
// TypeScript's recommended rules, ESLint's recommended JavaScript rules, and a few chosen rules that
// catch real bugs. Formatting is not linted: the code keeps its own style, and warnings about line
// length or attribute order would only be noise.
import { URL, fileURLToPath } from 'node:url'
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'node_modules/**', 'src/api/generated/**'] },
  js.configs.recommended,
  pluginVue.configs['flat/essential'],
  vueTsConfigs.recommended,
  {
    rules: {
      // Field-group components (ApplicationFields, PolicyFields) edit the fields of a form object their
      // parent owns and validates in its ElForm; that is their purpose. Replacing a prop itself is still
      // reported.
      'vue/no-mutating-props': ['error', { shallowOnly: true }],
      // Server text is shown as text, never as HTML (no XSS through a profile or a record).
      'vue/no-v-html': 'error',
      'vue/require-explicit-emits': 'error',
      'vue/no-unused-emit-declarations': 'error',
      'vue/no-unused-properties': 'error',
      'vue/no-unused-refs': 'error',
      'vue/no-template-shadow': 'error',
      'vue/no-ref-object-reactivity-loss': 'error',
      'vue/no-import-compiler-macros': 'error',
      eqeqeq: ['error', 'smart'],
      // Messages reach users through ElMessage and ErrorAlert, not the browser's console.
      'no-console': 'error',
    },
  },
  {
    // Tools that run in Node (this file, vite.config.ts, scripts/): Node's globals, and console output
    // is their interface.
    files: ['*.js', '*.ts', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    // A forgotten await loses the error a user should see; the code marks deliberate fire-and-forget
    // calls with `void`. These two rules need type information, so they run on the application code.
    files: ['src/**/*.ts', 'src/**/*.vue'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)) },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
)
