import { memo, type MouseEvent } from 'react';
import { LINE_ERROR, LINE_REDACTED } from '@/lib/log-store';
import { formatLineHash } from '@/lib/log-line-link';
import { LogLineText } from './log-line-text';
import classes from './log-pane.module.css';

export interface LogRowProps {
  /** 0-based index of the line in the log. */
  line: number;
  raw: string;
  flags: number;
  time: string;
  timeTitle: string;
  isSelected: boolean;
  isCurrentMatch: boolean;
  pattern: RegExp | null;
  scheme: 'light' | 'dark';
  onLineClick: (line: number, isExtending: boolean) => void;
}

/** One line of the log: its number (a link to it), time and text. */
export const LogRow = memo(function LogRow({
  line,
  raw,
  flags,
  time,
  timeTitle,
  isSelected,
  isCurrentMatch,
  pattern,
  scheme,
  onLineClick,
}: LogRowProps) {
  const number = line + 1;
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    onLineClick(number, event.shiftKey);
  };
  const isRedacted = (flags & LINE_REDACTED) !== 0;
  const className = [
    classes.line,
    isSelected ? classes.selected : '',
    isCurrentMatch ? classes.current : '',
    flags & LINE_ERROR ? classes.error : '',
    isRedacted ? classes.redacted : '',
  ].join(' ');
  return (
    <div className={className} data-line={number}>
      <a
        href={`#${formatLineHash({ start: number, end: number })}`}
        className={classes.number}
        onClick={handleClick}
        aria-label={`Line ${String(number)}`}
        tabIndex={-1}
      >
        {number}
      </a>
      {time === '' ? null : (
        <span className={classes.time} title={timeTitle}>
          {time}
        </span>
      )}
      <span
        className={classes.text}
        title={isRedacted ? 'Redacted: you may not read the log lines of this action' : undefined}
      >
        <LogLineText raw={raw} pattern={pattern} scheme={scheme} />
      </span>
    </div>
  );
});
