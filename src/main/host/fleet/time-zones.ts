/**
 * UTC offsets (minutes east of UTC) of a multinational's devices, weighted by how many sit in
 * each: the Americas, Europe, India, East Asia and Australia, so Client local time deadlines
 * fall at visibly different instants across the fleet.
 */
const spread: Array<[offsetMinutes: number, weight: number]> = [
  [-480, 10], // Pacific
  [-420, 4], // Mountain
  [-360, 8], // Central
  [-300, 14], // Eastern
  [-180, 4], // São Paulo
  [0, 10], // London, Lisbon
  [60, 20], // Berlin, Paris
  [120, 6], // Helsinki, Cairo
  [330, 10], // India
  [480, 8], // Singapore, Shanghai
  [540, 4], // Tokyo
  [600, 2], // Sydney
];
const total = spread.reduce((sum, [, weight]) => sum + weight, 0);

export function pickTimeZoneOffset(random: () => number): number {
  let left = random() * total;
  for (const [offset, weight] of spread) {
    left -= weight;
    if (left < 0) return offset;
  }
  return 0;
}

export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `UTC${sign}${hours}:${String(absolute % 60).padStart(2, '0')}`;
}
