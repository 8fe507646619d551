import { render } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { usePassThroughWhileDragging } from './use-pass-through-while-dragging';

function Page() {
  const navigator = useRef<HTMLElement>(null);
  usePassThroughWhileDragging(navigator);
  return (
    <>
      <nav ref={navigator} aria-label="Navigator">
        <a href="/activity">Activity</a>
      </nav>
      <div data-testid="canvas">graph</div>
    </>
  );
}

function press(target: Element, type: 'pointerdown' | 'pointerup', pointerType = 'mouse') {
  // jsdom has no PointerEvent: a MouseEvent of the same type with `pointerType` on it.
  const event = new MouseEvent(type, { bubbles: true });
  Object.defineProperty(event, 'pointerType', { value: pointerType });
  target.dispatchEvent(event);
}

describe('usePassThroughWhileDragging', () => {
  it('lets the pointer pass through the region while a press made elsewhere is held', () => {
    const { getByRole, getByTestId } = render(<Page />);
    const navigator = getByRole('navigation', { name: 'Navigator' });

    press(getByTestId('canvas'), 'pointerdown');
    expect(navigator.style.pointerEvents).toBe('none');

    press(getByTestId('canvas'), 'pointerup');
    expect(navigator.style.pointerEvents).toBe('');
  });

  it('leaves presses inside the region, and touch, alone', () => {
    const { getByRole, getByTestId } = render(<Page />);
    const navigator = getByRole('navigation', { name: 'Navigator' });

    press(getByRole('link', { name: 'Activity' }), 'pointerdown');
    expect(navigator.style.pointerEvents).toBe('');
    press(getByTestId('canvas'), 'pointerdown', 'touch');
    expect(navigator.style.pointerEvents).toBe('');
  });
});
