import { Col, List, Statistic } from 'antd';
import { Link } from 'react-router';
import type { ReactNode } from 'react';

/**
 * One case in a short list (今日工作, 我的办件): its subject opening the case page, its number (and who applied)
 * under it, and on the right what the list is about — a deadline, what the case waits for.
 */
export function CaseLine(props: { to: string; subject: string; number: string; who?: string; tags?: ReactNode; children: ReactNode }) {
  return (
    <List.Item>
      <List.Item.Meta
        title={
          <span>
            {props.tags}
            <Link to={props.to} className="case-link">
              {props.subject}
            </Link>
          </span>
        }
        description={
          <span className="mono">
            {props.number}
            {props.who ? ` · ${props.who}` : ''}
          </span>
        }
      />
      {props.children}
    </List.Item>
  );
}

/** A count that opens the page where that work is done, filtered to it (今日工作, 我的办件). */
export function CountTile(props: { to: string; title: string; value: number; hint?: ReactNode; tone?: 'danger' | 'warning'; testId: string; width?: number }) {
  return (
    <Col flex={`1 1 ${props.width ?? 200}px`}>
      <Link to={props.to} className={`today-tile${props.tone ? ` today-tile-${props.tone}` : ''}`} data-testid={props.testId} data-count={props.value}>
        <Statistic title={props.title} value={props.value} />
        {props.hint && <div className="today-tile-hint">{props.hint}</div>}
      </Link>
    </Col>
  );
}
