/**
 * The console's frame, in English: its bar and sections, the admin tabs, and
 * the words every admin form shares (New, Save, the server's refusals).
 * Translated into every UI language (i18n/console/) with the integration
 * screens, so those screens read whole in each language.
 */
export const consoleFrameEn = {
  'console.back': 'Back to my desk',
  'console.jobs': 'Job queues',
  'console.title': 'Supervisor console',
  'console.sections': 'Console sections',
  'console.reconnecting': 'Connection lost — reconnecting. Figures may be out of date.',
  'section.board': 'Live board',
  'section.idle': 'Idle sessions',
  'section.observe': 'Observe',
  'section.admin': 'Admin',
  'section.reports': 'Reports',
  'section.audit': 'Audit log',
  'section.blocks': 'Blocked visitors',
  'admin.tabs': 'What to administer',
  'admin.tab.canned': 'Canned responses',
  'admin.tab.articles': 'Knowledge base',
  'admin.tab.agents': 'Agents',
  'admin.tab.departments': 'Departments',
  'admin.tab.widget': 'Widget',
  'admin.tab.files': 'Files',
  'admin.new': 'New',
  'admin.edit': 'Edit',
  'admin.save': 'Save',
  'admin.saving': 'Saving…',
  'admin.cancel': 'Cancel',
  'admin.saved': 'Saved.',
  'admin.loading': 'Loading…',
  'admin.error': "That didn't work: {reason}",
  'admin.error.CONFLICT': 'That name is already taken.',
  'admin.error.FORBIDDEN': 'Your role does not allow this change.',
  'admin.error.NOT_FOUND': 'It no longer exists; reload the list.',
  'admin.error.VALIDATION_FAILED': 'Please check these fields:',
} as const;
