/** The environment variables that name a listening port, and the ports their values give. */
import { describe, expect, it } from 'vitest';
import { portsOf, portVariable } from '../../src/knowledge/ports.js';

const ports = (name: string, value: string) => {
  const entry = portVariable(name);
  return entry === null ? 'not a port variable' : portsOf(entry, value);
};

describe('port variables', () => {
  it('reads ports, ASP.NET Core URLs and addresses to listen on', () => {
    expect(ports('PORT', '80')).toEqual([80]);
    expect(ports('ASPNETCORE_URLS', 'http://+:80;https://+')).toEqual([80, 443]);
    expect(ports('LISTEN_ADDR', ':80')).toEqual([80]);
    expect(ports('HTTP_BIND_ADDRESS', '0.0.0.0:8080')).toEqual([8080]);
    expect(ports('BIND', '[::]:443')).toEqual([443]);
    expect(ports('listen', 'localhost:25')).toEqual([25]);
  });

  it('leaves out addresses of other hosts and names that do not say the program listens', () => {
    expect(ports('BIND', 'db:80')).toBeNull();
    expect(ports('LISTEN_ADDR', '$HOST:80')).toBeNull();
    expect(ports('UPSTREAM_ADDR', 'backend:80')).toBe('not a port variable');
    expect(ports('SMTP_ADDRESS', 'mail:25')).toBe('not a port variable');
  });

  it('leaves out ports of servers the program connects to, unless the name says it listens there', () => {
    for (const name of ['OR_EMAIL_PORT', 'SMTP_PORT', 'MAIL_PORT', 'DB_PORT', 'POSTGRES_PORT', 'REDIS_PORT', 'MYSQL_PORT', 'LDAP_PORT', 'SMTP_SERVER_PORT']) {
      expect(ports(name, '25'), name).toBe('not a port variable');
    }
    for (const name of ['PORT', 'HTTP_PORT', 'LISTEN_PORT', 'SERVER_PORT', 'APP_PORT', 'SMTP_LISTEN_PORT', 'MAILHOG_PORT']) {
      expect(ports(name, '80'), name).toEqual([80]);
    }
  });
});
