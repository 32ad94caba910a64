/** Mounts the client into index.html's #root; loaded by main.tsx once the head start is under way. */
import './zodConfig.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { LocaleProvider } from './i18n/locale.js';

/** Renders the app into `root`. */
export function mountApp(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <LocaleProvider>
        <App />
      </LocaleProvider>
    </StrictMode>,
  );
}
