import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
/** @param {string} path relative to this file */
const at = (path) => fileURLToPath(new URL(path, import.meta.url));

// One zone per feature folder: a feature may import only itself (STYLE.md, "Our layout").
const features = (() => {
  try {
    return readdirSync(at('./src/features'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
})();

/**
 * The layer rules (STYLE.md, "Our layout"). Test files get the same zones with two exemptions, so no test
 * needs an eslint-disable line: they may import the src/test glue, and src/test may start the emulator
 * from server/ (the console's own code never may).
 * @param {{ isTest: boolean, isTestGlue: boolean }} scope
 */
const layerZones = ({ isTest, isTestGlue }) => {
  /** Inside src: what a layer may import besides itself, plus src/test for tests. */
  const allowed = (/** @type {string[]} */ folders) => (isTest ? [...folders, './test'] : folders);
  return [
    {
      target: ['./server', './e2e', './contract'],
      from: './src',
      message: 'The console (src/) is not shared: move what both sides need to contract/.',
    },
    {
      target: './contract',
      from: ['./server', './e2e'],
      message: 'contract/ is pure wire format and imports only zod.',
    },
    {
      target: './e2e',
      from: './server',
      message: 'Journeys reach the emulator over HTTP only; share types through contract/.',
    },
    {
      target: './server',
      from: './e2e',
      message: 'The server does not depend on the browser journeys.',
    },
    ...(isTestGlue
      ? []
      : [
          {
            target: './src',
            from: './server',
            message: isTest
              ? 'Tests reach the emulator through src/test (setUpEmulator, emulatorFetch).'
              : 'The console talks to the server over HTTP only; share types through contract/.',
          },
        ]),
    {
      target: './src/lib',
      from: './src',
      except: allowed(['./lib']),
      message: 'src/lib holds pure helpers and imports nothing else from src/.',
    },
    {
      target: './src/ui',
      from: './src',
      except: allowed(['./ui', './lib']),
      message: 'src/ui is presentational: it may import src/lib only, and never fetches.',
    },
    {
      target: './src/api',
      from: './src',
      except: allowed(['./api', './lib']),
      message: 'src/api may import src/lib and contract/ only.',
    },
    {
      target: './src/features',
      from: ['./src/routes', './src/app'],
      message: 'Features are combined by routes/ and app/, never the other way round.',
    },
    ...features.map((feature) => ({
      target: `./src/features/${feature}`,
      from: './src/features',
      except: [`./${feature}`],
      message: 'Features may not import each other: move shared code to src/api, src/ui or src/lib.',
    })),
  ];
};

const TEST_FILES = ['src/**/*.test.{ts,tsx}'];
const TEST_GLUE = ['src/test/**'];

const noGrandparentImports = {
  regex: String.raw`^\.\./\.\.(/|$)`,
  message: 'No ../.. imports (STYLE.md habit 14): use an alias (@/, @contract/) or move the module closer.',
};
// The console has aliases, so its relative imports stay within one folder (STYLE.md habit 14).
const noParentImports = {
  regex: String.raw`^\.\.(/|$)`,
  message: 'Relative imports stay within the folder: use the @/ or @contract/ alias.',
};

export default defineConfig(
  globalIgnores([
    'dist/',
    'node_modules/',
    'src/routeTree.gen.ts',
    'playwright-report/',
    'test-results/',
    'contract/openapi/',
    '.opschain-emulator/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  comments.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Files in a tsconfig project get that project; these JS config files get the default project.
        projectService: {
          allowDefaultProject: ['eslint.config.js', 'postcss.config.cjs'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: root,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        // Resolves the tsconfig `paths` aliases (@/, @contract/, @server/) so the zones below see them.
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
          tsconfig: { configFile: at('./tsconfig.base.json') },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Every eslint-disable states why (`-- reason`); unused ones are errors (linterOptions above).
      '@eslint-community/eslint-comments/require-description': 'error',
      '@eslint-community/eslint-comments/disable-enable-pair': ['error', { allowWholeFile: true }],
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: layerZones({ isTest: false, isTestGlue: false }) },
      ],
      // A cycle means two modules are really one, or one of them sits in the wrong layer.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', { patterns: [noGrandparentImports] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noParentImports] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...TEST_FILES, ...TEST_GLUE],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noParentImports,
            { regex: '^@/test(/|$)', message: 'Only *.test.ts(x) files may import src/test.' },
          ],
        },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: layerZones({ isTest: true, isTestGlue: false }) },
      ],
    },
  },
  {
    files: TEST_GLUE,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: layerZones({ isTest: true, isTestGlue: true }) },
      ],
    },
  },
  {
    files: ['server/**', 'e2e/**', 'scripts/**', '*.config.{ts,js,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
);
