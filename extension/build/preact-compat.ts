/**
 * The extension's pages (the popup, the options page) render with Preact's React-compatible layer
 * instead of React: the popup's first render waits for its scripts to be parsed and run, and React
 * with react-dom was 190 KB of them (Preact is 12 KB). The pages use hooks, `useId`, `StrictMode`
 * and `createRoot` only, which preact/compat provides. Their code imports 'react' as usual (and is
 * type-checked against React's types); the extension's build and its DOM tests resolve those
 * imports here, so the tests exercise what ships. The PWA keeps React.
 */
export const preactCompatAliases = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];
