import { integrationsTextsEn } from '../supervisor/admin/integrations-texts-en.js';
import { adminEn } from '../supervisor/admin/texts-en.js';
import { consoleFrameEn } from '../supervisor/console-frame-texts-en.js';
import { supervisorEn } from '../supervisor/texts-en.js';
import { fr } from './console/fr.js';
import { ru } from './console/ru.js';
import { zhHans } from './console/zh-Hans.js';
import { zhHant } from './console/zh-Hant.js';
import { addTexts } from './index.js';

// The console's texts join the catalogue with the first console module that
// loads (every module under supervisor/ takes `t` from here), so they travel
// in the console's chunks, never in the desk's.
addTexts({ en: supervisorEn });
addTexts({ en: adminEn });
addTexts({ en: consoleFrameEn, fr: fr.frame, ru: ru.frame, 'zh-Hans': zhHans.frame, 'zh-Hant': zhHant.frame });
addTexts({
  en: integrationsTextsEn,
  fr: fr.integrations,
  ru: ru.integrations,
  'zh-Hans': zhHans.integrations,
  'zh-Hant': zhHant.integrations,
});

export * from './index.js';
