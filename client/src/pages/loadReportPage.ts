/**
 * The report page's chunk: the editor (TipTap, ProseMirror, Yjs) is most of the client's code, loaded only
 * when a report is opened. One function, so that the entry (main.tsx, which starts it early on a report's
 * address) and the app's page (LoadedReportPage.tsx) ask for the same module.
 */
export const loadReportPage = () => import('./ReportPage.js');
