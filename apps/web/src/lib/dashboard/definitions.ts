import { en } from '../i18n/dashboard/en';

/**
 * The metric definitions printed beside the figures (docs/dashboard.md says the same). The gateway
 * computes them; these words must match packages/db/src/queries/analytics-range.ts. The texts live in
 * the dashboard's catalogs (lib/i18n/dashboard); these are the English ones, for code outside React.
 */
export const COUNTED_CONVERSATION = en.countedConversation;

export const containmentDefinition = en.containmentDefinition;

export const CSAT_ATTRIBUTION = en.csatAttribution;
