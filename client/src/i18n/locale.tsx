/**
 * The interface language: Vietnamese first, English on request. The choice is kept in localStorage so it
 * survives reloads; components read strings with {@link useT}.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.js';
import type { Messages } from './messages.js';
import { vi } from './vi.js';

/** A language the interface is available in. */
export type Locale = 'vi' | 'en';

const DICTIONARIES: Record<Locale, Messages> = { vi, en };
const LOCALE_KEY = 'dong-soan.locale';

interface LocaleContextValue {
  locale: Locale;
  messages: Messages;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleContextValue>({ locale: 'vi', messages: vi, setLocale: () => {} });

function storedLocale(): Locale {
  try {
    return window.localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Provides the chosen language to everything below it. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(LOCALE_KEY, next);
    } catch {
      // Not kept across visits; the choice still applies now.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, messages: DICTIONARIES[locale], setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The strings of the current language. */
export function useT(): Messages {
  return useContext(LocaleContext).messages;
}

/** The current language and a way to change it. */
export function useLocale(): { locale: Locale; setLocale(locale: Locale): void } {
  const { locale, setLocale } = useContext(LocaleContext);
  return { locale, setLocale };
}
