/**
 * Structural rules every catalog question must follow (Google Forms limits, the privacy rules of
 * the werkproces). Used by the tests on the built-in catalog and by `applyOverrides` on the extra
 * questions a gemeente adds. Messages are Dutch: they reach the coordinator.
 */

import { mayAskAtPersonLevel, PARTNER_KIND_INFO, personModeText } from '../partners';
import type { PartnerKind, Question, StepId } from '../types';
import { STEP_IDS } from '../types';
import { STEP_KINDS } from './shared';

export const MAX_TITLE_LENGTH = 200;

/** Steps in which person-level questions may be asked (the namenlijst exists from 2B on). */
export const PERSON_STEPS: readonly StepId[] = ['2B', '3', '4', '5', '6', '7'];

/** The partner kinds a question goes to: its own list, or every kind taking part in its step. */
export function resolvedKinds(q: Question): readonly PartnerKind[] {
  return q.kinds === 'all' ? STEP_KINDS[q.step] : q.kinds;
}

/** Dutch descriptions of what is wrong with a question; empty when it is fine. */
export function questionProblems(q: Question): string[] {
  const out: string[] = [];
  const at = `Vraag "${q.id}"`;
  if (!(STEP_IDS as readonly string[]).includes(q.step)) out.push(`${at}: onbekende stap "${q.step}".`);
  if (!q.id.startsWith(`${q.step}.`) || !/^[0-9AB]+\.[a-z0-9_.]+$/.test(q.id)) {
    out.push(
      `${at}: de id moet beginnen met "${q.step}." gevolgd door kleine letters, cijfers, _ of punten.`,
    );
  }
  if (q.title.trim() === '') out.push(`${at}: de titel is leeg.`);
  if (q.title.length > MAX_TITLE_LENGTH)
    out.push(`${at}: de titel is langer dan ${MAX_TITLE_LENGTH} tekens.`);
  if (q.kinds !== 'all' && q.kinds.length === 0)
    out.push(`${at}: geen enkele partnersoort krijgt deze vraag.`);
  // Without repeat a question is asked once; only the per_... kinds are checked below.
  const repeat = q.repeat;
  if (q.level === 'persoon' && !PERSON_STEPS.includes(q.step)) {
    out.push(`${at}: vragen op persoonsniveau kunnen pas vanaf stap 2B.`);
  }
  if (repeat === 'per_person' && q.level !== 'persoon') {
    out.push(`${at}: een vraag per persoon moet op persoonsniveau staan.`);
  }
  if (repeat === 'per_action' && q.step !== '6') out.push(`${at}: vragen per actie horen alleen bij stap 6.`);
  if (repeat === 'per_goal' && q.step !== '7') out.push(`${at}: vragen per doel horen alleen bij stap 7.`);
  if (repeat === 'per_criterion' && q.step !== '7')
    out.push(`${at}: vragen per afschaalcriterium horen alleen bij stap 7.`);
  if (repeat === 'per_criterion' && q.type !== 'choice')
    out.push(
      `${at}: een vraag per afschaalcriterium is een keuzevraag (één raster met een rij per criterium).`,
    );
  if (q.level === 'persoon') {
    if (q.kinds === 'all') {
      out.push(`${at}: kies bij een vraag over personen zelf de partnersoorten, niet "alle".`);
    } else {
      for (const kind of q.kinds) {
        if (!mayAskAtPersonLevel(kind, q)) {
          out.push(
            `${at}: ${PARTNER_KIND_INFO[kind].label} mag ${personModeText(kind)} beantwoorden; haal deze partnersoort weg of kies een andere soort vraag.`,
          );
        }
      }
    }
  } else if (q.level === 'online' && resolvedKinds(q).includes('woningcorporatie')) {
    out.push(`${at}: de woningcorporatie krijgt alleen vragen op groeps- of domeinniveau.`);
  }
  if (q.type === 'choice' || q.type === 'checkboxes') {
    const choices = q.choices ?? [];
    if (choices.length < 2) out.push(`${at}: een keuzevraag heeft minstens twee antwoorden nodig.`);
    if (new Set(choices).size !== choices.length)
      out.push(`${at}: er staan dubbele antwoorden in de keuzelijst.`);
    if (choices.some((c) => c.trim() === '')) out.push(`${at}: een antwoord in de keuzelijst is leeg.`);
  }
  if (q.type === 'grid') {
    const rows = q.rows ?? [];
    const cols = q.choices ?? [];
    if (rows.length === 0 || cols.length === 0) out.push(`${at}: een raster heeft rijen en kolommen nodig.`);
    if (new Set(rows).size !== rows.length || new Set(cols).size !== cols.length) {
      out.push(`${at}: het raster heeft dubbele rijen of kolommen.`);
    }
  }
  if (q.type === 'scale') {
    const s = q.scale;
    if (!s) out.push(`${at}: een schaalvraag heeft een onder- en bovengrens nodig.`);
    else if ((s.min !== 0 && s.min !== 1) || !Number.isInteger(s.max) || s.max < 3 || s.max > 10) {
      out.push(`${at}: een schaal loopt van 0 of 1 tot een getal van 3 tot en met 10.`);
    }
  }
  if (q.duiding && (q.type !== 'grid' || q.step !== '3')) {
    out.push(`${at}: alleen rastervragen in stap 3 kunnen een duidingsdimensie zijn.`);
  }
  return out;
}
