import type { Child } from 'hono/jsx';

/** Errors of a refused form or file, announced to screen readers (role="alert"); nothing when empty. */
export function ErrorList({ errors, lead }: { errors: readonly string[] | undefined; lead?: Child }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div role="alert" class="notice error">
      {lead ? <p>{lead}</p> : null}
      <ul>
        {errors.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
    </div>
  );
}
