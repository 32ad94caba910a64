/** The first visit: asks for the display name colleagues will see. */
import { useState, type FormEvent } from 'react';
import { LanguageToggle } from '../components/LanguageToggle.js';
import { useT } from '../i18n/locale.js';
import { MAX_DISPLAY_NAME_LENGTH, normaliseDisplayName, saveDisplayName, type Identity } from '../identity.js';

/** Calls `onDone` with the new identity once a name is given. */
export function NamePrompt({ onDone }: { onDone(identity: Identity): void }) {
  const t = useT();
  const [name, setName] = useState('');
  const valid = normaliseDisplayName(name) !== '';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (valid) onDone(saveDisplayName(name));
  };

  return (
    <main className="name-prompt">
      <form className="card name-prompt-card" onSubmit={submit}>
        <div className="name-prompt-head">
          <h1>{t.namePrompt.title}</h1>
          <LanguageToggle />
        </div>
        <p>{t.namePrompt.intro}</p>
        <label className="field">
          <span className="field-label">{t.namePrompt.label}</span>
          <input
            data-testid="name-input"
            name="displayName"
            autoComplete="name"
            autoFocus
            required
            maxLength={MAX_DISPLAY_NAME_LENGTH}
            placeholder={t.namePrompt.placeholder}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit" className="primary-button" data-testid="name-submit" disabled={!valid}>
          {t.namePrompt.submit}
        </button>
      </form>
    </main>
  );
}
