/**
 * The message catalogue: every diagnostic code with its text in Chinese and English. Messages say what is wrong;
 * hints say what to do. `{name}` is replaced by the diagnostic's args, `{fix}` by its suggested value.
 */

export type Lang = 'zh' | 'en';

/** A text, or alternatives tried in order: the first whose placeholders all have values is used. */
type Template = string | readonly string[];

interface Entry {
  zh: { message: Template; hint?: Template };
  en: { message: Template; hint?: Template };
}

export const catalogue: Record<string, Entry> = {
  'documents-missing': {
    zh: { message: ['{root} 中没有 {dir}/ 文件夹', '找不到 {dir}/ 文件夹'], hint: '在项目文件夹或其子文件夹中运行，或用 --root 指定含 documents/ 的文件夹' },
    en: { message: ['No {dir}/ folder in {root}', 'No {dir}/ folder found'], hint: 'run inside the project folder, or pass --root with the folder that holds documents/' },
  },
  'documents-unreadable': {
    zh: { message: '无法读取 {dir}/ 文件夹：{error}', hint: '{remedy}' },
    en: { message: 'Cannot read the {dir}/ folder: {error}', hint: '{remedy}' },
  },
  'publication-missing': {
    zh: { message: '缺少或无法读取公报设置文件 {file}', hint: '创建 {file}，写明 name、publisher、sections 和 issuers；新建公报可运行 gazette init，它写出每项都有注释的示例' },
    en: { message: 'Missing or unreadable publication file {file}', hint: 'create {file} with name, publisher, sections and issuers; for a new gazette run gazette init, which writes one with every key commented' },
  },
  'publication-unusable': {
    zh: { message: '公报设置文件 {file} 有错误，无法继续', hint: '按上面列出的位置修改 {file}' },
    en: { message: 'The publication file {file} has errors; cannot continue', hint: 'fix {file} at the places listed above' },
  },
  'template-missing': {
    zh: {
      message: ['没有名为“{template}”的模板（找不到 {file}）', '找不到模板文件 {file}'],
      hint: ['可用模板：{known}（--template、gazette.yml 的 template 或 theme.yml 的 extends 中写其一）；新建模板时在 {file} 中写 extends: default，只写不同之处', '恢复 templates/ 中的默认模板，或删除该文件夹以使用内置模板'],
    },
    en: {
      message: ['No template named "{template}" ({file} not found)', 'Template file {file} not found'],
      hint: ['templates: {known} (name one in --template, template in gazette.yml or extends in theme.yml); for a new template write extends: default in {file} and only what differs', 'restore the default templates, or remove templates/ to use the bundled ones'],
    },
  },
  'template-unreadable': {
    zh: { message: '无法读取模板文件 {file}：{error}', hint: '{remedy}' },
    en: { message: 'Cannot read template file {file}: {error}', hint: '{remedy}' },
  },
  'theme-incomplete': {
    zh: { message: '模板设置此处缺少或无效 {count} 项：{keys}', hint: '对照默认模板的 templates/default/theme.yml 补全这些设置（或删去该模板以使用内置模板）' },
    en: { message: '{count} template settings are missing or invalid here: {keys}', hint: 'complete them as templates/default/theme.yml has them (or remove the template to use the bundled one)' },
  },
  'theme-invalid': {
    zh: { message: '模板设置 {key} 的值无效，应为 {expected}', hint: '按 theme.yml 中的注释修改该项' },
    en: { message: 'Invalid value for template setting {key}; expected {expected}', hint: 'fix it as the comments in theme.yml describe' },
  },
  'theme-yaml': {
    zh: { message: '模板文件不是有效的 YAML：{reason}', hint: '检查该行的缩进、冒号和括号' },
    en: { message: 'The template file is not valid YAML: {reason}', hint: 'check indentation, colons and brackets on that line' },
  },
  'font-missing': {
    zh: { message: '找不到字体 {font} 的文件 {ref}', hint: '运行 npm install，或把 theme.yml 中 fonts.{font} 改为项目内存在的 TTF/OTF 文件' },
    en: { message: 'Font file {ref} for {font} not found', hint: 'run npm install, or point fonts.{font} in theme.yml at a TTF/OTF file in the project' },
  },
  'font-invalid': {
    zh: { message: '字体 {font} 的文件 {ref} 不是可用的字体（{reason}）', hint: '请使用单个 TTF 或 OTF 文件（不支持 TTC 字体集）' },
    en: { message: 'File {ref} for font {font} is not a usable font ({reason})', hint: 'use a single TTF or OTF file (TTC collections are not supported)' },
  },
  'line-loose': {
    zh: { message: '字距过松：“{text}……”一行字间加宽 {spacing} 字，超过主题的 {limit} 字', hint: '调整措辞，或在合适处断开长词、长数字' },
    en: { message: 'Loose line: “{text}…” is spaced {spacing} em per character, beyond the theme’s {limit} em', hint: 'reword it, or allow a break in a long word or number' },
  },
  'glyph-missing': {
    zh: { message: '字体 {font} 中没有字符“{char}”（{codePoint}）', hint: '改用常用字形，或在 theme.yml 中换用包含该字的字体' },
    en: { message: 'Font {font} has no glyph for “{char}” ({codePoint})', hint: 'replace the character, or choose a font in theme.yml that covers it' },
  },
  internal: {
    zh: { message: '内部错误：{message}', hint: '这是 gazette 的缺陷，请附上出错的文件报告此问题' },
    en: { message: 'Internal error: {message}', hint: 'this is a bug in gazette; please report it with the file that caused it' },
  },
  'import-issue-missing': {
    zh: { message: '没有期次文件夹 {dir}/', hint: '先建立该文件夹并写入 issue.yml（year、number、total、published），再导入' },
    en: { message: 'No issue folder {dir}/', hint: 'create it with an issue.yml (year, number, total, published) first, then import' },
  },
  'import-unreadable': {
    zh: { message: ['无法读取文件 {file}：{reason}', '无法读取文件 {file}'], hint: '检查文件名和路径（相对于当前文件夹）以及读取权限' },
    en: { message: ['Cannot read {file}: {reason}', 'Cannot read {file}'], hint: 'check the file name, its path (relative to the current folder) and read permission' },
  },
  'import-format-unknown': {
    zh: { message: '不能导入 {file}：不支持“{extension}”格式', hint: '可导入的格式：{formats}；.doc、.wps、.pdf 请先另存为 .docx 或 .txt' },
    en: { message: 'Cannot import {file}: the format "{extension}" is not supported', hint: 'formats: {formats}; save .doc, .wps or .pdf files as .docx or .txt first' },
  },
  'import-docx-invalid': {
    zh: { message: '{file} 不是有效的 Word 文档（.docx）', hint: '在 Word 或 WPS 中打开该文件并另存为 .docx 后重试' },
    en: { message: '{file} is not a valid Word document (.docx)', hint: 'open it in Word or WPS and save it as .docx again' },
  },
  'import-encoding-unknown': {
    zh: { message: '{file} 既不是 UTF-8 也不是 GB18030 编码，无法识别', hint: '在编辑器中将文件另存为 UTF-8 后重试' },
    en: { message: '{file} is neither UTF-8 nor GB18030', hint: 're-save the file as UTF-8 and try again' },
  },
  'import-exists': {
    zh: { message: '{file} 已存在，未覆盖（本次未写入任何文件）', hint: '确认要替换时加 --force，或先移走该文件' },
    en: { message: '{file} already exists and was not replaced (nothing was written)', hint: 'add --force to replace it, or move the file away first' },
  },
  'document-id-duplicate': {
    zh: { message: '文件名与 {other} 只差大小写，两篇文件的输出会互相覆盖', hint: '给其中一篇改个文件名' },
    en: { message: 'The file name differs from {other} only in letter case: their outputs would overwrite each other', hint: 'rename one of the two files' },
  },
  'year-without-issues': {
    zh: { message: '{year} 年没有期次（issue.yml 的 year 为 {year} 的期次）', hint: '有期次的年份：{years}' },
    en: { message: 'No issue of {year} (no issue.yml says year: {year})', hint: 'years with issues: {years}' },
  },
  'issue-unknown': {
    zh: { message: '没有名为 {issue} 的期次', hint: '现有期次：{known}' },
    en: { message: 'No issue named {issue}', hint: 'issues available: {known}' },
  },
  'file-encoding': {
    zh: { message: '文件不是 UTF-8 编码，看起来是 {encoding}', hint: '运行 gazette check --fix 转换为 UTF-8，或在编辑器中“另存为 UTF-8”' },
    en: { message: 'File is not UTF-8; it looks like {encoding}', hint: 'run gazette check --fix to convert it to UTF-8, or re-save it as UTF-8 in your editor' },
  },
  'file-encoding-unknown': {
    zh: { message: '文件不是 UTF-8 编码，也无法识别其编码', hint: '在编辑器中将文件另存为 UTF-8' },
    en: { message: 'File is not UTF-8 and its encoding is not recognised', hint: 're-save the file as UTF-8' },
  },
  'document-empty': {
    zh: { message: '文件是空的', hint: '写入前置元数据和正文（gazette new document 可生成骨架），或删除该文件' },
    en: { message: 'The file is empty', hint: 'write its front matter and text (gazette new document writes a skeleton), or delete the file' },
  },
  'document-folder': {
    zh: { message: '这是一个以 .md 结尾的文件夹，不是文件，未作为文件收录', hint: '文件夹名不要以 .md 结尾；若其中是该文件，把它移回期次文件夹' },
    en: { message: 'This is a folder whose name ends in .md, not a file; it is not taken as a document', hint: 'name folders without .md at the end; if the document is inside, move it back into the issue folder' },
  },
  'front-matter-missing': {
    zh: { message: '缺少前置元数据（文件须以 --- 开头）', hint: '在文件开头加入：---（换行）title: …（换行）issuer: …（换行）date: YYYY-MM-DD（换行）number: …（换行）category: …（换行）---' },
    en: { message: 'Missing front matter (the file must start with ---)', hint: 'start the file with a --- block holding title, issuer, date, number and category' },
  },
  'front-matter-unclosed': {
    zh: { message: '前置元数据没有结束标记 ---', hint: '在最后一个字段之后单独一行写 ---' },
    en: { message: 'Front matter is not closed by ---', hint: 'add a line with --- after the last field' },
  },
  'yaml-syntax': {
    zh: {
      message: ['YAML 语法错误：字段 {key} 出现了两次', 'YAML 语法错误：{kind}', 'YAML 语法错误：{detail}'],
      hint: ['删去其中一个 {key}，保留正确的值', '这里开始的“{bracket}”没有闭合：在同一行列表的末尾补上“]”，如 [甲, 乙]；或改为每行一项的“- 甲”', '这里开始的“{brace}”没有闭合：在同一行的末尾补上“}”，如 { by: 印发机关, date: YYYY-MM-DD }', '检查缩进、冒号后的空格和引号是否成对'],
    },
    en: {
      message: ['YAML syntax error: the key {key} appears twice', 'YAML syntax error: {kind}', 'YAML syntax error: {detail}'],
      hint: ['delete one of the {key} lines, keeping the right value', 'the "{bracket}" that opens here is never closed: end the list with "]" on the same line ([甲, 乙]), or write one "- item" per line', 'the "{brace}" that opens here is never closed: end it with "}" on the same line ({ by: office, date: YYYY-MM-DD })', 'check indentation, the space after each colon and matching quotes'],
    },
  },
  'yaml-not-map': {
    zh: { message: 'YAML 内容须为“键: 值”形式', hint: '每行写一个字段，如 key: value' },
    en: { message: 'YAML content must be a mapping of keys to values', hint: 'write one field per line, e.g. key: value' },
  },
  'publication-invalid': {
    zh: { message: ['gazette.yml 中 {field} 的值无效，可选：{choices}', 'gazette.yml 中 {field} 的值无效，应为{expected}', 'gazette.yml 中 {field} 有误：{problem}（{placeholder}）', 'gazette.yml 中 {field} 有误：{problem}（{name}）', 'gazette.yml 中 {field} 有误：{problem}'], hint: ['可用的占位符：{placeholders}', '按 README 中 gazette.yml 一节修改'] },
    en: { message: ['Invalid value for {field} in gazette.yml; one of {choices}', 'Invalid value for {field} in gazette.yml; expected {expected}', 'Problem with {field} in gazette.yml: {problem} ({placeholder})', 'Problem with {field} in gazette.yml: {problem} ({name})', 'Problem with {field} in gazette.yml: {problem}'], hint: ['placeholders: {placeholders}', 'see the gazette.yml section of README'] },
  },
  'issue-meta-missing': {
    zh: { message: '缺少期次信息文件 {file}', hint: '新建该文件，写入 year、number、total、published 四项' },
    en: { message: 'Missing issue file {file}', hint: 'create it with year, number, total and published' },
  },
  'issue-field-missing': {
    zh: { message: '{file} 缺少 {field}', hint: '加入 {field}: …（四项为 year 年份、number 当年期号、total 总期号、published 出版日期 YYYY-MM-DD）' },
    en: { message: '{file} lacks {field}', hint: 'add {field}: … (the four fields are year, number within the year, total, published as YYYY-MM-DD)' },
  },
  'document-not-md': {
    zh: { message: '{file} 不会排入公报：期次中只读取 .md 文件', hint: ['改名为 {rename}', '旁边已有 {copyOf}：若是副本，移出期次文件夹；否则合并两者'] },
    en: { message: '{file} is left out of the gazette: an issue reads .md files only', hint: ['rename it {rename}', '{copyOf} is beside it: move a copy out of the issue folder, or merge the two'] },
  },
  'issue-empty': {
    zh: { message: '期次 {issue} 中没有任何文件', hint: '用 gazette new document {issue} --category <栏目> 新建文件，或在 documents/{issue}/ 中加入 .md 文件' },
    en: { message: 'Issue {issue} holds no documents', hint: 'create one with gazette new document {issue} --category <section>, or add .md files to documents/{issue}/' },
  },
  'issues-missing': {
    zh: { message: '{dir}/ 中没有任何期次', hint: '新建 {dir}/<年份-期号>/ 文件夹，放入 issue.yml 和文件' },
    en: { message: 'No issues in {dir}/', hint: 'create {dir}/<year-number>/ with issue.yml and documents' },
  },
  'issue-invalid': {
    zh: { message: '期次信息 {field} 的值“{value}”无效，应为{expected}', hint: 'year、number、total 为正整数，published 为 YYYY-MM-DD 格式的日期' },
    en: { message: 'Issue field {field} has invalid value "{value}"; expected {expected}', hint: 'year, number and total are positive integers; published is a YYYY-MM-DD date' },
  },
  'issue-total': {
    zh: { message: '总期号 {total} 与上一期 {previous}（总第{previousTotal}期）不衔接，应为 {expected}', hint: '改为 total: {fix}' },
    en: { message: 'Running total {total} does not follow issue {previous} (total {previousTotal}); expected {expected}', hint: 'set total: {fix}' },
  },
  'issue-duplicate': {
    zh: { message: '{issue} 期与 {other} 的年份和期号相同', hint: '改正其中一期的 year 或 number' },
    en: { message: 'Issue {issue} has the same year and number as {other}', hint: 'correct year or number in one of them' },
  },
  'issue-published-year': {
    zh: { message: '出版日期 {published} 与期次年份 {year} 相差超过一年', hint: '核对 year 与 published；年末一期可在次年初出版' },
    en: { message: 'Publication date {published} is more than a year from issue year {year}', hint: 'check year and published; a year’s last issue may appear early the next year' },
  },
  'issue-published-order': {
    zh: { message: '出版日期 {published} 早于上一期 {previous} 的出版日期 {previousPublished}', hint: '核对两期的 published：各期按期号先后出版' },
    en: { message: 'Publication date {published} is before that of the previous issue {previous}, {previousPublished}', hint: 'check published in both issues: issues appear in the order of their numbers' },
  },
  'issue-folder-name': {
    zh: { message: '期次文件夹名 {folder} 与 issue.yml 不一致，应为 {expected}', hint: '将文件夹改名为 {expected}，或修改 issue.yml' },
    en: { message: 'Issue folder {folder} does not match issue.yml; expected {expected}', hint: 'rename the folder to {expected} or correct issue.yml' },
  },
  'field-missing': {
    zh: { message: '缺少字段 {field}', hint: '在前置元数据中加入 {field}: …' },
    en: { message: 'Missing field {field}', hint: 'add {field}: … to the front matter' },
  },
  'signature-missing': {
    zh: { message: '“{section}”栏目的文件须有署名，缺少 signature', hint: ['在前置元数据中加入 signature: 签发人职务和姓名（“{orders}”栏目收的是令，令须署签发人职务和姓名，GB/T 9704 §10.2）；该栏目不需署名时，在 gazette.yml 的该栏目下写 signed: false', '在前置元数据中加入 signature: 发文机关署名或签发人职务和姓名；该栏目不需署名时，在 gazette.yml 的该栏目下写 signed: false'] },
    en: { message: 'Documents of section "{section}" are signed; signature is missing', hint: ["add signature: the signer's office and name (section \"{orders}\" holds orders, which are signed so, GB/T 9704 §10.2); if the section needs no signature, write signed: false under it in gazette.yml", "add signature: the issuing office or the signer's office and name; if the section needs no signature, write signed: false under it in gazette.yml"] },
  },
  'signature-count': {
    zh: { message: '联合发文有 {issuers} 个发文机关，署名却有 {signatures} 项', hint: ['各发文机关按顺序署名（GB/T 9704 7.3.5.1）→ signature: {fix}', '各发文机关（{names}）按顺序署名，每个机关一项（GB/T 9704 7.3.5.1）'] },
    en: { message: 'A joint document of {issuers} issuers has {signatures} signatures', hint: ['every issuer signs, in order (GB/T 9704 7.3.5.1) → signature: {fix}', 'every issuer ({names}) signs, one item each, in order (GB/T 9704 7.3.5.1)'] },
  },
  'signature-sequence': {
    zh: { message: '署名的顺序与发文机关的顺序（{names}）不同', hint: '→ signature: {fix}（按发文机关顺序排列，GB/T 9704 7.3.5.1）' },
    en: { message: 'The signatures are not in the order of the issuers ({names})', hint: '→ signature: {fix} (in the order of the issuers, GB/T 9704 7.3.5.1)' },
  },
  'order-signer': {
    zh: { message: ['令的署名“{office}”只有职务，缺少签发人姓名', '令的署名“{name}”只有姓名，缺少签发人职务'], hint: '写成“职务　姓名”：签发人职务在前，与姓名之间空一字（GB/T 9704 §10.2）' },
    en: { message: ['The signature "{office}" of an order is an office without the signer’s name', 'The signature "{name}" of an order is a bare name, without the signer’s office'], hint: 'write “office　name”: the signer’s office, a full-width space, then the name (GB/T 9704 §10.2)' },
  },
  'field-type': {
    zh: { message: '字段 {field} 的值 {value} 类型不对，应为{expected}', hint: ['加引号写成文本：{field}: {quoted}', '改为{expected}'] },
    en: { message: 'Field {field} has value {value} of the wrong type; expected {expected}', hint: ['quote it to make it text: {field}: {quoted}', 'write {expected}'] },
  },
  'field-markup': {
    zh: { message: '字段 {field} 中的“{markup}”会按原样印出：前置元数据是纯文本', hint: '删去 HTML 标签；字符实体改写为字符本身（如 &amp; 写作 &，&nbsp; 写作空格）' },
    en: { message: '“{markup}” in field {field} prints as typed: front matter is plain text', hint: 'remove HTML tags; write the character an entity stands for (& for &amp;, a space for &nbsp;)' },
  },
  'field-unknown': {
    zh: { message: '未知字段 {field}', hint: ['是否应为 {fix}？可用字段：{known}', '可用字段：{known}'] },
    en: { message: 'Unknown field {field}', hint: ['did you mean {fix}? Known fields: {known}', 'known fields: {known}'] },
  },
  'issuer-joined': {
    zh: { message: '发文机关“{issuer}”是 {count} 个机关写成了一项，联合发文应逐个列出（已按 {count} 个机关读取）', hint: '→ issuer: {fix}（主办机关在前；gazette check --fix 可自动改正）' },
    en: { message: 'The issuer "{issuer}" is {count} bodies written as one; a joint document lists them one by one (read as {count})', hint: '→ issuer: {fix} (the lead body first; gazette check --fix corrects it)' },
  },
  'body-empty': {
    zh: { message: '文件没有正文，公报中只会印出标题', hint: '在前置元数据之后写入正文；尚未定稿的文件可先移出期次文件夹' },
    en: { message: 'The document has no text: the gazette would print its title alone', hint: 'write the text below the front matter; move a document not ready yet out of the issue folder' },
  },
  'category-unknown': {
    zh: { message: '栏目“{category}”未在 gazette.yml 中定义', hint: ['改为 {fix}（可用栏目：{sections}）', '可用栏目：{sections}；或在 gazette.yml 的 sections 中加入该栏目'] },
    en: { message: 'Section "{category}" is not defined in gazette.yml', hint: ['use {fix} (sections: {sections})', 'sections: {sections}; or add it to sections in gazette.yml'] },
  },
  'number-format': {
    zh: { message: '发文字号“{number}”不符合“代字〔年份〕序号号”格式', hint: '例如 {example}' },
    en: { message: 'Document number "{number}" is not of the form 代字〔year〕N号', hint: 'e.g. {example}' },
  },
  'number-brackets': {
    zh: { message: '发文字号年份须用六角括号〔〕，不能用“{char}”（{codepoint}）', hint: '→ {fix}' },
    en: { message: 'The year must be in 〔〕 (U+3014/U+3015), not "{char}" ({codepoint})', hint: '→ {fix}' },
  },
  'number-year': {
    zh: { message: '发文字号年份“{year}”须为四位阿拉伯数字', hint: ['→ {fix}', '写出完整的四位年份'] },
    en: { message: 'The year "{year}" must be four Arabic digits', hint: ['→ {fix}', 'write the full four-digit year'] },
  },
  'number-leading-zero': {
    zh: { message: '发文顺序号“{sequence}”不编虚位（1 不编为 01）', hint: '→ {fix}' },
    en: { message: 'Sequence "{sequence}" must not have leading zeros', hint: '→ {fix}' },
  },
  'number-di-zi': {
    zh: { message: '发文字号中不加“{chars}”', hint: '→ {fix}' },
    en: { message: 'A document number takes no "{chars}"', hint: '→ {fix}' },
  },
  'number-suffix': {
    zh: { message: ['发文字号须以一个“号”字结尾（现为“{suffix}”）', '发文字号缺少结尾的“号”字'], hint: '→ {fix}' },
    en: { message: ['A document number ends with a single 号 (found "{suffix}")', 'The document number lacks the final 号'], hint: '→ {fix}' },
  },
  'number-whitespace': {
    zh: { message: '发文字号“{number}”中有空格', hint: '→ {fix}' },
    en: { message: 'Document number "{number}" contains whitespace', hint: '→ {fix}' },
  },
  'number-fullwidth-digits': {
    zh: { message: '发文字号“{number}”使用了全角数字', hint: '→ {fix}' },
    en: { message: 'Document number "{number}" uses full-width digits', hint: '→ {fix}' },
  },
  'number-traditional': {
    zh: { message: '发文字号中有繁体字“{chars}”', hint: '→ {fix}' },
    en: { message: 'Document number contains traditional characters "{chars}"', hint: '→ {fix}' },
  },
  'number-issuer': {
    zh: { message: '机关代字“{code}”属于 {owner}，与发文机关 {issuer} 不符', hint: ['→ {fix}（{issuer} 的代字：{codes}），或改正 issuer', '改正 issuer 为 {owner}，或在 gazette.yml 中登记 {issuer} 的代字'] },
    en: { message: 'Code "{code}" belongs to {owner}, not to the issuer {issuer}', hint: ['→ {fix} (codes of {issuer}: {codes}), or correct issuer', 'set issuer to {owner}, or register the codes of {issuer} in gazette.yml'] },
  },
  'number-code-unknown': {
    zh: { message: '机关代字“{code}”不在 gazette.yml 的发文机关登记中', hint: ['在 gazette.yml 的 issuers 中为 {issuer} 加入代字 {code}', '在 gazette.yml 的 issuers 中为该机关加入代字 {code}'] },
    en: { message: 'Code "{code}" is not in the issuer registry of gazette.yml', hint: ['add {code} to the codes of {issuer} in gazette.yml', 'add {code} to the issuer’s codes in gazette.yml'] },
  },
  'number-duplicate': {
    zh: { message: '文号 {number} 重复，另见 {others}', hint: '核对文号；同一发文字号（代字、年份、序号）或令号（机关、序号）只能使用一次' },
    en: { message: 'Number {number} is used again at {others}', hint: 'check the numbers; each document number (code, year, sequence) or order number (body, sequence) is used once' },
  },
  'number-year-mismatch': {
    zh: { message: '文号年份 {year} 与成文日期 {date} 的年份 {dateYear} 不同', hint: '核对文号与日期；年末成文、次年编号时可忽略' },
    en: { message: 'Number year {year} differs from the year of date {date} ({dateYear})', hint: 'check number and date; ignore for documents signed at year end and numbered next year' },
  },
  'number-forbidden': {
    zh: { message: '“{section}”栏目的文件不带发文字号（现为 {number}）', hint: '删除 number 字段，或改正 category' },
    en: { message: 'Documents in section "{section}" carry no number (found {number})', hint: 'remove the number field, or correct category' },
  },
  'order-missing': {
    zh: { message: '“{section}”栏目收录令，每件须有令号', hint: '加入 number: {example}' },
    en: { message: 'Section "{section}" holds orders: each needs an order number', hint: 'add number: {example}' },
  },
  'number-missing': {
    zh: { message: '“{section}”栏目的文件须有发文字号', hint: '加入 number: 发文字号，形如 {example}（顺序号接该代字本年已用的下一个）' },
    en: { message: 'Documents in section "{section}" need a document number', hint: 'add number: the document number, like {example} (the sequence after the last one used this year)' },
  },
  'date-format': {
    zh: { message: '成文日期“{date}”宜写成 YYYY-MM-DD（印刷时仍排为“年月日”）', hint: '→ {fix}（gazette check --fix 可自动改写）' },
    en: { message: 'Date "{date}" is best written YYYY-MM-DD (it still prints as 年月日)', hint: '→ {fix} (gazette check --fix rewrites it)' },
  },
  'date-invalid': {
    zh: {
      message: ['成文日期“{date}”不存在：{year}年{month}月只有{days}天', '成文日期“{date}”带有时刻 {time}：成文日期只写年月日', '成文日期“{date}”只写到{year}年{month}月，缺少日：年、月、日须写全（GB/T 9704 7.3.5.4）', '成文日期“{date}”不是真实存在的日期'],
      hint: ['→ {fix}（gazette check --fix 可自动改正）', '改为 YYYY-MM-DD 格式的真实日期，如 {example}', '改为 YYYY-MM-DD 格式的真实日期'],
    },
    en: {
      message: ['Date "{date}" does not exist: {year}-{month} has {days} days', 'Date "{date}" has a time of day, {time}: a document is dated by the day', 'Date "{date}" stops at the month ({year}-{month}): year, month and day are all written (GB/T 9704 7.3.5.4)', 'Date "{date}" is not a real date'],
      hint: ['→ {fix} (gazette check --fix corrects it)', 'use a real date written YYYY-MM-DD, e.g. {example}', 'use a real date written YYYY-MM-DD'],
    },
  },
  'date-after-publication': {
    zh: { message: '成文日期 {dateZh} 晚于本期出版日期 {publishedZh}', hint: '核对成文日期，或将文件移到后一期' },
    en: { message: 'Date {date} is after the issue’s publication date {published}', hint: 'check the date, or move the document to a later issue' },
  },
  'title-doctype': {
    zh: { message: ['公文标题中文种重叠（“{double}”）', '公文标题须以文种结尾（{types}）'], hint: ['→ {fix}', '在标题末尾写明一个文种，如“……的通知”'] },
    en: { message: ['The title stacks two document types ("{double}")', 'An official title must end with a document type ({types})'], hint: ['→ {fix}', 'end the title with one type, e.g. “……的通知”'] },
  },
  'title-issuer': {
    zh: { message: '标题未以发文机关“{issuer}”开头', hint: ['→ {fix}', '标题应为“发文机关 + 事由 + 文种”，核对标题或 issuer'] },
    en: { message: 'Title does not start with the issuer "{issuer}"', hint: ['→ {fix}', 'a title is issuer + subject + type; check the title or issuer'] },
  },
  'document-duplicate': {
    zh: { message: '同一期中已有标题相同的文件 {other}', hint: '删除重复收录的文件，或改正标题' },
    en: { message: 'The issue already holds a document with this title at {other}', hint: 'remove the duplicate, or correct the title' },
  },
  'publication-key-unknown': {
    zh: { message: 'gazette.yml 中有未知的设置项 {field}', hint: '可用设置项：{known}' },
    en: { message: 'Unknown setting {field} in gazette.yml', hint: 'known settings: {known}' },
  },
  'rule-unknown': {
    zh: { message: 'gazette.yml 的 rules 中没有名为“{rule}”的规则', hint: ['是否应为 {fix}？', '规则名见 README 的规则表'] },
    en: { message: 'No rule named "{rule}" (rules in gazette.yml)', hint: ['did you mean {fix}?', 'see the rule table in README'] },
  },
  'date-lookalike': {
    zh: { message: '成文日期“{date}”中的“○”（U+25CB）或“零”应为汉字数字“〇”（U+3007）', hint: '→ {fix}（gazette check --fix 改写为 ISO 日期）' },
    en: { message: 'Date "{date}" uses ○ (U+25CB) or 零 where the numeral 〇 (U+3007) belongs', hint: '→ {fix} (gazette check --fix rewrites it as an ISO date)' },
  },
  'number-order-misplaced': {
    zh: { message: ['令号“{number}”不能用于“{section}”栏目', '令号“{number}”不能用于“{section}”栏目'], hint: ['把 category 改为令所在的栏目（{sections}），或改正 number', '令须放在 gazette.yml 中 number: order 的栏目；在 sections 中为令设一个栏目，或改正 number'] },
    en: { message: 'Order number "{number}" cannot be used in section "{section}"', hint: ['move the document to a section of orders ({sections}), or correct number', 'orders belong in a section with number: order in gazette.yml; add one, or correct number'] },
  },
  'number-not-order': {
    zh: {
      message: ['“{section}”栏目收录令，“{number}”中的“{bracketed}”是发文字号的写法：令号不用括号括年份', '“{section}”栏目收录令，“{number}”是发文字号而不是令号'],
      hint: ['→ {fix}（令号为“机关令第N号”；按年编号的写作 {withYear}）', '把 category 改为 {sections} 之一，或改为令号（机关令第N号）', '改为令号（机关令第N号）'],
    },
    en: {
      message: ['Section "{section}" holds orders; the "{bracketed}" in "{number}" belongs to document numbers: an order number has no bracketed year', 'Section "{section}" holds orders; "{number}" is a document number, not an order number'],
      hint: ['→ {fix} (an order number reads 机关令第N号; numbered by year, {withYear})', 'move it to one of {sections}, or write an order number (机关令第N号)', 'write an order number (机关令第N号)'],
    },
  },
  'order-format': {
    zh: { message: '令号“{number}”不符合“机关令第N号”或“机关令YYYY年第N号”格式', hint: '例如 {example}' },
    en: { message: 'Order number "{number}" is not of the form 机关令第N号 or 机关令YYYY年第N号', hint: 'e.g. {example}' },
  },
  'order-issuer': {
    zh: { message: ['令号中的机关“{organ}”是 {owner}，与发文机关 {issuer} 不符', '令号中的机关“{organ}”与发文机关 {issuer} 不符（应为 {names}）'], hint: '→ {fix}' },
    en: { message: ['The body "{organ}" in the order number is {owner}, not the issuer {issuer}', 'The body "{organ}" in the order number does not match the issuer {issuer} ({names})'], hint: '→ {fix}' },
  },
  'order-di': {
    zh: { message: '令号“{number}”缺少“第”字', hint: ['→ {fix}', '令号写作“机关令第N号”'] },
    en: { message: 'Order number "{number}" lacks 第', hint: ['→ {fix}', 'order numbers read 机关令第N号'] },
  },
  'order-suffix': {
    zh: { message: ['令号须以一个“号”字结尾（现为“{suffix}”）', '令号缺少结尾的“号”字'], hint: ['→ {fix}', '令号写作“机关令第N号”'] },
    en: { message: ['An order number ends with a single 号 (found "{suffix}")', 'The order number lacks the final 号'], hint: ['→ {fix}', 'order numbers read 机关令第N号'] },
  },
  'order-whitespace': {
    zh: { message: '令号“{number}”中有空格', hint: '→ {fix}' },
    en: { message: 'Order number "{number}" contains whitespace', hint: '→ {fix}' },
  },
  'order-fullwidth-digits': {
    zh: { message: '令号“{number}”使用了全角数字', hint: '→ {fix}' },
    en: { message: 'Order number "{number}" uses full-width digits', hint: '→ {fix}' },
  },
  'order-leading-zero': {
    zh: { message: '令号序号“{sequence}”不编虚位（1 不编为 01）', hint: '→ {fix}' },
    en: { message: 'Sequence "{sequence}" must not have leading zeros', hint: '→ {fix}' },
  },
  'printed-date-invalid': {
    zh: { message: '印发日期“{date}”不是真实存在的日期', hint: '改为 YYYY-MM-DD 格式的真实日期' },
    en: { message: 'Printing date "{date}" is not a real date', hint: 'use a real date written YYYY-MM-DD' },
  },
  'printed-before-date': {
    zh: { message: '印发日期 {printed} 早于成文日期 {date}', hint: '核对 printed.date 与 date：公文印发不会早于成文' },
    en: { message: 'Printing date {printed} is before the date {date}', hint: 'check printed.date and date: a document is never printed before it is signed' },
  },
  'attachments-mismatch': {
    zh: { message: ['附件说明列出 {listed} 个附件，正文中有 {present} 个（{labels}）', '附件说明列出 {listed} 个附件，正文中有 {present} 个'], hint: '使 attachments 与正文中的“附件N”一一对应；公报未转载附件时可在 gazette.yml 的 rules 中关闭此项' },
    en: { message: ['attachments lists {listed}, the body holds {present} ({labels})', 'attachments lists {listed}, the body holds {present}'], hint: 'make attachments match the 附件N sections of the body; turn this off in gazette.yml rules if the gazette leaves attachments out' },
  },
  'attachment-name-mismatch': {
    zh: { message: '{label}的标题“{title}”与附件说明中的“{name}”不一致', hint: '附件标题应与附件说明的表述一致（GB/T 9704 7.3.7）→ {fix}' },
    en: { message: 'The title "{title}" of {label} differs from "{name}" in attachments', hint: 'attachment titles must match the attachment list (GB/T 9704 7.3.7) → {fix}' },
  },
  'punctuation-halfwidth': {
    zh: { message: '中文文字中用了半角“{char}”，应为全角“{fullwidth}”（GB/T 15834）', hint: '“{context}” → “{fix}”（gazette check --fix 可自动改正）' },
    en: { message: 'ASCII “{char}” in Chinese text, where GB/T 15834 wants the full-width “{fullwidth}”', hint: '“{context}” → “{fix}” (gazette check --fix corrects it)' },
  },
  'html-unsupported': {
    zh: { message: 'HTML 标签 <{tag}> 不受支持，已从两种版本中略去', hint: '改用 Markdown 写法；注释 <!-- … --> 与换行 <br> 可以使用' },
    en: { message: 'HTML tag <{tag}> is not supported and is left out of both editions', hint: 'use Markdown instead; comments <!-- … --> and <br> are fine' },
  },
  'html-table-text-lost': {
    zh: {
      message: ['表格之外的内容“{text}”（另有 {more} 处）未能印出，已从两种版本中略去', '表格之外的内容“{text}”未能印出，已从两种版本中略去'],
      hint: '它写在了表格的行之间，或紧跟 </table> 而没有空行，或前面缺少 </table>：放进单元格或 <caption>，或移到 </table> 之后并空一行（引用中空行写作 >，列表中保持缩进）；两个表格之间也要空一行',
    },
    en: {
      message: ['Content outside the table, “{text}” (and {more} more), is left out of both editions', 'Content outside the table, “{text}”, is left out of both editions'],
      hint: 'it sits between table rows, right after </table> without a blank line, or after a missing </table>: put it in a cell or a <caption>, or after </table> and a blank line (in a quote the blank line is a lone >, in a list keep the indent); separate two tables with a blank line too',
    },
  },
  'table-columns-mismatch': {
    zh: { message: '表格的分隔行有 {delimiter} 列，表头有 {header} 列：不能排成表格，竖线和短横线会按文字印出', hint: '使分隔行的列数与表头相同（{header} 列），如 |{example}' },
    en: { message: 'The table’s delimiter row has {delimiter} cells and its header {header}: it is no table and its pipes and dashes would print as text', hint: 'give the delimiter row as many cells as the header ({header}), e.g. |{example}' },
  },
  'attachment-label-colon': {
    zh: { message: '附件标识“{written}”后不加冒号（GB/T 9704 7.3.7）', hint: '→ {label}（印出时已略去冒号）' },
    en: { message: 'The attachment label "{written}" takes no colon (GB/T 9704 7.3.7)', hint: '→ {label} (the colon is left out in print)' },
  },
  'table-too-wide': {
    zh: { message: '表格有 {columns} 列，版心放不下各列最长的词语或数字：印出时词语和数字会被拆开换行', hint: '减少列数（把表格拆成两张）、缩短表头或单元格中的文字；数字可改用“万元”等较大单位' },
    en: { message: 'The table has {columns} columns and the type area cannot hold each one’s widest word or figure: words and figures will break across lines', hint: 'use fewer columns (split the table in two), or shorter headers and cell text; figures may take a larger unit (万元)' },
  },
  'html-table-unclosed': {
    zh: { message: 'HTML 表格缺少结束标签 </table>，整个表格未能印出', hint: '在表格最后一行之后加上 </table>（每行以 </tr> 结束，每个单元格以 </td> 或 </th> 结束），再空一行写正文' },
    en: { message: 'The HTML table has no closing </table>: none of it prints', hint: 'add </table> after its last row (each row ends with </tr>, each cell with </td> or </th>), then a blank line before the text' },
  },
  'html-cell-plain': {
    zh: { message: '表格单元格中的 <{tag}> 按普通文字印出（如 100m<sup>2</sup> 印作 100m2）', hint: ['上标、下标改用相应的字符，如 {character}，或改写为文字', '改写为文字'] },
    en: { message: '<{tag}> in a table cell prints as plain text (100m<sup>2</sup> reads 100m2)', hint: ['use the superscript or subscript character, e.g. {character}, or say it in words', 'say it in words'] },
  },
  'html-inline-plain': {
    zh: {
      message: 'HTML 标签 <{tag}> 不受支持：标签略去，其中的文字按普通文字印出',
      hint: ['上标、下标改用相应的字符，如 {character}，或改写为文字', '改用 Markdown 写法 {markdown}', '删去该标签；需要强调时用 Markdown 的 **粗体**'],
    },
    en: {
      message: 'HTML tag <{tag}> is not supported: the tag is dropped and its text prints as plain text',
      hint: ['use the superscript or subscript character, e.g. {character}, or say it in words', 'use the Markdown {markdown} instead', 'remove the tag; for emphasis use Markdown **bold**'],
    },
  },
  'task-list-unsupported': {
    zh: { message: '任务列表的勾选框 [ ] / [x] 不受支持，两种版本都只印该项文字', hint: '改为普通列表项；需要说明完成情况时写成文字，如“（已完成）”' },
    en: { message: 'Task-list boxes [ ] / [x] are not supported: both editions print only the item’s text', hint: 'write a plain list item; state progress in words, e.g. “（已完成）”' },
  },
  'markdown-unsupported': {
    zh: { message: 'Markdown 结构“{node}”不受支持，已从两种版本中略去', hint: '改用段落、标题、列表、表格或图片' },
    en: { message: 'Markdown construct "{node}" is not supported and is left out of both editions', hint: 'use paragraphs, headings, lists, tables or images' },
  },
  'nesting-too-deep': {
    zh: { message: '列表或引用嵌套了 {depth} 层，超过上限 {max} 层', hint: '减少嵌套层次；公文层次序数最多四层（一、（一）1.（1））' },
    en: { message: 'Lists or quotes are nested {depth} deep, more than {max}', hint: 'nest less; official documents use at most four levels' },
  },
  'note-unused': {
    zh: { message: '脚注 [^{label}] 已定义但正文中没有引用', hint: '在正文中加入 [^{label}]，或删除该脚注' },
    en: { message: 'Footnote [^{label}] is defined but never cited', hint: 'cite it with [^{label}] or remove it' },
  },
  'placeholder-unfilled': {
    zh: { message: '“{placeholder}”是新建文件时留下的待填内容，尚未填写', hint: '换成本文件的实际内容（标题中的事由、主送机关或正文）' },
    en: { message: '“{placeholder}” is a placeholder left by gazette new document and is not filled in', hint: 'replace it with the document’s own text (the subject in the title, the recipients or the body)' },
  },
  'note-undefined': {
    zh: { message: '脚注 [^{label}] 没有定义，会按原样印出“[^{label}]”', hint: '在文末加上一行“[^{label}]: 脚注内容”，或删去该引用；要照原样印出时写作 \\[^{label}]' },
    en: { message: 'Footnote [^{label}] has no definition and would print as typed, “[^{label}]”', hint: 'add a line “[^{label}]: the note” at the end, or remove the citation; to print it as it is, write \\[^{label}]' },
  },
  'link-unsafe': {
    zh: { message: '链接“{href}”不是 http、https 或 mailto 地址，已只保留文字', hint: '写完整的网址（https://…），或去掉链接只写文字' },
    en: { message: 'Link "{href}" is not an http, https or mailto address; only its text is kept', hint: 'write a full address (https://…), or drop the link' },
  },
  'image-inline': {
    zh: { message: '标题或表格中的图片“{alt}”无法排入，只保留了说明文字', hint: '把图片单独放在一段中' },
    en: { message: 'Image "{alt}" inside a heading or table cell cannot be set; only its text is kept', hint: 'put the image in a paragraph of its own' },
  },
  'image-remote': {
    zh: { message: '图片“{src}”不是项目中的文件（公报不从网络下载图片）', hint: '把图片存入 documents/ 下，并用相对路径引用' },
    en: { message: 'Image "{src}" is not a file of the project (nothing is downloaded)', hint: 'save the image under documents/ and refer to it by a relative path' },
  },
  'image-outside': {
    zh: { message: '图片“{src}”在 documents/ 之外', hint: '把图片移入 documents/（如该期文件夹下的 images/），再用相对路径引用' },
    en: { message: 'Image "{src}" is outside documents/', hint: 'move it into documents/ (e.g. images/ in the issue folder) and refer to it relatively' },
  },
  'image-missing': {
    zh: { message: '找不到图片文件 {path}', hint: '检查文件名和路径（相对于本文件所在文件夹）' },
    en: { message: 'Image file {path} not found', hint: 'check the file name and path (relative to this document’s folder)' },
  },
  'image-corrupt': {
    zh: { message: '图片“{src}”（{path}）已损坏或不完整', hint: '用图片软件重新导出为 PNG 或 JPEG，替换该文件' },
    en: { message: 'Image "{src}" ({path}) is damaged or cut off', hint: 'export it again as PNG or JPEG and replace the file' },
  },
  'image-format': {
    zh: { message: '图片“{src}”不是 PNG 或 JPEG 文件', hint: '另存为 PNG 或 JPEG 后引用' },
    en: { message: 'Image "{src}" is not a PNG or JPEG file', hint: 'save it as PNG or JPEG' },
  },
  'image-alt-missing': {
    zh: { message: '图片“{src}”缺少替代文字', hint: '在 ![ ] 中写明图片内容，供读屏软件朗读：![图片内容]({src})' },
    en: { message: 'Image "{src}" has no alternative text', hint: 'describe the image inside ![ ], for screen readers: ![what it shows]({src})' },
  },
  'text-invisible': {
    zh: { message: '此处有不可见字符 {codePoint}（零宽空格、方向控制符、变体选择符或控制字符），两种版本都不印出', hint: '删除该字符（gazette check --fix 可自动删除）' },
    en: { message: 'Invisible character {codePoint} here (zero-width, bidi, variation selector or control); neither edition prints it', hint: 'delete it (gazette check --fix does)' },
  },
  'text-lookalike': {
    zh: { message: '“{char}”（{codePoint}）是形近字符，应为“{fix}”', hint: '→ {fix}（gazette check --fix 可自动替换）' },
    en: { message: '"{char}" ({codePoint}) is a look-alike of "{fix}"', hint: '→ {fix} (gazette check --fix replaces it)' },
  },
  'file-unreadable': {
    zh: { message: '无法读取 {path}：{error}', hint: '{remedy}' },
    en: { message: 'Cannot read {path}: {error}', hint: '{remedy}' },
  },
  'interprets-unresolved': {
    zh: { message: '解读对象“{number}”不是本期任何文件的发文字号', hint: ['→ {fix}（本期文号：{numbers}）', '本期文号：{numbers}'] },
    en: { message: 'interprets "{number}" is not the number of a document in this issue', hint: ['→ {fix} (numbers in this issue: {numbers})', 'numbers in this issue: {numbers}'] },
  },
};

