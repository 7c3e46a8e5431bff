import {
  Button,
  Dialog,
  DialogSurface,
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import type { KeyboardEvent, ReactNode } from 'react';
import { NestedConfirm } from '../shell/NestedConfirm';
import type { WizardFlow, WizardStep } from './wizard-flow';

const useStyles = makeStyles({
  surface: {
    width: '820px',
    maxWidth: '96vw',
    height: 'min(600px, 92vh)',
    padding: 0,
    display: 'grid',
    gridTemplateRows: 'auto minmax(0, 1fr) auto',
    overflow: 'hidden',
  },
  banner: {
    display: 'flex',
    alignItems: 'center',
    gap: '10px',
    padding: '10px 16px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  bannerIcon: { fontSize: '32px', color: tokens.colorBrandForeground1 },
  bannerTitle: { margin: 0, fontSize: '16px', fontWeight: tokens.fontWeightSemibold },
  middle: { display: 'grid', gridTemplateColumns: '180px minmax(0, 1fr)', minHeight: 0 },
  nav: {
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
  },
  steps: { margin: 0, padding: '12px 0', listStyle: 'none' },
  stepButton: {
    display: 'block',
    width: '100%',
    padding: '4px 14px',
    border: 'none',
    background: 'none',
    textAlign: 'left',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':disabled': { color: tokens.colorNeutralForegroundDisabled, cursor: 'default' },
    ':hover:enabled': { textDecoration: 'underline' },
  },
  currentStep: { fontWeight: tokens.fontWeightBold },
  page: { display: 'flex', flexDirection: 'column', minHeight: 0, padding: '14px 20px 8px' },
  pageTitle: { margin: '0 0 10px', fontSize: '15px', fontWeight: tokens.fontWeightSemibold },
  pageBody: { flex: 1, minHeight: 0, overflowY: 'auto', paddingRight: '4px' },
  buttons: {
    display: 'flex',
    justifyContent: 'flex-end',
    gap: '8px',
    padding: '10px 16px',
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  gap: { width: '12px' },
});

export interface WizardFrameProps<PageId extends string> {
  readonly flow: WizardFlow<PageId>;
  /** "Download Software Updates Wizard". */
  readonly title: string;
  readonly icon: FluentIcon;
  /** The body of an input page, of Summary, of Progress or of Completion. */
  renderStep(step: WizardStep<PageId>): ReactNode;
}

/** Enter in these moves the caret or presses the control itself, not the wizard's Next. */
function keepsEnter(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'BUTTON' ||
    target.getAttribute('role') === 'menuitem' ||
    target.getAttribute('role') === 'option'
  );
}

/**
 * A ConfigMgr wizard: the banner with its name, the list of pages on the left (the current one
 * bold, those after an invalid page greyed), the page, and < Previous / Next > / Summary /
 * Cancel. Enter is Next when the page is valid, Alt+N and Alt+P move, Escape cancels (asking
 * first when the admin changed something).
 */
export const WizardFrame = observer(function WizardFrame<PageId extends string>({
  flow,
  title,
  icon: Icon,
  renderStep,
}: WizardFrameProps<PageId>) {
  const styles = useStyles();
  const step = flow.step;
  const isDone = step === 'completion';

  const onKeyDown = (event: KeyboardEvent) => {
    // A dialog a page opened (Browse…) is a React child but not inside the wizard's window.
    if (!(event.target instanceof Node) || !event.currentTarget.contains(event.target)) return;
    const key = event.key.toLowerCase();
    if (event.altKey && (key === 'n' || key === 'p')) {
      event.preventDefault();
      if (key === 'n' && flow.canGoNext) flow.next();
      if (key === 'p') flow.previous();
      return;
    }
    if (event.key === 'Enter' && !event.altKey && !keepsEnter(event.target)) {
      event.preventDefault();
      if (isDone) flow.close();
      else if (flow.canGoNext && flow.isCurrentValid) flow.next();
    }
  };

  return (
    <Dialog
      open
      // Escape is the wizard's Cancel (it asks first); a click beside the wizard does nothing.
      onOpenChange={(_event, data) => {
        if (!data.open && data.type === 'escapeKeyDown') flow.cancel();
      }}
    >
      <DialogSurface className={styles.surface} aria-label={title} onKeyDown={onKeyDown}>
        <header className={styles.banner}>
          <Icon className={styles.bannerIcon} aria-hidden />
          <h2 className={styles.bannerTitle}>{title}</h2>
        </header>
        <div className={styles.middle}>
          <nav className={styles.nav} aria-label="Wizard pages">
            <ol className={styles.steps}>
              {flow.steps.map((candidate) => (
                <li key={candidate.id}>
                  <button
                    type="button"
                    tabIndex={-1}
                    className={mergeClasses(
                      styles.stepButton,
                      candidate.id === step && styles.currentStep,
                    )}
                    aria-current={candidate.id === step ? 'step' : undefined}
                    disabled={candidate.id !== step && !flow.canVisit(candidate.id)}
                    onClick={() => flow.goTo(candidate.id)}
                  >
                    {candidate.title}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          <section className={styles.page} aria-label={flow.stepTitle} data-wizard-step={step}>
            <h3 className={styles.pageTitle}>{flow.stepTitle}</h3>
            <div className={styles.pageBody}>
              {flow.startError && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{flow.startError}</MessageBarBody>
                </MessageBar>
              )}
              {flow.isInputPage(step) && flow.problemFor(step, '') && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{flow.problemFor(step, '')}</MessageBarBody>
                </MessageBar>
              )}
              {renderStep(step)}
            </div>
          </section>
        </div>
        <footer className={styles.buttons}>
          {flow.isStarting && <Spinner size="tiny" label="Starting…" labelPosition="before" />}
          {flow.isChecking && <Spinner size="tiny" label="Checking…" labelPosition="before" />}
          <Button disabled={!flow.canGoBack} onClick={() => flow.previous()}>
            &lt; Previous
          </Button>
          <Button
            appearance={step === 'summary' ? 'primary' : 'secondary'}
            disabled={!flow.canGoNext}
            onClick={() => flow.next()}
          >
            Next &gt;
          </Button>
          <Button
            disabled={!flow.canVisit('summary') || step === 'summary'}
            onClick={() => flow.goToSummary()}
          >
            Summary
          </Button>
          <span className={styles.gap} />
          {isDone ? (
            <Button appearance="primary" onClick={() => flow.close()}>
              Close
            </Button>
          ) : (
            <Button
              disabled={flow.isStarting}
              title={
                flow.isStarted
                  ? 'Closes the wizard; the job goes on, and the Jobs panel shows it.'
                  : undefined
              }
              onClick={() => flow.cancel()}
            >
              {flow.isStarted ? 'Close' : 'Cancel'}
            </Button>
          )}
        </footer>
        {flow.isAskingToCancel && (
          <NestedConfirm
            title="Cancel Wizard"
            question="Are you sure you want to cancel the wizard? The settings you entered are lost."
            answer={(isYes) => flow.answerCancel(isYes)}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}) as <PageId extends string>(props: WizardFrameProps<PageId>) => ReactNode;
