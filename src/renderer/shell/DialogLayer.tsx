import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { Fragment } from 'react';
import type { Confirmation, Dialogs } from '../stores/dialogs';

/** Renders the dialogs ribbon actions opened, newest on top. */
export const DialogLayer = observer(function DialogLayer({ dialogs }: { dialogs: Dialogs }) {
  return (
    <>
      {dialogs.open.map((dialog) =>
        dialog.kind === 'confirm' ? (
          <ConfirmDialog
            key={dialog.id}
            confirmation={dialog.confirmation}
            answer={(isYes) => dialogs.close(dialog.id, isYes)}
          />
        ) : (
          <Fragment key={dialog.id}>{dialog.render(() => dialogs.close(dialog.id))}</Fragment>
        ),
      )}
    </>
  );
});

/** ConfigMgr's confirmation: the question, Yes and No; No has the focus, as Escape does. */
function ConfirmDialog({
  confirmation,
  answer,
}: {
  confirmation: Confirmation;
  answer(isYes: boolean): void;
}) {
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && answer(false)}>
      <DialogSurface style={{ maxWidth: '460px' }}>
        <DialogBody>
          <DialogTitle>{confirmation.title}</DialogTitle>
          <DialogContent>{confirmation.question}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => answer(true)}>
              Yes
            </Button>
            <Button autoFocus onClick={() => answer(false)}>
              No
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
