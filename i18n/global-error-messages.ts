/**
 * The five texts of the page that replaces the root layout when it fails (app/global-error.tsx), in both languages.
 * That page has no translation provider, and importing messages/*.json there would put both whole message files
 * into every page's JavaScript (about 30 KB gzip, growing with every message); so these few texts live here, and
 * tests/unit/global-error-messages.test.ts proves them equal to `errors.*` in the message files.
 */
export const GLOBAL_ERROR_MESSAGES = {
  'zh-CN': {
    title: '页面出错了',
    description: '处理请求时发生错误，已记录。请重试；若问题持续，请联系系统管理员。',
    unavailableTitle: '服务暂时不可用',
    unavailableDescription: '系统暂时无法连接数据库，正在自动恢复。已保存的数据不会丢失；服务恢复后本页会自动刷新。',
    retry: '重试',
  },
  en: {
    title: 'Something went wrong',
    description:
      'An error occurred while handling your request and has been logged. Please try again; if it persists, contact the administrator.',
    unavailableTitle: 'Service temporarily unavailable',
    unavailableDescription:
      'Keystone cannot reach its database at the moment and is recovering by itself. Data already saved is safe; this page reloads when the service is back.',
    retry: 'Try again',
  },
} as const;
