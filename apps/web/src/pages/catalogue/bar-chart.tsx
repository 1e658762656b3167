import { useId } from 'react';

export interface BarGroup {
  label: string;
  /** One value per series, same order as `series`. */
  values: Array<number | null>;
}

export interface BarChartProps {
  title: string;
  description: string;
  series: Array<{ name: string; color: string }>;
  groups: BarGroup[];
  /** Formats a value for the labels (e.g. euros). */
  format: (value: number) => string;
  'data-testid'?: string;
}

const ROW = 22;
const GAP = 14;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 420;
const VALUE_WIDTH = 140;

/**
 * Horizontal grouped bar chart in plain SVG. Accessible: role="img" with a title and a description, every bar has
 * its value written next to it, and the page shows the same figures in a table.
 */
export function BarChart({ title, description, series, groups, format, 'data-testid': testId }: BarChartProps) {
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));
  const groupHeight = series.length * ROW + GAP;
  const height = groups.length * groupHeight + 30;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  return (
    <figure className="bar-chart" data-testid={testId}>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {groups.map((group, g) => {
          const top = g * groupHeight;
          return (
            <g key={group.label} transform={`translate(0, ${top})`}>
              <text x={LABEL_WIDTH - 8} y={(series.length * ROW) / 2 + 4} textAnchor="end" fontSize="12">
                {group.label.length > 32 ? `${group.label.slice(0, 31)}…` : group.label}
              </text>
              {series.map((s, i) => {
                const value = group.values[i];
                const barWidth = value === null ? 0 : Math.max(value > 0 ? 1 : 0, (value / max) * BAR_WIDTH);
                return (
                  <g key={s.name}>
                    <rect x={LABEL_WIDTH} y={i * ROW + 2} width={barWidth} height={ROW - 6} fill={s.color} />
                    <text x={LABEL_WIDTH + barWidth + 6} y={i * ROW + ROW / 2 + 3} fontSize="11">
                      {value === null ? '–' : format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <g transform={`translate(${LABEL_WIDTH}, ${height - 16})`}>
          {series.map((s, i) => (
            <g key={s.name} transform={`translate(${i * 160}, 0)`}>
              <rect width="12" height="12" y="-10" fill={s.color} />
              <text x="18" fontSize="12">
                {s.name}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}
