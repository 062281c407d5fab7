import { describe, expect, it } from 'vitest';
import { caddyfilePorts } from '../../src/analysis/caddy.js';

const ports = (text: string, env: Record<string, string> = {}) => {
  const read = caddyfilePorts(text, (name) => env[name] ?? null);
  return read.kind === 'ports' ? read.ports.map((p) => p.port) : read.why;
};

describe('caddyfilePorts', () => {
  it('serves a site on its own port, a host on 443 and 80, http:// on 80', () => {
    expect(ports(':8080 {\n\tfile_server\n}\n')).toEqual([8080]);
    expect(ports('example.com {\n\treverse_proxy app:3000\n}\n')).toEqual([443, 80]);
    expect(ports('http://example.com {\n\trespond ok\n}\n')).toEqual([80]);
    expect(ports('localhost:8443 {\n\trespond ok\n}\n')).toEqual([8443, 80]);
    expect(ports('example.com:80 {\n\trespond ok\n}\n')).toEqual([80]);
  });

  it('reads http_port, https_port and auto_https from the global options', () => {
    expect(ports('{\n\thttp_port 8080\n\thttps_port 8443\n}\n\nexample.com, www.example.com {\n\trespond ok\n}\n')).toEqual([8443, 8080]);
    expect(ports('{\n\tauto_https off\n}\n:9000 {\n\trespond ok\n}\n')).toEqual([9000]);
    expect(ports('{\n\tauto_https disable_redirects\n\thttps_port 8443\n}\nexample.com {\n}\n')).toEqual([8443]);
  });

  it('reads one site without braces, and skips snippets and comments', () => {
    expect(ports('# the site\n:3000\nreverse_proxy app:8080\n')).toEqual([3000]);
    expect(ports(':8080,\nexample.com {\n\trespond ok\n}\n')).toEqual([8080, 443, 80]);
    expect(ports('(common) {\n\tencode gzip\n}\n\n:8080 {\n\timport common\n\tfile_server\n}\n')).toEqual([8080]);
  });

  it('takes {$VAR} from the environment or its default', () => {
    expect(ports(':{$PORT} {\n}\n', { PORT: '8080' })).toEqual([8080]);
    expect(ports(':{$PORT:9000} {\n}\n')).toEqual([9000]);
    expect(ports(':{$PORT} {\n}\n')).toMatch(/takes \{\$PORT\} from the environment/);
  });

  it('does not guess what it cannot read', () => {
    expect(ports('import sites/*.caddy\n')).toMatch(/imports sites\/\*\.caddy/);
    expect(ports(':{env.PORT} {\n}\n')).toMatch(/whose port cannot be read/);
    expect(ports(':8080 {\n}\nexample.com\n')).toMatch(/opens no block/);
  });
});

describe('caddyfilePorts writes', () => {
  const writes = (text: string) => {
    const read = caddyfilePorts(text, () => null);
    return read.kind === 'ports' ? read.writes.map((w) => w.path) : read.why;
  };

  it('reads a log file and the storage folder Caddy writes', () => {
    expect(writes(':8080 {\n\tlog {\n\t\toutput file /var/log/caddy/access.log\n\t}\n}\n')).toEqual(['/var/log/caddy/access.log']);
    expect(writes('{\n\tstorage file_system /var/lib/caddy\n}\n:8080 {\n}\n')).toEqual(['/var/lib/caddy']);
    expect(writes('{\n\tstorage file_system {\n\t\troot "/srv/certs"\n\t}\n}\n:8080 {\n}\n')).toEqual(['/srv/certs']);
    expect(writes(':8080\nlog {\n\toutput file /logs/caddy.log\n}\n')).toEqual(['/logs/caddy.log']);
    expect(writes(':8080 {\n\tlog {\n\t\toutput stdout\n\t}\n}\n')).toEqual([]);
  });
});
