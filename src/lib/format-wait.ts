// How long something has waited, short and readable: "45 s", "3 min 12 s", "2 h 5 min", "3 d 4 h".

export function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return `${String(days)} d ${String(hours % 24)} h`;
  if (hours > 0) return `${String(hours)} h ${String(minutes % 60)} min`;
  if (minutes > 0) return `${String(minutes)} min ${String(seconds % 60)} s`;
  return `${String(seconds)} s`;
}
