import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { ConfigProvider } from 'antd';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { LocaleProvider, useLocale, useT } from './i18n/index.tsx';
import { antdLocales } from './i18n/antd-locale.ts';
import { isApiError, onUnauthorized, setCsrfToken, type ApiError } from './api/client.ts';
import { meKey } from './api/auth.ts';
import { router } from './routes.tsx';
import { themeFor } from './theme.ts';
import { FeedbackProvider, useFeedback } from './components/feedback-context.tsx';

type Notify = (error: unknown) => void;
let notifyError: Notify = (error) => console.error(error);

const isSessionLoss = (error: unknown) => isApiError(error) && error.status === 401 && (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED');

export const queryClient = new QueryClient({
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      // a lost session is reported once by the unauthorized handler; pages with their own handling mark mutations silent
      if (mutation.meta?.silent || isSessionLoss(error)) return;
      notifyError(error);
    },
  }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

/** Connects the API client to antd's message and notification, and reports a lost session once. */
function ApiBridge() {
  const { message, notification } = useFeedback();
  const t = useT();
  useEffect(() => {
    notifyError = (error) => {
      if (!isApiError(error)) {
        message.error(error instanceof Error ? error.message : String(error));
        return;
      }
      const fields = (error.details as { fields?: { field: string; message?: string }[] } | null)?.fields;
      if (fields?.length) {
        notification.error({
          title: error.message,
          description: fields.map((f) => `${f.field || '—'}: ${f.message ?? ''}`).join('；'),
        });
      } else message.error({ content: error.message, key: error.code });
    };
    const off = onUnauthorized((error: ApiError) => {
      setCsrfToken('');
      const hadSession = !!queryClient.getQueryData(meKey);
      queryClient.setQueryData(meKey, null);
      if (hadSession) message.warning({ content: error.code === 'SESSION_EXPIRED' ? error.message : t('auth.signedOut'), key: 'session', duration: 8 });
    });
    return off;
  }, [message, notification, t]);
  return null;
}

const lessMotion = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
const onMotionChange = (change: () => void) => {
  lessMotion?.addEventListener('change', change);
  return () => lessMotion?.removeEventListener('change', change);
};

/** Whether the person's system asks for less motion; it follows a change of the setting. */
function usePrefersLessMotion(): boolean {
  return useSyncExternalStore(onMotionChange, () => lessMotion?.matches ?? false);
}

function Providers() {
  const { locale } = useLocale();
  const still = usePrefersLessMotion();
  const themed = useMemo(() => themeFor(locale, still), [locale, still]);
  return (
    // a two-character button reads 办理, as every longer one reads its words (antd would space it out: 办 理)
    <ConfigProvider locale={antdLocales[locale]} theme={themed} button={{ autoInsertSpace: false }}>
      <FeedbackProvider>
        <ApiBridge />
        <RouterProvider router={router} />
      </FeedbackProvider>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <Providers />
      </LocaleProvider>
    </QueryClientProvider>
  );
}
