/** Entry point: mounts the client into index.html's #root. */
import './zodConfig.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { LocaleProvider } from './i18n/locale.js';
import './styles/base.css';
import './styles/app.css';
import './styles/sheet.css';
import './styles/editor.css';
import './styles/fields.css';
import './styles/frame.css';
import './styles/tally.css';
import './styles/review.css';
import './styles/versions.css';
import './styles/workflow.css';
import './styles/signing.css';
import './styles/admin.css';
import './styles/housekeeping.css';
import './styles/audit.css';
import './styles/print.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LocaleProvider>
      <App />
    </LocaleProvider>
  </StrictMode>,
);
