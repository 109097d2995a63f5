/** Everything the preview says to people, in the CLI's two languages (Simplified Chinese first). */

export type PreviewLang = 'zh' | 'en';

export interface PreviewMessages {
  built(ms: number, warnings: number): string;
  failed(ms: number, errors: number, warnings: number): string;
  changed(files: readonly string[]): string;
  requestFailed(reason: string): string;
  watchFailed(folder: string, reason: string): string;
  internalError(reason: string): string;
  portInUse(port: number): string;
  portsInUse(first: number, last: number): string;
  overlayTitle(errors: number, warnings: number): string;
  overlayNoteWithPage: string;
  overlayNoteWithoutPage: string;
  warningsSummary(count: number): string;
  error: string;
  warning: string;
  hint: string;
  close: string;
  banner: string;
  pageTitle: string;
  nothingYet: string;
  noPdf: string;
  notFound(path: string): string;
  getOnly: string;
  forbiddenHost: string;
  badRequest: string;
  pagesTitle: string;
  pageView: string;
  readingView: string;
  zoomIn: string;
  zoomOut: string;
  twoPages: string;
  jump: string;
}

const zh: PreviewMessages = {
  built: (ms, warnings) => `构建完成（${ms} 毫秒）${warnings ? `：${warnings} 个警告` : ''}。`,
  failed: (ms, errors, warnings) =>
    `构建失败（${ms} 毫秒）：${errors} 个错误${warnings ? `，${warnings} 个警告` : ''}。浏览器中显示问题列表。`,
  changed: (files) =>
    `检测到修改：${files.slice(0, 3).join('、')}${files.length > 3 ? ` 等 ${files.length} 个文件` : ''}，正在重新构建……`,
  requestFailed: (reason) => `预览服务处理请求时出错：${reason}`,
  watchFailed: (folder, reason) => `监视 ${folder} 时出错：${reason}`,
  internalError: (reason) => `构建时发生内部错误：${reason}`,
  portInUse: (port) => `端口 ${port} 已被占用，无法启动预览服务。请关闭占用该端口的程序，或换一个端口，例如 --port ${port + 1}。`,
  portsInUse: (first, last) => `端口 ${first}–${last} 均已被占用，无法启动预览服务。请用 --port 指定其他端口。`,
  overlayTitle: (errors, warnings) => `构建失败：${errors} 个错误${warnings > 0 ? `，${warnings} 个警告` : ''}`,
  overlayNoteWithPage: '下方仍是上一次成功构建的版本。修改文件并保存后，页面会自动更新。',
  overlayNoteWithoutPage: '还没有成功构建过。修改文件并保存后，页面会自动更新。',
  warningsSummary: (count) => `${count} 个警告`,
  error: '错误',
  warning: '警告',
  hint: '修改建议：',
  close: '关闭',
  banner: '预览版本，仅供校对',
  pageTitle: '公报预览',
  nothingYet: '尚无可显示的版本。',
  noPdf: '还没有成功生成的 PDF。请先修正页面上列出的问题。',
  notFound: (path) => `预览中没有这个地址：${path}`,
  getOnly: '只支持 GET 请求。',
  forbiddenHost: '预览只接受发往 127.0.0.1 或 localhost 的请求。',
  badRequest: '请求的地址无法解析。',
  pagesTitle: '公报预览（版面）',
  pageView: '版面视图',
  readingView: '阅读视图',
  zoomIn: '放大',
  zoomOut: '缩小',
  twoPages: '双页',
  jump: '跳转到文件……',
};

const en: PreviewMessages = {
  built: (ms, warnings) => `Built in ${ms} ms${warnings ? ` with ${warnings} warning(s)` : ''}.`,
  failed: (ms, errors, warnings) =>
    `Build failed in ${ms} ms: ${errors} error(s)${warnings ? `, ${warnings} warning(s)` : ''}. The browser lists the problems.`,
  changed: (files) =>
    `Changed: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}; rebuilding…`,
  requestFailed: (reason) => `The preview server failed to answer a request: ${reason}`,
  watchFailed: (folder, reason) => `Watching ${folder} failed: ${reason}`,
  internalError: (reason) => `Internal error during the build: ${reason}`,
  portInUse: (port) => `Port ${port} is already in use, so the preview cannot start. Stop the program using it, or choose another port, e.g. --port ${port + 1}.`,
  portsInUse: (first, last) => `Ports ${first}–${last} are all in use, so the preview cannot start. Choose another port with --port.`,
  overlayTitle: (errors, warnings) => `Build failed: ${errors} error(s)${warnings > 0 ? `, ${warnings} warning(s)` : ''}`,
  overlayNoteWithPage: 'Below is the last successful build. Fix the files and save; the page updates by itself.',
  overlayNoteWithoutPage: 'Nothing has built successfully yet. Fix the files and save; the page updates by itself.',
  warningsSummary: (count) => `${count} warning(s)`,
  error: 'Error',
  warning: 'Warning',
  hint: 'Fix: ',
  close: 'Close',
  banner: 'Draft preview, for proofreading only',
  pageTitle: 'Gazette preview',
  nothingYet: 'Nothing to show yet.',
  noPdf: 'No PDF has been built yet. Fix the problems listed on the page first.',
  notFound: (path) => `The preview has nothing at ${path}`,
  getOnly: 'Only GET requests are supported.',
  forbiddenHost: 'The preview only answers requests addressed to 127.0.0.1 or localhost.',
  badRequest: 'The requested address cannot be parsed.',
  pagesTitle: 'Gazette preview (pages)',
  pageView: 'Page view',
  readingView: 'Reading view',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  twoPages: 'Two pages',
  jump: 'Go to a document…',
};

export const previewMessages: Record<PreviewLang, PreviewMessages> = { zh, en };
