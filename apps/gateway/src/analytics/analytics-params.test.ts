import { describe, expect, it } from 'vitest';
import { parseExportQuery, parseSummaryQuery, parseTimeseriesQuery } from './analytics-params';

const now = new Date('2026-03-08T12:00:00Z');
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('analytics query params', () => {
  it('defaults to the 30 days before now', () => {
    expect(parseSummaryQuery({}, now)).toEqual({ from: new Date('2026-02-06T12:00:00Z'), to: now });
  });

  it('accepts dates and date-times with offsets', () => {
    expect(parseSummaryQuery({ from: '2026-03-01', to: '2026-03-02T01:00:00+01:00' }, now)).toEqual({
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-03-02T00:00:00Z'),
    });
  });

  it('refuses bad, reversed, too long and unknown parameters with invalid_payload', () => {
    expect(code(() => parseSummaryQuery({ from: 'yesterday' }, now))).toBe('invalid_payload');
    expect(code(() => parseSummaryQuery({ from: '2026-03-02', to: '2026-03-01' }, now))).toBe('invalid_payload');
    expect(code(() => parseSummaryQuery({ from: '2024-01-01', to: '2026-01-01' }, now))).toBe('invalid_payload');
    expect(code(() => parseSummaryQuery({ from: ['2026-03-01', '2026-03-02'] }, now))).toBe('invalid_payload');
    expect(code(() => parseSummaryQuery({ fro: '2026-03-01' }, now))).toBe('invalid_payload');
  });

  it('time series: metric required and known, bucket defaults to day, point count capped', () => {
    expect(code(() => parseTimeseriesQuery({}, now))).toBe('invalid_payload');
    expect(code(() => parseTimeseriesQuery({ metric: 'revenue' }, now))).toBe('invalid_payload');
    expect(parseTimeseriesQuery({ metric: 'conversations' }, now).bucket).toBe('day');
    expect(code(() => parseTimeseriesQuery({ metric: 'messages', bucket: 'hour', from: '2025-06-01', to: '2026-03-01' }, now))).toBe('invalid_payload');
    expect(code(() => parseExportQuery({ bucket: 'minute' }, now))).toBe('invalid_payload');
  });
});
