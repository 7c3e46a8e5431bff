import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import type { Notices } from '../stores/notices';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '1px', flexShrink: 0 },
});

/** Sentences about what just happened (an action started, failed and why), under the ribbon. */
export const NoticeBar = observer(function NoticeBar({ notices }: { notices: Notices }) {
  const styles = useStyles();
  if (notices.items.length === 0) return null;
  return (
    <div className={styles.stack} aria-live="polite">
      {notices.items.map((notice) => (
        <MessageBar key={notice.id} intent={notice.intent} shape="square" layout="singleline">
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                size="small"
                appearance="transparent"
                aria-label="Dismiss"
                icon={<DismissRegular />}
                onClick={() => notices.dismiss(notice.id)}
              />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
});
