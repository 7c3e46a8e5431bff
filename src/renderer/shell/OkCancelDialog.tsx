import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import type { CSSProperties, ReactNode } from 'react';

/**
 * The skeleton of the console's small dialogs: a title, the fields, and OK / Cancel. OK is
 * greyed while the change is being stored; Escape and Cancel close without storing anything.
 */
export function OkCancelDialog({
  title,
  isOpen = true,
  surfaceClassName,
  surfaceStyle,
  contentClassName,
  okLabel = 'OK',
  isBusy,
  onOk,
  close,
  children,
}: {
  title: ReactNode;
  isOpen?: boolean;
  surfaceClassName?: string;
  surfaceStyle?: CSSProperties;
  contentClassName?: string;
  /** "Create" where the console's own dialog says so. */
  okLabel?: string;
  isBusy: boolean;
  onOk(): void;
  close(): void;
  children: ReactNode;
}) {
  return (
    <Dialog open={isOpen} onOpenChange={(_event, data) => !data.open && close()}>
      <DialogSurface className={surfaceClassName} style={surfaceStyle}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={contentClassName}>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={isBusy} onClick={onOk}>
              {okLabel}
            </Button>
            <Button onClick={close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The site's sentence for a refused change, above the fields it is about. */
export function ProblemBar({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>{problem}</MessageBarBody>
    </MessageBar>
  );
}
