/** Lookups in the issuer registry of gazette.yml (names, aliases, 机关代字), for validation and import alike. */
import type { IssuerSpec, Publication } from '../model/gazette.js';

/** The registered issuer a name refers to (by name or alias). */
export function findIssuer(publication: Publication, name: string | undefined): IssuerSpec | undefined {
  return name === undefined ? undefined : publication.issuers.find((issuer) => issuer.name === name || issuer.aliases.includes(name));
}

/**
 * The bodies of a joint document written as one name (浙江省财政厅、浙江省教育厅, or with spaces between): each
 * part a registered issuer. Undefined when `written` is one body, or names any body the registry does not know.
 */
export function splitJointIssuers(publication: Publication, written: string): string[] | undefined {
  // A body registered under a name that joins others (中共中央办公厅、国务院办公厅, with its own 代字) is one body.
  if (findIssuer(publication, written.trim())) return undefined;
  const parts = written.trim().split(/\s*[、，,；;]\s*|\s+/u).filter((part) => part !== '');
  return parts.length > 1 && parts.every((part) => findIssuer(publication, part)) ? parts : undefined;
}

/** The registered issuer whose series a 机关代字 is. */
export function codeOwner(publication: Publication, code: string): IssuerSpec | undefined {
  return publication.issuers.find((issuer) => issuer.codes.includes(code));
}
