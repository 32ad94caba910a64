/**
 * Entry point. Kept small on purpose (issue 12, item 7): a module runs only once every module it imports
 * statically has loaded, so this one imports only the styles, the routes and the head start. It sends the first
 * requests (headStart.ts) and, on a report's address, starts loading the report page's code at the same
 * time as the app's, instead of after the app has loaded, rendered and checked the session.
 */
import { startHeadStart } from './headStart.js';
import { loadReportPage } from './pages/loadReportPage.js';
import { parseRoute } from './routes.js';
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
startHeadStart(window.location);
if (parseRoute(window.location.pathname).page === 'report') void loadReportPage();
void import('./mountApp.js').then(({ mountApp }) => mountApp(root));
