import { getFormatter, getTranslations } from 'next-intl/server';
import { revokeTokenAction } from '@/app/profile/actions';
import type { ApiTokenSummary } from '@/lib/db/api-tokens';
import { RevokeTokenButton } from './revoke-token-button';

export async function TokenTable({ tokens }: { tokens: ApiTokenSummary[] }) {
  const t = await getTranslations('profile.tokens');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  if (tokens.length === 0) return <p className="text-muted">{t('none')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('listCaption')}</caption>
        <thead>
          <tr className="border-b border-gray-300 text-muted">
            {(['name', 'prefix', 'created', 'lastUsed', 'status', 'actions'] as const).map((c) => (
              <th key={c} scope="col" className="py-2 pr-4 font-medium">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-b border-gray-200 align-middle">
              <th scope="row" className="py-2 pr-4 font-medium text-ink">
                {token.name}
              </th>
              <td className="py-2 pr-4 font-mono">{token.prefix}…</td>
              <td className="py-2 pr-4">{when(token.createdAt)}</td>
              <td className="py-2 pr-4">{token.lastUsedAt ? when(token.lastUsedAt) : t('neverUsed')}</td>
              <td className="py-2 pr-4">
                {token.revokedAt ? (
                  <span className="text-muted">{t('revokedAt', { date: when(token.revokedAt) })}</span>
                ) : (
                  <span className="font-medium text-ok">{t('active')}</span>
                )}
              </td>
              <td className="py-2 pr-4">
                {token.revokedAt ? null : <RevokeTokenButton tokenId={token.id} tokenName={token.name} action={revokeTokenAction} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
