import { useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** Lists longer than this render only the rows in view (and a few around them). */
export const VIRTUALIZE_FROM = 150;
const OVERSCAN = 12;

interface VirtualListProps<T> {
  items: readonly T[];
  /** React key of an item (stable across renders). */
  itemKey: (item: T) => string;
  /** The content of an item's `<li>`. */
  renderItem: (item: T) => ReactNode;
  /** Class name of an item's `<li>`. */
  itemClassName?: (item: T) => string;
  /** Expected row height in px (rows are measured once shown). */
  estimateSize: number;
  className?: string;
  testId?: string;
  /** Virtualize from this many items on (default VIRTUALIZE_FROM); shorter lists render every row. */
  virtualizeFrom?: number;
}

/** The nearest ancestor that scrolls vertically (the list's viewport). */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

/** Where the list starts inside its scrolling ancestor's content. */
function offsetIn(list: HTMLElement, scroller: HTMLElement): number {
  return list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

const FOCUSABLE = 'button, a[href], [tabindex]:not([tabindex="-1"])';

/** Index of the row holding the focused element. */
function focusedIndex(list: HTMLElement): number {
  const row = document.activeElement?.closest<HTMLElement>('[data-index]');
  return row && list.contains(row) ? Number(row.dataset.index) : -1;
}

/** Focuses the row `index` once it is rendered (a virtual row may appear a frame later). */
function focusRow(list: HTMLElement, index: number, attempts = 5): void {
  const target = list.querySelector<HTMLElement>(`[data-index="${index}"]`)?.querySelector<HTMLElement>(FOCUSABLE);
  if (target) {
    target.focus({ preventScroll: false });
    return;
  }
  if (attempts > 0) requestAnimationFrame(() => focusRow(list, index, attempts - 1));
}

/**
 * A list of many rows in a scrolling sidebar: short lists render every row; long ones (outline,
 * checker findings of a 100-page standard) only the rows in view, measured as they appear. Arrow
 * keys, Home and End move the focus between rows (scrolling hidden rows into view), so keyboard
 * navigation reaches every row although most are not in the page.
 */
export function VirtualList<T>({
  items,
  itemKey,
  renderItem,
  itemClassName,
  estimateSize,
  className,
  testId,
  virtualizeFrom = VIRTUALIZE_FROM,
}: VirtualListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const virtual = items.length >= virtualizeFrom;

  // Found and measured when the list becomes long, then again only when something around it
  // changes size (geometry read on every render would force a layout after each change).
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!virtual || !list) return undefined;
    const found = scrollingAncestor(list);
    setScroller(found);
    if (!found) return undefined;
    const measure = () => setScrollMargin(Math.round(offsetIn(list, found)));
    measure();
    const observer = new ResizeObserver(measure);
    if (list.parentElement) observer.observe(list.parentElement);
    return () => observer.disconnect();
  }, [virtual]);

  const virtualizer = useVirtualizer({
    count: virtual ? items.length : 0,
    getScrollElement: () => scroller,
    estimateSize: () => estimateSize,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey: (index) => {
      const item = items[index];
      return item === undefined ? index : itemKey(item);
    },
  });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const list = listRef.current;
    if (!list || items.length === 0) return;
    const current = focusedIndex(list);
    if (current < 0) return;
    const last = items.length - 1;
    const target =
      event.key === 'ArrowDown'
        ? Math.min(last, current + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, current - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    if (virtual) virtualizer.scrollToIndex(target, { align: 'auto' });
    focusRow(list, target);
  };

  if (!virtual) {
    return (
      <ul ref={listRef} className={className} data-testid={testId} data-count={items.length} onKeyDown={onKeyDown}>
        {items.map((item, index) => (
          <li key={itemKey(item)} className={itemClassName?.(item)} data-index={index}>
            {renderItem(item)}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <ul
      ref={listRef}
      className={className}
      data-testid={testId}
      data-count={items.length}
      data-virtual="true"
      onKeyDown={onKeyDown}
      style={{ position: 'relative', height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const item = items[row.index];
        if (item === undefined) return null;
        return (
          <li
            key={row.key}
            ref={virtualizer.measureElement}
            className={itemClassName?.(item)}
            data-index={row.index}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${row.start - scrollMargin}px)`,
            }}
          >
            {renderItem(item)}
          </li>
        );
      })}
    </ul>
  );
}