/**
 * Language-neutral argument values that read differently per language: kinds of expected values and the YAML
 * parser's error codes (its own messages are English only).
 */
const terms: Record<string, { zh: string; en: string }> = {
  integer: { zh: '正整数', en: 'a positive integer' },
  text: { zh: '文本', en: 'text' },
  list: { zh: '列表', en: 'a list' },
  date: { zh: 'YYYY-MM-DD 格式的日期', en: 'a YYYY-MM-DD date' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  'document-number': { zh: '发文字号或令号（文本）', en: 'a document or order number (text)' },
  'codes-list': { zh: '代字列表（如 [代字甲, 代字乙]）', en: 'a list of codes' },
  'text-or-list': { zh: '文本或文本列表（如 [甲, 乙]）', en: 'text or a list of texts' },
  'text-list': { zh: '文本列表（如 [甲, 乙]）', en: 'a list of texts' },
  printed: { zh: '“{ by: 印发机关, date: 印发日期 }”', en: '{ by: printing office, date: printing date }' },
  'rule-map': { zh: '“规则名: off | warning | error”的映射', en: 'a map of rule name: off | warning | error' },
  'colophon-map': { zh: '“项目: 内容”的映射（如 编辑出版: 某某市人民政府办公厅）', en: 'a map of label: text (编辑出版: …)' },
  'folder-name': { zh: '模板文件夹名只能含字母、数字、点、下划线和连字符', en: 'a template folder name of letters, digits, dots, underscores and hyphens' },
  'unknown-placeholder': { zh: '有未知的占位符', en: 'an unknown placeholder' },
  'duplicate-name': { zh: '同一名称登记给了两个机关', en: 'one name is registered to two issuers' },
  'date-once': { zh: 'date 只能出现在 head.order 与 closing.order 之一', en: 'date in exactly one of head.order and closing.order' },
  'number-required': { zh: 'head.order 须包含 number', en: 'head.order to include number' },
  'recipients-required': { zh: 'head.order 须包含 recipients', en: 'head.order to include recipients' },
  'attachments-required': { zh: 'closing.order 须包含 attachments', en: 'closing.order to include attachments' },
  'signature-required': { zh: 'closing.order 须包含 signature', en: 'closing.order to include signature' },
  'note-required': { zh: 'closing.order 须包含 note', en: 'closing.order to include note' },
  MISSING_CHAR: { zh: '引号或括号没有闭合', en: 'a quote or bracket is not closed' },
  UNCLOSED_QUOTE: { zh: '这里开始的引号没有闭合：在值的末尾补上同样的引号，或去掉它', en: 'the quote that opens here is never closed: add the same quote at the end of the value, or remove it' },
  BAD_INDENT: { zh: '缩进不一致', en: 'inconsistent indentation' },
  UNCLOSED_BRACKET: { zh: '括号没有闭合', en: 'a bracket is not closed' },
  TAB_AS_INDENT: { zh: '不能用制表符缩进', en: 'tabs cannot be used for indentation' },
  DUPLICATE_KEY: { zh: '字段重复出现', en: 'a key appears twice' },
  MULTILINE_IMPLICIT_KEY: { zh: '字段名须写在一行内，且后跟半角冒号和空格（“title: …”）', en: 'a key must be on one line, followed by an ASCII colon and a space' },
  BLOCK_AS_IMPLICIT_KEY: { zh: '值中含有冒号等符号时请给整个值加引号', en: 'quote a value that contains a colon' },
  UNEXPECTED_TOKEN: { zh: '有无法识别的符号', en: 'unexpected character' },
  FULLWIDTH_COLON: { zh: '字段名后用了全角冒号“：”，应为半角冒号加空格“: ”', en: 'a full-width colon follows the key; use an ASCII colon and a space' },
  ENOENT: { zh: '文件不存在（可能在读取时被移走或删除）', en: 'it does not exist (moved or deleted while reading?)' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  ELOOP: { zh: '符号链接形成了循环', en: 'the symbolic links form a loop' },
  EISDIR: { zh: '这是一个文件夹，不是文件', en: 'it is a folder, not a file' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'part of the path is not a folder' },
  EMFILE: { zh: '同时打开的文件过多', en: 'too many files are open' },
  EIO: { zh: '读取时出错', en: 'the read failed' },
  'remedy-ENOENT': { zh: '确认文件仍在原处后重试', en: 'make sure the file is still there and try again' },
  'remedy-EACCES': { zh: '用 chmod u+r（文件夹为 u+rx）给予读取权限，或检查文件的所有者', en: 'grant read permission (chmod u+r, u+rx for a folder) or check the owner' },
  'remedy-ELOOP': { zh: '改正或删除这个符号链接，使它指向真实的文件', en: 'fix or remove the symbolic link so that it points at a real file' },
  'remedy-EISDIR': { zh: '这里应是一个文件，却是同名文件夹：给文件夹改名，把文件放回原处', en: 'a folder has the name a file should have: rename the folder and put the file back' },
  'remedy-ENOTDIR': { zh: '检查路径中的文件夹名', en: 'check the folder names in the path' },
  'remedy-EMFILE': { zh: '关闭其他占用文件的程序，或提高打开文件数上限（ulimit -n）后重试', en: 'close other programs holding files, or raise the open-file limit (ulimit -n), and try again' },
  'remedy-EIO': { zh: '检查磁盘或网络存储是否正常后重试', en: 'check the disk or network storage and try again' },
  'duplicate-section': { zh: '栏目名重复出现', en: 'a section name appears twice' },
  'duplicate-code': { zh: '同一代字登记给了两个机关', en: 'one code is registered to two issuers' },
  VALUE_COLON: { zh: '值中含有“: ”，请给整个值加引号', en: 'the value contains ": "; quote the whole value' },
};

/** Arguments that name a kind of thing (translated via `terms`) and arguments that are lists (joined per language). */
const termArgs = new Set(['expected', 'kind', 'problem', 'error', 'remedy']);
const listArgs = new Set(['sections', 'codes', 'numbers', 'known', 'chars', 'types', 'others', 'names', 'labels', 'placeholders', 'choices']);

function localize(name: string, value: string, lang: Lang): string {
  if (termArgs.has(name)) return terms[value]?.[lang] ?? value;
  return lang === 'en' && listArgs.has(name) ? value.replaceAll('、', ', ') : value;
}

/** Fills `{name}` placeholders, choosing the first alternative whose placeholders all have values. */
export function describe(code: string, args: Readonly<Record<string, string | number>>, fix: string | undefined, lang: Lang): { message: string; hint?: string } {
  const entry = catalogue[code]?.[lang] ?? { message: `${code} ${JSON.stringify(args)}` };
  const values: Record<string, string | number> = Object.fromEntries(
    Object.entries({ ...args, ...(fix !== undefined ? { fix } : {}) }).map(([name, value]) => [name, typeof value === 'string' ? localize(name, value, lang) : value]),
  );
  const fill = (template: Template | undefined): string | undefined => {
    for (const candidate of typeof template === 'string' ? [template] : (template ?? [])) {
      const names = [...candidate.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      if (names.every((name) => values[name] !== undefined && values[name] !== '')) return candidate.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
    }
    return undefined;
  };
  const hint = fill(entry.hint);
  // Never print a raw {placeholder}: an unfillable message loses its unknown parts instead.
  const last = typeof entry.message === 'string' ? entry.message : entry.message[entry.message.length - 1]!;
  return { message: fill(entry.message) ?? last.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')), ...(hint ? { hint } : {}) };
}
