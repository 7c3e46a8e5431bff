import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

/**
 * A Yes/No question asked from inside another dialog (a wizard, a Properties dialog), rendered
 * as its child. A question opened beside the dialog instead (Dialogs.confirm) would leave that
 * dialog hidden from screen readers once it closed. No has the focus, as Escape answers No.
 */
export function NestedConfirm(props: {
  title: string;
  question: string;
  answer(isYes: boolean): void;
}) {
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_event, data) => !data.open && props.answer(false)}
    >
      <DialogSurface style={{ maxWidth: '440px' }}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.question}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.answer(true)}>
              Yes
            </Button>
            <Button autoFocus onClick={() => props.answer(false)}>
              No
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
