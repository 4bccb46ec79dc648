import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

type Props = {
  flowId: string;
  version: number;
  headVersion: number;
  action: (form: FormData) => Promise<void>;
};

/** The confirm step of "Återställ": a server-rendered panel, so it works without JavaScript too. */
export async function RestoreConfirm({ flowId, version, headVersion, action }: Props) {
  const t = await getTranslations('history');
  return (
    <section id="restore" aria-labelledby="restore-title" className="rounded border-2 border-amber-700 bg-amber-50 p-4">
      <h2 id="restore-title" className="text-xl font-semibold">{t('restore.confirmTitle', { version })}</h2>
      <p className="mt-1">{t('restore.confirmText', { version, next: headVersion + 1 })}</p>
      <form action={action} className="mt-3 flex flex-wrap items-center gap-4">
        <input type="hidden" name="flowId" value={flowId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="baseVersion" value={headVersion} />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          {t('restore.confirm', { version })}
        </button>
        <Link href={`/flows/${flowId}/history`} className="text-brand underline">{t('restore.cancel')}</Link>
      </form>
    </section>
  );
}
