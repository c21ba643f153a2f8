/** US state, district and territory codes accepted as a title state. */
export const US_STATE_CODES: ReadonlySet<string> = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA',
  'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM',
  'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA',
  'WV', 'WI', 'WY', 'PR', 'GU', 'VI', 'AS', 'MP',
]);

/*
 * States whose motor vehicle agencies run an Electronic Lien and Title (ELT) program, so a lien
 * is released electronically and the state itself sends the title. The list follows the ELT
 * programs published by the agencies (and summarised by ELT providers such as Dealertrack) as of
 * 2025; programs that are optional for small lienholders are counted as ELT because a servicing
 * ledger of this size participates. Anything not listed gets a PAPER release: the lienholder
 * signs off the paper title and mails it. Keep this list in step with the state programs: it is
 * read at payoff time only, and the method chosen is recorded in LienReleaseRequested, so a
 * change never rewrites history.
 */
export const ELECTRONIC_LIEN_AND_TITLE_STATES: ReadonlySet<string> = new Set([
  'AZ', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'ID', 'IL', 'IN', 'IA', 'KS', 'LA', 'ME', 'MD', 'MA',
  'MI', 'MN', 'MS', 'MO', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'OH', 'OR', 'PA', 'SC', 'TN',
  'TX', 'UT', 'VA', 'WA', 'WV', 'WI',
]);
