/** Lookups in the issuer registry of gazette.yml (names, aliases, 机关代字), for validation and import alike. */
import type { IssuerSpec, Publication } from '../model/gazette.js';

/** The registered issuer a name refers to (by name or alias). */
export function findIssuer(publication: Publication, name: string | undefined): IssuerSpec | undefined {
  return name === undefined ? undefined : publication.issuers.find((issuer) => issuer.name === name || issuer.aliases.includes(name));
}

/** The registered issuer whose series a 机关代字 is. */
export function codeOwner(publication: Publication, code: string): IssuerSpec | undefined {
  return publication.issuers.find((issuer) => issuer.codes.includes(code));
}
