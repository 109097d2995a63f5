/**
 * What `gazette new document` writes where only the editor knows the text. `check` refuses a document that still
 * holds one, so a skeleton is never printed as it was made.
 */
export const PLACEHOLDERS = {
  subject: '（事由）',
  recipients: '（主送机关）',
  body: '（正文）',
  title: '（标题）',
  signatory: '（签发人职务　姓名）',
} as const;
