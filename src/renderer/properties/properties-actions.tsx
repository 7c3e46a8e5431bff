import { Button, DialogActions, DialogContent } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * The OK / Cancel / Apply row every Properties dialog ends with. OK applies and closes only when
 * the apply succeeded; Apply stays open; Cancel drops whatever was not applied.
 */
export function PropertiesActions({
  isBusy,
  canApply,
  apply,
  close,
}: {
  /** OK is greyed while a change is being stored (or there is nothing to store it in yet). */
  isBusy: boolean;
  canApply: boolean;
  /** Stores the change; resolves true when it was stored (or there was nothing to store). */
  apply(): Promise<boolean>;
  close(): void;
}) {
  return (
    <DialogActions>
      <Button
        appearance="primary"
        disabled={isBusy}
        onClick={() => void apply().then((isDone) => isDone && close())}
      >
        OK
      </Button>
      <Button onClick={close}>Cancel</Button>
      <Button disabled={!canApply} onClick={() => void apply()}>
        Apply
      </Button>
    </DialogActions>
  );
}

/** What Properties shows when several rows are selected but it edits only one. */
export function SelectOneContent({
  className,
  children,
  close,
}: {
  className?: string;
  children: ReactNode;
  close(): void;
}) {
  return (
    <>
      <DialogContent className={className}>{children}</DialogContent>
      <DialogActions>
        <Button appearance="primary" onClick={close}>
          Close
        </Button>
      </DialogActions>
    </>
  );
}
