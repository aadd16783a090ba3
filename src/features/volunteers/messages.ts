import { addMessages } from '../../i18n';
import { buildingsEn, buildingsZh } from '../../i18n/features/buildings';
import { hallEn, hallZh } from '../../i18n/features/hall';
import { liveEn, liveZh } from '../../i18n/features/live';
import { sandanEn, sandanZh } from '../../i18n/features/sandan';
import { staffEn, staffZh } from '../../i18n/features/staff';
import { volunteersEn, volunteersZh } from '../../i18n/features/volunteers';
import { votesEn, votesZh } from '../../i18n/features/votes';

/*
 * The volunteers view's messages (ledger, staff, votes, buildings, 三单, wishes), added when its
 * chunk loads (imported by every volunteers module that shows them): not in the resident route's
 * JavaScript. The hall's are for the wishes' skills.
 */
addMessages(volunteersZh, volunteersEn);
addMessages(staffZh, staffEn);
addMessages(votesZh, votesEn);
addMessages(buildingsZh, buildingsEn);
addMessages(sandanZh, sandanEn);
addMessages(liveZh, liveEn);
addMessages(hallZh, hallEn);
