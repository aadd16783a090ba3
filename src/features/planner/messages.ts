import { addMessages } from '../../i18n';
import { evidenceEn, evidenceZh } from '../../i18n/features/evidence';
import { plannerEn, plannerZh } from '../../i18n/features/planner';
import { reportEn, reportZh } from '../../i18n/features/report';

/*
 * The planner view's messages, added when its chunk loads (imported by every planner module that
 * shows them): not in the resident route's JavaScript. The report's are for the requests' stages
 * (Evidence); that module is shared with the residents' intake pages.
 */
addMessages(plannerZh, plannerEn);
addMessages(evidenceZh, evidenceEn);
addMessages(reportZh, reportEn);
