import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, type PointerEvent } from 'react';

const useStyles = makeStyles({
  base: {
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralStroke2,
    touchAction: 'none',
    ':hover': { backgroundColor: tokens.colorBrandStroke2 },
  },
  vertical: { width: '4px', cursor: 'col-resize' },
  horizontal: { height: '4px', cursor: 'row-resize' },
});

interface SplitterProps {
  /** 'vertical' separates side-by-side panes; 'horizontal' stacked ones. */
  readonly orientation: 'vertical' | 'horizontal';
  /** The size of the pane this splitter resizes, when the drag starts. */
  readonly size: number;
  /** True when the resized pane is after the splitter (right or below): dragging toward it grows it. */
  readonly isPaneAfter?: boolean;
  readonly label: string;
  onResize(size: number): void;
}

/** A drag handle between two panes; also resizable with the arrow keys. */
export function Splitter({
  orientation,
  size,
  isPaneAfter = false,
  label,
  onResize,
}: SplitterProps) {
  const styles = useStyles();
  const drag = useRef<{ start: number; size: number } | null>(null);
  const position = (event: PointerEvent) =>
    orientation === 'vertical' ? event.clientX : event.clientY;
  const sign = isPaneAfter ? -1 : 1;

  return (
    <div
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={Math.round(size)}
      tabIndex={0}
      className={mergeClasses(styles.base, styles[orientation])}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { start: position(event), size };
      }}
      onPointerMove={(event) => {
        if (!drag.current) return;
        onResize(drag.current.size + sign * (position(event) - drag.current.start));
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={(event) => {
        const grow = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
        const shrink = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
        if (event.key === grow) onResize(size + sign * 16);
        else if (event.key === shrink) onResize(size - sign * 16);
      }}
    />
  );
}
