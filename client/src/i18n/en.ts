/** English, offered through the language toggle. */
import type { Messages } from './messages.js';

/** The English dictionary. */
export const en: Messages = {
  appName: 'Đồng Soạn',
  languageSwitch: 'Switch language',
  otherLanguageName: 'Tiếng Việt',
  namePrompt: {
    title: 'Welcome to Đồng Soạn',
    intro: 'Enter your name so colleagues can see who is writing with them.',
    label: 'Display name',
    placeholder: 'e.g. Nguyễn Thị Lan – Home Affairs',
    submit: 'Continue',
  },
  greeting: (name) => `Hello, ${name}`,
  changeName: 'Change name',
  list: {
    heading: 'Reports',
    loading: 'Loading reports…',
    empty: 'No reports yet. Create the first one.',
    loadError: 'Could not load the reports',
    columnTitle: 'Title',
    columnStatus: 'Status',
    columnCreated: 'Created',
  },
  status: {
    draft: 'Draft',
    review: 'In review',
    approved: 'Approved',
    issued: 'Issued',
  },
  create: {
    heading: 'Create a report',
    template: 'Template',
    chooseTemplate: 'Choose a template…',
    title: 'Title (optional)',
    titlePlaceholder: 'e.g. Half-year review of the emulation movement',
    submit: 'Create report',
    creating: 'Creating…',
    templatesError: 'Could not load the templates',
    sectionCount: (count) => (count === 1 ? '1 section' : `${count} sections`),
  },
  report: {
    backToList: '← All reports',
    loading: 'Loading the report…',
    loadError: 'Could not open the report',
    owner: 'Owner',
    unassigned: 'Not assigned',
    sectionLoading: 'Loading the content…',
  },
  presence: {
    label: 'Here now',
    you: '(you)',
  },
  saveState: {
    saved: 'Connected, saved',
    saving: 'Saving…',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
    connecting: 'Connecting…',
  },
  toolbar: {
    label: 'Formatting',
    bold: 'Bold (Ctrl+B)',
    italic: 'Italic (Ctrl+I)',
    heading: 'Numbered item 1., 2.',
    subheading: 'Lettered point a), b)',
    bulletList: 'Bullet list',
  },
};
