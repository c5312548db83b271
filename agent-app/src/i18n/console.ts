import { integrationsTextsEn } from '../supervisor/admin/integrations-texts-en.js';
import { adminEn } from '../supervisor/admin/texts-en.js';
import { supervisorEn } from '../supervisor/texts-en.js';
import { addTexts } from './index.js';

// The console's texts join the catalogue with the first console module that
// loads (every module under supervisor/ takes `t` from here), so they travel
// in the console's chunks, never in the desk's.
addTexts({ ...supervisorEn, ...adminEn, ...integrationsTextsEn });

export * from './index.js';
