// The lazy chunk: everything the customer sees after the pre-chat form.
// Its composer's file uploads come with it, so a picked file starts uploading at once.
import '../client/uploads';
export { ConversationView } from './ConversationView';
export { OfflineForm, OfflineSent } from './OfflineForm';
