/**
 * ConfigMgr's compliance colours, shared by the pies, the device's update states and the
 * breakdowns: red required, green installed, light green not required, grey unknown.
 */
export const stateColours = {
  Required: '#d13438',
  'Not Required': '#8fc27f',
  Installed: '#107c10',
  Unknown: '#a19f9d',
} as const;

/** A software update group per device: compliant, non-compliant, unknown. */
export const groupStateColours = {
  Compliant: '#107c10',
  'Non-compliant': '#d13438',
  Unknown: '#a19f9d',
} as const;
