import type { Migration } from './migration';
import { migration as m0001 } from './0001-site-jobs-status';
import { migration as m0002 } from './0002-catalog';
import { migration as m0003 } from './0003-groups-content';
import { migration as m0004 } from './0004-clients-compliance';
import { migration as m0005 } from './0005-deployments-rules';
import { migration as m0006 } from './0006-alerts';
import { migration as m0007 } from './0007-update-list-indexes';
import { migration as m0009 } from './0009-compliance-live';
import { migration as m0010 } from './0010-report-schedules';
import { migration as m0011 } from './0011-deployment-status';
import { migration as m0012 } from './0012-client-time-zone';
import { migration as m0013 } from './0013-client-settings-collections';
import { migration as m0014 } from './0014-rule-engine';
import { migration as m0015 } from './0015-job-lease-process';
import { migration as m0016 } from './0016-client-hardware-id';
import { migration as m0017 } from './0017-accounts-sessions';
import { migration as m0018 } from './0018-account-collections';
import { migration as m0019 } from './0019-client-approval';

/** Every migration this version knows, in order. Append only; never edit one that shipped. */
export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
  m0017,
  m0018,
  m0019,
];
export type { Migration };
