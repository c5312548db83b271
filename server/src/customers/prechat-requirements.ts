import { AppError, type Prechat, type PrechatField } from '@switchboard/shared';
import type { CustomerPrincipal, CustomersService } from './customers.service.js';

/** The pre-chat fields a start must carry now; null: nobody saved settings, nothing is enforced. */
export type RequiredPrechatFields = () => Promise<readonly PrechatField[] | null>;

/**
 * Enforces the pre-chat fields the admins' saved widget settings mark required,
 * before anything is created. Topic and language are required by the schema
 * itself. A verified customer (identity signed by the host site) is not asked
 * for name and email (the host site vouches for them and the widget skips those
 * fields); a returning visitor's name or email on record counts as given.
 */
export function createPrechatRequirements(
  customers: Pick<CustomersService, 'recordOf'>,
  requiredFields: RequiredPrechatFields,
) {
  return {
    async check(principal: CustomerPrincipal | null, prechat: Prechat): Promise<void> {
      const required = await requiredFields();
      if (!required || required.length === 0) return;
      const missing: PrechatField[] = [];
      let onRecord: { name?: string | null; email?: string | null } | null | undefined;
      for (const field of required) {
        if (field === 'topic' || field === 'language' || prechat[field]) continue;
        if (field !== 'region') {
          if (principal?.verified) continue;
          if (principal) {
            onRecord ??= await customers.recordOf(principal.id);
            if (onRecord?.[field]) continue;
          }
        }
        missing.push(field);
      }
      if (missing.length > 0) {
        throw new AppError('PRECHAT_FIELD_REQUIRED', `The pre-chat form requires: ${missing.join(', ')}.`, {
          fields: missing,
        });
      }
    },
  };
}

export type PrechatRequirements = ReturnType<typeof createPrechatRequirements>;
