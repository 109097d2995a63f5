/**
 * D4 / GB/T 9704 §7.3.7: the 附件说明 (`attachments`) lists the attachments the body holds, in order and with the
 * same names (附件顺序号和附件标题应当与附件说明的表述一致). A gazette may leave an attachment out of the reprint,
 * so a mismatch is a warning.
 */
import type { Inline } from '../../model/document.js';
import type { Rule } from '../rule.js';
import { inlineText } from '../../shared/inline-text.js';

const plain = (content: readonly Inline[] | undefined): string => inlineText(content ?? []).replace(/\s/gu, '');

export const attachmentsMatch: Rule = {
  meta: { codes: { 'attachments-mismatch': 'warning', 'attachment-name-mismatch': 'warning' }, standard: ['D4', 'T13', 'T16'], fixable: false, description: '附件说明与正文附件一致' },
  scope: 'document',
  check({ doc, report }) {
    const body = doc.parsed.body;
    if (!body) return;
    const field = doc.parsed.fields.get('attachments');
    const listed = doc.list('attachments') ?? [];
    const present = body.attachments;
    const span = field?.span ?? present[0]?.span ?? doc.parsed.frontMatterSpan;
    if (listed.length !== present.length) {
      report({ code: 'attachments-mismatch', span, args: { listed: listed.length, present: present.length, labels: present.map((a) => a.label).join('、') } });
      return;
    }
    present.forEach((attachment, i) => {
      const name = listed[i]!;
      const title = plain(attachment.title);
      if (title !== '' && title !== name.replace(/\s/gu, ''))
        report({ code: 'attachment-name-mismatch', span: field?.itemSpans?.[i] ?? span, args: { label: attachment.label, name, title: plain(attachment.title) }, fix: title });
    });
  },
};
