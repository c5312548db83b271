// The lazy chunk: everything the customer sees after the pre-chat form.
export { ConversationView } from './ConversationView';
export { OfflineForm, OfflineSent } from './OfflineForm';
