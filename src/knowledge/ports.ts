import type { Source } from './types.js';

/**
 * Environment variables that tell a program which port to listen on, and how
 * their values are written. A program reads one variable of its group: the one
 * of highest rank that is set (ASP.NET Core takes ASPNETCORE_URLS over
 * ASPNETCORE_HTTP_PORTS).
 */
export interface PortVariable {
  readonly name: RegExp;
  /**
   * `port`: one number; `ports`: numbers separated by `;`; `urls`: URLs separated by `;` (no port: 80 for
   * http, 443 for https); `address`: an address to listen on, `[host]:port`.
   */
  readonly format: 'port' | 'ports' | 'urls' | 'address';
  /** The program that reads it; null: each variable stands alone. */
  readonly program: string | null;
  readonly rank: number;
  readonly source: Source | null;
}

const KESTREL: Source = {
  url: 'https://learn.microsoft.com/en-us/aspnet/core/fundamentals/servers/kestrel/endpoints',
  checked: '2026-12-04',
  note: 'URLS (ASPNETCORE_URLS, DOTNET_URLS) overrides HTTP_PORTS and HTTPS_PORTS; a URL without a port uses 80 for http and 443 for https',
};

export const PORT_VARIABLES: readonly PortVariable[] = [
  { name: /^(?:ASPNETCORE|DOTNET)_URLS$/, format: 'urls', program: 'ASP.NET Core', rank: 2, source: KESTREL },
  { name: /^(?:ASPNETCORE|DOTNET)_HTTPS?_PORTS$/, format: 'ports', program: 'ASP.NET Core', rank: 1, source: KESTREL },
  // PORT, APP_PORT, SERVER_PORT…: the convention of Heroku-style platforms and many frameworks (not a
  // server the program connects to: see connectionPort).
  { name: /(?:^|_)PORT$/i, format: 'port', program: null, rank: 0, source: null },
  // BIND, LISTEN_ADDR, HTTP_BIND_ADDRESS…: names that say the program listens there (an *_ADDR alone may be a server it reaches).
  { name: /(?:^|_)(?:BIND|LISTEN)(?:_ADDR(?:ESS)?)?$/i, format: 'address', program: null, rank: 0, source: null },
];

/**
 * Words of a port variable's name that name a server the program connects to, a client's settings
 * (`SMTP_PORT=25`, `OR_EMAIL_PORT=587`, `DB_PORT=5432`, `REDIS_PORT`): the mail server's or the
 * database's port, not one the container binds.
 */
export const CONNECTION_PORT_WORDS: ReadonlySet<string> = new Set([
  'SMTP', 'SMTPS', 'MAIL', 'EMAIL', 'IMAP', 'POP3', 'LDAP',
  'DB', 'DATABASE', 'POSTGRES', 'POSTGRESQL', 'PG', 'MYSQL', 'MARIADB', 'MONGO', 'MONGODB', 'REDIS', 'MEMCACHED',
  'AMQP', 'RABBITMQ',
]);

/** Words of a port variable's name that say the program listens there whatever server it names (`SMTP_LISTEN_PORT`). */
export const LISTEN_PORT_WORDS: ReadonlySet<string> = new Set(['LISTEN', 'BIND']);

/** Whether a port variable's name says it is the port of a server the program connects to. */
export function connectionPort(name: string): boolean {
  const words = name.toUpperCase().split('_').slice(0, -1);
  return words.some((w) => CONNECTION_PORT_WORDS.has(w)) && !words.some((w) => LISTEN_PORT_WORDS.has(w));
}

/** The variable's entry, or null when it carries no listening port. */
export function portVariable(name: string): PortVariable | null {
  const entry = PORT_VARIABLES.find((v) => v.name.test(name)) ?? null;
  return entry !== null && connectionPort(name) ? null : entry;
}

/** The ports a value of a port variable names; null when it cannot be read (a variable, a name). */
export function portsOf(variable: PortVariable, value: string): number[] | null {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (variable.format === 'port') return /^\d{1,5}$/.test(v) ? [Number(v)] : null;
  if (variable.format === 'address') {
    const port = listenAddressPort(v);
    return port === null ? null : [port];
  }
  const parts = v.split(';').map((p) => p.trim()).filter((p) => p !== '');
  const out: number[] = [];
  for (const part of parts) {
    if (variable.format === 'ports') {
      if (!/^\d{1,5}$/.test(part)) return null;
      out.push(Number(part));
      continue;
    }
    const m = /^(https?):\/\/(?:\[[^\]]*\]|[^/:]*)(?::(\d{1,5}))?(?:\/.*)?$/i.exec(part);
    if (m === null) return null;
    out.push(m[2] !== undefined ? Number(m[2]) : m[1]!.toLowerCase() === 'https' ? 443 : 80);
  }
  return out;
}

/**
 * The port of an address to listen on: a port after no host, all interfaces, localhost or an IP
 * (`:80`, `0.0.0.0:80`, `[::]:80`); null for anything else. A host name with a port (`db:80`, as
 * `wait-for-it db:80` is given) is a server the program connects to.
 */
export function listenAddressPort(address: string): number | null {
  const m = /^(?:\*|localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[\da-fA-F:.]*\])?:(\d{1,5})$/.exec(address);
  return m === null ? null : Number(m[1]);
}

/**
 * Go types whose listeners are not sockets of the host, with the package that declares each, so a port below 1024
 * there needs no privilege: tsnet's \`Server.Listen("tcp", ":80")\` listens on the tailnet, in Tailscale's user-space
 * network stack (pkg.go.dev/tailscale.com/tsnet: "Listen announces only on the Tailscale network").
 */
export const GO_TAILNET_LISTENERS: readonly { readonly package: string; readonly type: string }[] = [{ package: 'tailscale.com/tsnet', type: 'tsnet.Server' }];
