/** Tick labels for a time axis by bucket (UTC): "14:00", "Mar 2", "Week of Mar 2". */
export function tickFormat(bucket: 'hour' | 'day' | 'week') {
  return (d: Date) =>
    bucket === 'hour'
      ? d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
      : d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}
