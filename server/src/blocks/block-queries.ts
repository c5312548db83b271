import type { Types } from 'mongoose';
import type { BlockModel } from './block.model.js';

/**
 * What data protection reads and writes of one customer's blocks, so the
 * blocks folder alone knows the collection's shape.
 */
export function createBlockQueries(Block: BlockModel) {
  return {
    /** The blocks made against a customer, whole. */
    blocksOfCustomer: (customerId: Types.ObjectId) => Block.find({ customerId }).lean(),

    /** Removes the customer's name from the blocks against them (the blocks themselves stay). */
    async forgetCustomerName(customerId: Types.ObjectId): Promise<void> {
      await Block.updateMany({ customerId }, { $unset: { customerName: 1 } });
    },
  };
}

export type BlockQueries = ReturnType<typeof createBlockQueries>;
