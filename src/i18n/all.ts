import { addMessages } from '.';
import { buildingsEn, buildingsZh } from './features/buildings';
import { evidenceEn, evidenceZh } from './features/evidence';
import { hallEn, hallZh } from './features/hall';
import { liveEn, liveZh } from './features/live';
import { open311En, open311Zh } from './features/open311';
import { plannerEn, plannerZh } from './features/planner';
import { reportEn, reportZh } from './features/report';
import { sandanEn, sandanZh } from './features/sandan';
import { staffEn, staffZh } from './features/staff';
import { volunteersEn, volunteersZh } from './features/volunteers';
import { votesEn, votesZh } from './features/votes';

/*
 * Every view's messages, for code that runs outside the app's chunks: the server (Open311 and
 * intake texts) and the tests. The app itself never imports this module: each view adds its own
 * (src/features/<view>/messages.ts).
 */
addMessages(plannerZh, plannerEn);
addMessages(evidenceZh, evidenceEn);
addMessages(volunteersZh, volunteersEn);
addMessages(staffZh, staffEn);
addMessages(votesZh, votesEn);
addMessages(buildingsZh, buildingsEn);
addMessages(liveZh, liveEn);
addMessages(hallZh, hallEn);
addMessages(reportZh, reportEn);
addMessages(open311Zh, open311En);
addMessages(sandanZh, sandanEn);
