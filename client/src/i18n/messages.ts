/** The shape of a dictionary: every string the interface shows, in one language. */
import type { ReportStatus } from '../../../common/report.js';
import type { SaveState } from '../collab/saveState.js';

/** Every string the client shows. Each language provides all of them; the type checker enforces it. */
export interface Messages {
  appName: string;
  languageSwitch: string;
  /** The language offered by the toggle, written in that language ("English" from Vietnamese). */
  otherLanguageName: string;
  namePrompt: {
    title: string;
    intro: string;
    label: string;
    placeholder: string;
    submit: string;
  };
  greeting: (name: string) => string;
  changeName: string;
  list: {
    heading: string;
    loading: string;
    empty: string;
    loadError: string;
    columnTitle: string;
    columnStatus: string;
    columnCreated: string;
  };
  status: Record<ReportStatus, string>;
  create: {
    heading: string;
    template: string;
    chooseTemplate: string;
    title: string;
    titlePlaceholder: string;
    submit: string;
    creating: string;
    templatesError: string;
    sectionCount: (count: number) => string;
  };
  report: {
    backToList: string;
    loading: string;
    loadError: string;
    owner: string;
    unassigned: string;
    sectionLoading: string;
  };
  presence: {
    label: string;
    you: string;
  };
  saveState: Record<SaveState, string> & { connecting: string };
  toolbar: {
    label: string;
    bold: string;
    italic: string;
    heading: string;
    subheading: string;
    bulletList: string;
  };
}
