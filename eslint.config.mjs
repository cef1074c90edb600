// Flat config. The layering rules of ARCHITECTURE.md are lint errors here:
// - core/ imports nothing outside core/ (no electron, vue, DOM, node:*), and reads no wall clock or host randomness;
// - renderer/ never imports main/.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

const coreForbiddenImports = {
  patterns: [
    { group: ['node:*'], message: 'core/ is pure: no node:* imports (ARCHITECTURE.md, layering).' },
    { group: ['electron', 'electron/*'], message: 'core/ is pure: no electron (ARCHITECTURE.md, layering).' },
    {
      group: ['vue', 'vue/*', 'pinia', 'monaco-editor', 'monaco-editor/*'],
      message: 'core/ is pure: no UI libraries (ARCHITECTURE.md, layering).',
    },
    {
      group: ['../main/*', '../../main/*', '../../../main/*', '**/main/*', '**/renderer/*', '**/preload/*'],
      message: 'core/ imports nothing outside core/ (ARCHITECTURE.md, layering).',
    },
  ],
  paths: [
    'fs',
    'path',
    'os',
    'crypto',
    'worker_threads',
    'child_process',
    'http',
    'net',
    'util',
    'vm',
    'events',
    'stream',
    'buffer',
  ].map((name) => ({ name, message: 'core/ is pure: no Node built-ins (ARCHITECTURE.md, layering).' })),
}

const coreForbiddenSyntax = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'core/ is deterministic: time comes from the scheduler clock, not Date.now().',
  },
  {
    selector: "NewExpression[callee.name='Date']",
    message: 'core/ is deterministic: time comes from the scheduler clock, not new Date().',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'core/ is deterministic: randomness comes from the seeded generator, not Math.random().',
  },
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'core/ is deterministic: time comes from the scheduler clock, not performance.now().',
  },
  { selector: "MemberExpression[object.name='process']", message: 'core/ is pure: no process.' },
]

// Layers inside core/, lowest first (ARCHITECTURE.md "Layers"): a folder may import only folders of lower tiers, never
// a sibling of its own tier or anything above it, so the data flow stays one-way and no cycle can form.
export const CORE_TIERS = [
  ['sim', 'capture'],
  ['verifier'],
  ['kernel'],
  ['trace', 'wire'],
  ['controller', 'ndis'],
  ['miniport'],
  ['protocol'],
  ['scenario', 'report'],
  ['engine'],
  ['inspect', 'conformance'],
  ['api'],
]

function coreLayerBlocks() {
  return CORE_TIERS.flatMap((tier, t) =>
    tier.map((folder) => {
      const above = CORE_TIERS.slice(t)
        .flat()
        .filter((f) => f !== folder)
      return {
        files: [`core/${folder}/**`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              paths: coreForbiddenImports.paths,
              patterns: [
                ...coreForbiddenImports.patterns,
                ...above.map((f) => ({
                  group: [`../${f}/*`, `../../${f}/*`, `../${f}`, `../../${f}`],
                  message: `core/${folder} may not import core/${f}: layers inside core/ import only downwards (ARCHITECTURE.md, layers).`,
                })),
              ],
            },
          ],
        },
      }
    }),
  )
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'test/fixtures/**',
      'examples/**/*.js',
      'renderer/public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['main/**', 'preload/**', 'bin/**', 'bench/**', 'test/**', '*.config.*', '.ci/**', 'scripts/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/*', '**/main', 'electron', 'node:*'],
              message:
                'renderer/ never imports main/ or Node: talk to the engine through WorkbenchApi (ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', coreForbiddenImports],
      'no-restricted-syntax': ['error', ...coreForbiddenSyntax],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'core/ is pure: no DOM.' },
        { name: 'document', message: 'core/ is pure: no DOM.' },
        { name: 'process', message: 'core/ is pure: no process.' },
        { name: 'require', message: 'core/ is pure: no require.' },
        { name: 'setTimeout', message: 'core/ is deterministic: timers are scheduler events.' },
        { name: 'setInterval', message: 'core/ is deterministic: timers are scheduler events.' },
      ],
    },
  },
  {
    files: ['examples/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off', 'no-undef': 'off' },
  },
  ...coreLayerBlocks(),
)
