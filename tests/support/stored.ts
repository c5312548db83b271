import { conversationModels, messageModel, type SwitchboardApp } from '@switchboard/server';

/**
 * The stored conversations and messages of a test server, for checking what
 * was (or was not) written. The services answer only the questions the server
 * asks, so tests read the collections through their models here.
 */
export const storedConversations = (app: SwitchboardApp) => conversationModels(app.mongo).Conversation;
export const storedMessages = (app: SwitchboardApp) => messageModel(app.mongo);
