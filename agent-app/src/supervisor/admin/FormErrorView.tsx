import type { FormError } from './admin-request.js';

/** The server's typed error under a form, with each field it refused. */
export function FormErrorView({ error }: { error: FormError | undefined }) {
  if (!error) return null;
  return (
    <div className="admin__error" role="alert">
      <p>{error.text}</p>
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((field) => (
            <li key={`${field.path}:${field.message}`}>
              <code>{field.path || '—'}</code>: {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
