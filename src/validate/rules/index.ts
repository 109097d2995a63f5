/** The rule registry: every validation rule, one per file, in the order their reports are easiest to read. */
import type { Rule } from '../rule.js';
import { fields } from './fields.js';
import { categoryKnown } from './category-known.js';
import { issuerJoined } from './issuer-joined.js';
import { numberFormat } from './number-format.js';
import { numberBrackets } from './number-brackets.js';
import { numberYear } from './number-year.js';
import { numberLeadingZero } from './number-leading-zero.js';
import { numberDiZi } from './number-di-zi.js';
import { numberSuffix } from './number-suffix.js';
import { numberWhitespace } from './number-whitespace.js';
import { numberFullwidthDigits } from './number-fullwidth-digits.js';
import { numberTraditional } from './number-traditional.js';
import { numberIssuer } from './number-issuer.js';
import { numberDuplicate } from './number-duplicate.js';
import { numberYearMismatch } from './number-year-mismatch.js';
import { numberSection } from './number-section.js';
import { dateValid } from './date-valid.js';
import { dateAfterPublication } from './date-after-publication.js';
import { titleDoctype } from './title-doctype.js';
import { titleIssuer } from './title-issuer.js';
import { titleDuplicate } from './title-duplicate.js';
import { interpretsResolves } from './interprets-resolves.js';
import { issueSequence } from './issue-sequence.js';
import { numberKind } from './number-kind.js';
import { orderNumber } from './order-number.js';
import { printedDate } from './printed-date.js';
import { attachmentsMatch } from './attachments-match.js';
import { signatureJoint } from './signature-joint.js';
import { textCharacters } from './text-characters.js';
import { fieldMarkup } from './field-markup.js';
import { punctuationHalfwidth } from './punctuation-halfwidth.js';
import { placeholderUnfilled } from './placeholder-unfilled.js';
import { bodyEmpty } from './body-empty.js';

export const rules = {
  fields,
  categoryKnown,
  issuerJoined,
  numberFormat,
  numberBrackets,
  numberYear,
  numberLeadingZero,
  numberDiZi,
  numberSuffix,
  numberWhitespace,
  numberFullwidthDigits,
  numberTraditional,
  numberIssuer,
  numberDuplicate,
  numberYearMismatch,
  numberSection,
  numberKind,
  orderNumber,
  dateValid,
  dateAfterPublication,
  titleDoctype,
  titleIssuer,
  titleDuplicate,
  interpretsResolves,
  printedDate,
  attachmentsMatch,
  signatureJoint,
  textCharacters,
  fieldMarkup,
  punctuationHalfwidth,
  placeholderUnfilled,
  bodyEmpty,
  issueSequence,
} satisfies Record<string, Rule>;
