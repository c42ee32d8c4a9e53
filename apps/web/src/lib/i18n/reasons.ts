import { ESCALATION_REASON_LABELS, EscalationReason } from '@em/contracts/analytics';
import type { UiLocale } from '@em/contracts/site';

type ReasonWords = Record<EscalationReason, { queue: string; brief: string; chart: string }>;

/**
 * ESCALATION_REASON_LABELS (@em/contracts) stays the one list of reasons and their English words (the
 * gateway's brief and CSV use it); these are the same entries in the other languages, keyed by the
 * type, so a new reason does not compile until every language labels it on every surface. Chart
 * labels stay under about 20 characters: the dashboard's bar axis is 150 px wide.
 */
const REASONS: Record<UiLocale, ReasonWords> = {
  en: ESCALATION_REASON_LABELS,
  de: {
    customer_request: { queue: 'Will einen Menschen', brief: 'Der Kunde möchte mit einem Menschen sprechen', chart: 'Will einen Menschen' },
    negative_sentiment: { queue: 'Verärgerter Kunde', brief: 'Der Kunde ist verärgert', chart: 'Negative Stimmung' },
    ai_failed: { queue: 'KI wusste keine Antwort', brief: 'Die KI konnte zweimal nicht antworten', chart: 'KI ohne Antwort' },
    policy: { queue: 'Entscheidung nötig', brief: 'Ein Mensch muss entscheiden (Erstattungsgrenze, Recht oder Sicherheit)', chart: 'Erstattung/Recht' },
    timeout: { queue: 'KI-Zeitüberschreitung', brief: 'Die KI hat zu lange gebraucht oder ist ausgefallen', chart: 'Zeitlimit' },
  },
  es: {
    customer_request: { queue: 'Pidió una persona', brief: 'El cliente pidió hablar con una persona', chart: 'Pidió una persona' },
    negative_sentiment: { queue: 'Cliente molesto', brief: 'El cliente está molesto', chart: 'Sentimiento negativo' },
    ai_failed: { queue: 'La IA no supo responder', brief: 'La IA no pudo responder dos veces', chart: 'IA sin respuesta' },
    policy: { queue: 'Requiere una decisión', brief: 'Requiere una decisión humana (límite de reembolso, legal o seguridad)', chart: 'Reembolso/legal' },
    timeout: { queue: 'La IA tardó demasiado', brief: 'La IA tardó demasiado o falló', chart: 'Tiempo agotado' },
  },
  fr: {
    customer_request: { queue: 'A demandé une personne', brief: 'Le client a demandé à parler à une personne', chart: 'Demande une personne' },
    negative_sentiment: { queue: 'Client mécontent', brief: 'Le client est mécontent', chart: 'Sentiment négatif' },
    ai_failed: { queue: 'L’IA n’a pas su répondre', brief: 'L’IA n’a pas pu répondre deux fois', chart: 'IA sans réponse' },
    policy: { queue: 'Décision nécessaire', brief: 'Une décision humaine est nécessaire (plafond de remboursement, juridique ou sécurité)', chart: 'Remboursement/légal' },
    timeout: { queue: 'Délai de l’IA dépassé', brief: 'L’IA a dépassé le délai ou a échoué', chart: 'Délai dépassé' },
  },
};

/** A reason in `locale` on one surface; a reason this build does not know is shown as sent. */
export function reasonText(locale: UiLocale, reason: string, surface: 'queue' | 'brief' | 'chart'): string {
  const r = EscalationReason.safeParse(reason);
  return r.success ? REASONS[locale][r.data][surface] : reason;
}

export const reasonCatalogs = REASONS;
