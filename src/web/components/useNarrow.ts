import { Grid } from 'antd';

/**
 * Whether the screen is a phone's (narrower than antd's `md`, 768 pixels): lists then show each row as a card of its
 * own, the status in sight, instead of a table wider than the screen.
 */
export function useNarrow(): boolean {
  return Grid.useBreakpoint().md === false;
}
