import { SearchForm } from '@fernway/ui';
import { getTranslations } from 'next-intl/server';

export default async function SearchPage() {
  const t = await getTranslations('search');
  return (
    <main>
      <h1>{t('title')}</h1>
      <SearchForm action="/results" defaultCabin="ECONOMY" />
    </main>
  );
}
