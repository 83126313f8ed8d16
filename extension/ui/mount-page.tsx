import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './page.css';

/** Renders an extension page into its #root element. */
export function mountPage(page: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('the page has no #root element');
  createRoot(root).render(<StrictMode>{page}</StrictMode>);
}
