/**
 * The OS build a simulated client reports for the Windows product it runs, so Devices shows a
 * Windows 10 machine with a Windows 10 build (the current release of each, as of late 2026).
 */
const builds: Array<[RegExp, string]> = [
  [/Server 2025/i, '10.0.26100'],
  [/Server 2022|Server, version 21H2|Server, version 23H2/i, '10.0.20348'],
  [/Server 2019|Server, version 1903|Server, version 1809/i, '10.0.17763'],
  [/Server 2016/i, '10.0.14393'],
  [/Server 2012 R2|Windows 8\.1/i, '6.3.9600'],
  [/Server 2012/i, '6.2.9200'],
  [/Windows 11/i, '10.0.26100'],
  [/Windows 10/i, '10.0.19045'],
];

export function osBuildFor(system: string, isServer: boolean): string {
  return (
    builds.find(([pattern]) => pattern.test(system))?.[1] ??
    (isServer ? '10.0.20348' : '10.0.26100')
  );
}
