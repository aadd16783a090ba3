import { addMessages } from '../../i18n';
import { hallEn, hallZh } from '../../i18n/features/hall';
import { liveEn, liveZh } from '../../i18n/features/live';

/*
 * The hall screen's messages, added when its chunk loads (imported by every hall module that
 * shows them): not in the resident route's JavaScript. Both languages at once: the screen is
 * bilingual.
 */
addMessages(hallZh, hallEn);
addMessages(liveZh, liveEn);
