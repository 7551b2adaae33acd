import type { Child } from 'hono/jsx';

/**
 * The horizontally scrolling box around a wide table (phones): focusable and named, so that keyboard
 * users can scroll it too (axe: scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { label: string; children?: Child }) {
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
