import { SOURCES } from './sources.js';
import type { Source } from './types.js';

/**
 * Where Caddy listens, as its configuration and command line decide it: the defaults a
 * Caddyfile's addresses fall back on, the Caddyfile the official image ships, and what its
 * subcommands that serve on their own listen on when not told.
 */
export const CADDY = {
  /** The global options \`http_port\` and \`https_port\` change these. */
  httpPort: 80,
  httpsPort: 443,
  /** The Caddyfile of the official image (\`caddy:2\`), which its CMD runs, and the address it serves. */
  imageConfig: '/etc/caddy/Caddyfile',
  imageConfigAddress: ':80',
  /** The binary the official image gives cap_net_bind_service with setcap (from 2.6.3 on). */
  binary: '/usr/bin/caddy',
  /**
   * \`caddy file-server\` and \`caddy reverse-proxy\`: the flag that names the address they serve, and the
   * address they take without it (file-server serves :80; reverse-proxy serves localhost, over HTTPS).
   */
  servingSubcommands: {
    'file-server': { flags: ['--listen', '-l'], address: ':80' },
    'reverse-proxy': { flags: ['--from', '-f'], address: 'localhost' },
  } as Readonly<Record<string, { readonly flags: readonly string[]; readonly address: string }>>,
  /**
   * Subcommands of the standard build that serve nothing (they print, check, convert, or talk to a running Caddy's
   * admin endpoint). Any other one, a plugin's (caddy-docker-proxy's \`docker-proxy\`), may serve where it is
   * configured, which is not read.
   */
  quietSubcommands: new Set([
    'adapt', 'add-package', 'build-info', 'completion', 'environ', 'fmt', 'hash-password', 'help', 'list-modules',
    'manpage', 'reload', 'remove-package', 'stop', 'storage', 'trust', 'untrust', 'upgrade', 'validate', 'version',
  ]) as ReadonlySet<string>,
  sources: [SOURCES.caddy, SOURCES.caddyDefaultConfig, SOURCES.caddyAddresses, SOURCES.caddyCapabilityCopy] as readonly Source[],
} as const;
