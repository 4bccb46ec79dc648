import { createTransport, type Transporter } from 'nodemailer';
import { env } from '@/lib/env';

export type Mail = { to: string; subject: string; text: string };

let transport: Transporter | undefined;

/** Email is optional: without SMTP_URL the app shows links on screen and sends nothing. */
export function mailEnabled(): boolean {
  return Boolean(env.SMTP_URL);
}

/** Sends when SMTP is configured; returns whether it did. A failed send is logged, never thrown at the user. */
export async function sendMail(mail: Mail): Promise<boolean> {
  if (!env.SMTP_URL) return false;
  transport ??= createTransport(env.SMTP_URL);
  try {
    await transport.sendMail({ from: env.SMTP_FROM, ...mail });
    return true;
  } catch (e) {
    console.error('sendMail failed', e);
    return false;
  }
}
