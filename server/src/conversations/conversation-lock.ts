/** Lock keys for documents of this feature (see infra/document-lock.ts for why every write takes one). */
export const conversationLockKey = (conversationId: string) => `conversation:${conversationId}`;
export const customerLockKey = (customerId: string) => `customer:${customerId}`;
export const counterLockKey = (counterId: string) => `counter:${counterId}`;
