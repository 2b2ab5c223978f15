import { useState, type FormEvent } from 'react';
import { Button } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { suggestedWords } from './labels.ts';
import './home-search.css';

/** The home page's service search: plain markup (no antd Input) to keep the portal's first chunk lean. */
export function HomeSearch() {
  const t = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    void navigate(text ? `/services?q=${encodeURIComponent(text)}` : '/services');
  };
  return (
    <div className="home-search">
      <form className="home-search-form" role="search" onSubmit={submit}>
        <input
          className="home-search-input"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('svc.home.searchPlaceholder')}
          aria-label={t('svc.search')}
          maxLength={100}
          data-testid="home-search-input"
        />
        <Button type="primary" size="large" htmlType="submit" icon={<SearchOutlined />} className="home-search-button" data-testid="home-search-submit">
          {t('svc.search')}
        </Button>
      </form>
      <div className="home-search-hot">
        <span>{t('svc.home.hot')}</span>
        {suggestedWords.slice(0, 6).map((w) => (
          <Link key={w} to={`/services?q=${encodeURIComponent(w)}`}>
            {w}
          </Link>
        ))}
        <span className="home-search-all">
          <Link to="/bundles">{t('nav.bundles')} ›</Link>
          <Link to="/services">{t('svc.home.allServices')} ›</Link>
        </span>
      </div>
    </div>
  );
}
