/** The login page: username and password; clear messages for a wrong password and for too many attempts. */
import { useRef, useState, type FormEvent } from 'react';
import type { Me } from '../../../common/account.js';
import { ApiError } from '../api/http.js';
import { logIn } from '../api/session.js';
import { describeError } from '../components/ErrorMessage.js';
import { LanguageToggle } from '../components/LanguageToggle.js';
import { useT } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';

/** The message for a failed login, in the person's language. */
function loginFailure(t: Messages, error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return t.login.invalidCredentials;
  if (error instanceof ApiError && error.status === 429) {
    return error.retryAfterSeconds === undefined ? t.login.tooManyAttemptsNoWait : t.login.tooManyAttempts(error.retryAfterSeconds);
  }
  return `${t.login.failed}: ${describeError(t, error)}`;
}

/** Calls `onLoggedIn` with the account once the server accepted the credentials (and set the cookie). */
export function LoginPage({ onLoggedIn }: { onLoggedIn(me: Me): void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      onLoggedIn(await logIn(username.trim(), password));
    } catch (failure) {
      setError(failure);
      setPassword('');
      setPending(false);
      passwordInput.current?.focus();
    }
  };

  return (
    <main className="login-page">
      <form className="card login-card" data-testid="login-form" onSubmit={submit} aria-busy={pending}>
        <div className="login-head">
          <div>
            <p className="login-app-name">{t.appName}</p>
            <h1>{t.login.title}</h1>
          </div>
          <LanguageToggle />
        </div>
        <p className="muted">{t.login.intro}</p>
        <label className="field">
          <span className="field-label">{t.login.username}</span>
          <input
            data-testid="login-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">{t.login.password}</span>
          <input
            ref={passwordInput}
            data-testid="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error === null ? null : (
          <p className="error-message" role="alert" data-testid="login-error">
            {loginFailure(t, error)}
          </p>
        )}
        <button type="submit" className="primary-button login-submit" data-testid="login-submit" disabled={pending}>
          {pending ? t.login.submitting : t.login.submit}
        </button>
      </form>
    </main>
  );
}
