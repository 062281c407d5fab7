import { describe, expect, it } from 'vitest';
import { rootBlocker, scanScript } from '../../src/analysis/privileges.js';
import { startCommand } from '../../src/analysis/startCommand.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { memoryBuildContext } from '../../src/engine/context.js';
import { identify } from '../../src/knowledge/identify.js';

const blocker = (text: string, files: Record<string, string> = {}, image: string | null = 'debian:bookworm') => {
  const file = parseDockerfile(text);
  const found = rootBlocker(file, file.stages.at(-1)!, memoryBuildContext(files), image === null ? null : identify(image));
  return found === null ? null : found.code;
};

describe('rootBlocker', () => {
  it('finds programs that switch users or need root in the command', () => {
    expect(blocker('FROM a\nCMD ["gosu", "app", "server"]\n')).toBe('manages-privileges');
    expect(blocker('FROM a\nCMD su-exec app:app server --flag\n')).toBe('manages-privileges');
    expect(blocker('FROM a\nENTRYPOINT ["/usr/sbin/sshd", "-D"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD ["/sbin/init"]\n')).toBe('needs-root');
    // The reason names what the command runs, not only what kind of program it is.
    const initFile = parseDockerfile('FROM a\nENTRYPOINT ["/init"]\nCMD []\n');
    expect(rootBlocker(initFile, initFile.stages[0]!, memoryBuildContext({}), identify('debian:bookworm'))?.reason).toBe('the command runs /init: an init system needs root');
    expect(blocker('FROM a\nCMD ["server"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD ["nginx", "-g", "daemon off;"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD ["php-fpm8.2", "-F"]\n')).toBe('needs-root');
    // Its default authenticator and spawner: PAM reads /etc/shadow, each user's server runs as that user.
    expect(blocker('FROM a\nCMD ["jupyterhub", "--ip", "0.0.0.0"]\n')).toBe('needs-root');
    // The single-user server it starts runs as its user.
    expect(blocker('FROM a\nCMD ["jupyterhub-singleuser", "--ip", "0.0.0.0"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD ["postgres"]\n')).toBe('needs-root');
    // A VPN's tunnel and routes need CAP_NET_ADMIN; a radio dongle is a USB device the host's udev gives to root.
    expect(blocker('FROM a\nCMD ["tailscaled"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nENTRYPOINT ["wg-quick", "up", "wg0"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["rtl_433"]\n', { 'docker-entrypoint.sh': '#!/bin/sh\nexec "$@"\n' })).toBe('needs-root');
    expect(blocker('FROM a\nCMD ["readsb", "--device-type", "rtlsdr"]\n')).toBe('needs-root');
    // Names of the tables' prototype are no programs of theirs.
    expect(blocker('FROM a\nCMD ["constructor"]\n')).toBe(null);
    expect(blocker('FROM a\nCMD ["toString", "x"]\n')).toBe(null);
    // A database of the distro's packages, run bare: it saves into root's folders.
    expect(blocker('FROM a\nCMD ["sh", "-c", "/usr/bin/redis-server | foreman start"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nENTRYPOINT /usr/bin/redis-server --bind 0.0.0.0\n')).toBe('needs-root');
    // Its client writes nothing of the server's.
    expect(blocker('FROM a\nCMD ["redis-cli", "-h", "cache", "ping"]\n')).toBeNull();
  });

  it('reads the programs a command runs, not its arguments', () => {
    // An option's value or a subcommand that shares a root-only program's name runs nothing.
    expect(blocker('FROM a\nCMD ["migrate", "--db-user", "postgres", "--source", "docker"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD ["app", "init"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD python manage.py cron\n')).toBeNull();
    // What runs after `--`, an init, a prefix, a shell's string or a package.json script is a program.
    expect(blocker('FROM a\nCMD ["wait-for-it", "db:5432", "--", "nginx", "-g", "daemon off;"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nENTRYPOINT ["tini", "-s", "--"]\nCMD ["cron", "-f"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD ["dumb-init", "supervisord"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD env TZ=UTC nohup crond -f\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD setsid cron; tmux -2\n')).toBe('needs-root');
    // A wrapper's option dockshift does not know, or a program only known at run time: every word may run.
    expect(blocker('FROM a\nCMD timeout --kill-signal=9 600 nginx\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD $LAUNCHER nginx -g "daemon off;"\n')).toBe('needs-root');
    // A root-only program's path, whatever runs it.
    expect(blocker('FROM a\nCMD ["with-secrets", "--from", "/run/secrets", "/usr/sbin/nginx"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD sh -c "sleep 5; exec nginx"\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD ["npm", "run", "web"]\n', { 'package.json': '{"scripts":{"web":"node build.js && nginx -g \'daemon off;\'"}}' })).toBe('needs-root');
  });

  it('counts a FUSE mount at start as needing root, and a FUSE program that mounts nothing as not', () => {
    const reason = (text: string) => {
      const file = parseDockerfile(text);
      return rootBlocker(file, file.stages.at(-1)!, memoryBuildContext({}), identify('alpine:3.20'))?.reason ?? null;
    };
    expect(reason('FROM a\nENTRYPOINT ["rclone", "serve", "docker"]\n')).toMatch(/^the container runs `rclone serve docker` when it starts: mounting a FUSE filesystem/);
    expect(blocker('FROM a\nCMD ["rclone", "--config", "/cfg/rclone.conf", "mount", "remote:", "/mnt"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD s3fs bucket /mnt/s3 -f -o allow_other\n')).toBe('needs-root');
    expect(scanScript('#!/bin/sh\nsshfs -o reconnect "$REMOTE" /data\nexec "$@"\n')).toMatchObject({ code: 'needs-root' });
    expect(blocker('FROM a\nCMD ["rclone", "serve", "http", "remote:", "--addr", ":8080"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD ["sshfs", "--version"]\n')).toBeNull();
  });

  it('finds commands that change the system at start, in shell form and in `sh -c` strings', () => {
    const reason = (text: string) => {
      const file = parseDockerfile(text);
      return rootBlocker(file, file.stages.at(-1)!, memoryBuildContext({}), identify('python:3.11-slim'))?.reason ?? null;
    };
    expect(reason('FROM a\nCMD ["sh", "-c", "apt-get update && python app.py"]\n')).toBe('the container runs `apt-get update` when it starts: changing the system\'s packages needs root');
    expect(blocker('FROM a\nCMD apk add --no-cache curl && exec server\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD ["bash", "-ec", "npm install -g pm2 && pm2-runtime app.js"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD ["sh", "-c", "chown -R app /data && exec server"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nENTRYPOINT ["useradd", "x"]\n')).toBe('needs-root');
    // A root-only program inside an `sh -c` string counts as in the command.
    expect(blocker('FROM a\nCMD ["sh", "-c", "cron && exec server"]\n')).toBe('needs-root');
    // Commands that read or touch only the app are fine.
    expect(blocker('FROM a\nCMD ["sh", "-c", "python migrate.py && exec python app.py"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD ["sh", "-c", "apt-cache policy curl; npm ls -g; exec server"]\n')).toBeNull();
    expect(scanScript('#!/bin/sh\napt-get install -y "$EXTRA"\nexec "$@"\n')).toMatchObject({ code: 'needs-root' });
    expect(scanScript('#!/bin/sh\necho "run apt-get update first"\nexec "$@"\n')).toBeNull();
    // Prefect's entrypoint: uv writes to the system Python's site-packages, and does not fall back to the user's as pip does.
    const extra = '#!/usr/bin/env bash\nif [ ! -z "$EXTRA_PIP_PACKAGES" ]; then\n  uv pip install --system $EXTRA_PIP_PACKAGES > /tmp/pip_install.log 2>&1\nfi\nexec "$@"\n';
    expect(scanScript(extra)).toMatchObject({ code: 'needs-root', reason: expect.stringContaining("uv installs into the system Python's site-packages") });
    expect(scanScript('#!/bin/sh\nuv --quiet pip sync --system requirements.txt\nexec "$@"\n')).toMatchObject({ code: 'needs-root' });
    // Into a virtual environment, or only reading what is installed: nothing of root's.
    expect(scanScript('#!/bin/sh\nuv pip install --python /opt/venv/bin/python "$EXTRA"\nexec "$@"\n')).toBeNull();
    expect(scanScript('#!/bin/sh\nuv pip list --system\nexec "$@"\n')).toBeNull();
    // coreutils' install chowns what it copies when given an owner or group; without one it copies as its user.
    for (const line of ['install -o app -g app -m 0644 /tmp/app.conf /etc/app/', 'install -oroot -m 755 run.sh /srv/', 'install --group=www-data -d /var/www/cache', 'install -Dg staff x /srv/x']) {
      expect(scanScript(`#!/bin/sh\n${line}\nexec "$@"\n`), line).toMatchObject({ code: 'needs-root', reason: expect.stringContaining('-o, -g') });
    }
    expect(scanScript('#!/bin/sh\ninstall -D -m 0644 /tmp/app.conf /srv/app/app.conf\nexec "$@"\n')).toBeNull();
    // A mode written into its option is the mode's (`-mgo+w`), not an owner or a group.
    expect(scanScript('#!/bin/sh\ninstall -mgo+w -D /tmp/app.conf /srv/app/app.conf\nexec "$@"\n')).toBeNull();
  });

  it("reads the configuration a distro package installed, by the package's name however the install pins it", () => {
    const haproxy = (pkg: string, files: Record<string, string> = {}) =>
      blocker(`FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y ${pkg}\n${'haproxy.cfg' in files ? 'COPY haproxy.cfg /etc/haproxy/haproxy.cfg\n' : ''}CMD ["haproxy", "-f", "/etc/haproxy/haproxy.cfg"]\n`, files);
    for (const pkg of ['haproxy', 'haproxy=2.6.12-1+deb12u3', 'haproxy/bookworm-backports', 'haproxy:amd64']) expect(haproxy(pkg), pkg).toBe('needs-root');
    // The project's own configuration is read instead; without the package the file is not the package's.
    expect(haproxy('haproxy', { 'haproxy.cfg': 'global\n  log stdout local0\n' })).toBeNull();
    expect(haproxy('curl')).toBeNull();
  });

  it('counts starting, stopping or reloading a system service as needing root', () => {
    const reason = (text: string) => {
      const file = parseDockerfile(text);
      return rootBlocker(file, file.stages.at(-1)!, memoryBuildContext({}), identify('python:3.11-slim'))?.reason ?? null;
    };
    expect(reason('FROM a\nCMD service redis-server start && python app.py\n')).toBe(
      'the container runs `service redis-server start` when it starts: starting, stopping or reloading a system service needs root (its init script writes under /run and starts the daemon as root)',
    );
    expect(blocker('FROM a\nCMD ["sh", "-c", "/etc/init.d/memcached start; exec server"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD rc-service -q nginx restart && exec server\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD systemctl --no-block start cron && exec server\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD invoke-rc.d ssh reload && exec server\n')).toBe('needs-root');
    // An action only known at run time may be one.
    expect(blocker('FROM a\nCMD service redis-server "$ACTION" && exec server\n')).toBe('needs-root');
    expect(scanScript('#!/bin/sh\nservice postgresql start\nexec "$@"\n')).toMatchObject({ code: 'needs-root' });
    // Asking about services changes nothing.
    // (A root-only server among the words, redis-server, is refused whatever the action.)
    expect(blocker('FROM a\nCMD service memcached status; exec server\n')).toBeNull();
    expect(blocker('FROM a\nCMD service --status-all; systemctl is-active redis; exec server\n')).toBeNull();
    expect(scanScript('#!/bin/sh\n/etc/init.d/memcached status\nexec "$@"\n')).toBeNull();
  });

  it('reads entrypoint scripts from the build context, and refuses the ones it cannot read', () => {
    const dockerfile = 'FROM a\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\nCMD ["server"]\n';
    expect(blocker(dockerfile, { 'entrypoint.sh': '#!/bin/sh\n# not gosu here\nexec "$@"\n' })).toBeNull();
    expect(blocker(dockerfile, { 'entrypoint.sh': '#!/bin/sh\nexec su-exec app "$@"\n' })).toBe('manages-privileges');
    expect(blocker(dockerfile, {})).toBe('entrypoint-unread');
    expect(blocker('FROM a\nCOPY --from=build /app/server /server\nCMD ["/server"]\n')).toBeNull();
  });

  it('knows images that must start as root, installed privilege tools and Docker', () => {
    expect(blocker('FROM nginx:1.27\nCOPY x /x\n', {}, 'nginx:1.27')).toBe('needs-root');
    expect(blocker('FROM a\nRUN apt-get install -y gosu\nCMD ["x"]\n')).toBe('manages-privileges');
    expect(blocker('FROM a\nCOPY --from=docker:27-cli /usr/local/bin/docker /usr/local/bin/\nCMD ["x"]\n')).toBe('needs-root');
  });

  it('finds ports below 1024 in EXPOSE, PORT variables and arguments', () => {
    expect(blocker('FROM a\nEXPOSE 8080 443/tcp\nCMD ["x"]\n')).toBe('privileged-port');
    expect(blocker('FROM a\nARG P=80\nEXPOSE $P\nCMD ["x"]\n')).toBe('privileged-port');
    expect(blocker('FROM a\nENV HTTP_PORT=80\nCMD ["x"]\n')).toBe('privileged-port');
    expect(blocker('FROM a\nCMD ["gunicorn", "--bind", "0.0.0.0:80", "app:app"]\n')).toBe('privileged-port');
    expect(blocker('FROM a\nEXPOSE 8080\nCMD ["x", "-addr", ":8080"]\n')).toBeNull();
  });

  it('reads the listening addresses ASP.NET Core takes from the Dockerfile and the image', () => {
    const aspnet8 = 'mcr.microsoft.com/dotnet/aspnet:8.0';
    const run = 'ENTRYPOINT ["dotnet", "Api.dll"]\n';
    expect(blocker(`FROM ${aspnet8}\n${run}`, {}, aspnet8)).toBeNull();
    expect(blocker(`FROM ${aspnet8}\nENV ASPNETCORE_URLS=http://+:80\n${run}`, {}, aspnet8)).toBe('privileged-port');
    expect(blocker(`FROM ${aspnet8}\nENV ASPNETCORE_URLS="http://*:8080;https://*"\n${run}`, {}, aspnet8)).toBe('privileged-port');
    expect(blocker(`FROM ${aspnet8}\nENV ASPNETCORE_HTTPS_PORTS=443\n${run}`, {}, aspnet8)).toBe('privileged-port');
    expect(blocker(`FROM ${aspnet8}\nENV DOTNET_HTTP_PORTS=8080;80\n${run}`, {}, aspnet8)).toBe('privileged-port');
    // URLS wins over HTTP_PORTS; a later ENV wins over an earlier one.
    expect(blocker(`FROM ${aspnet8}\nENV ASPNETCORE_HTTP_PORTS=80 ASPNETCORE_URLS=http://+:5000\n${run}`, {}, aspnet8)).toBeNull();
    expect(blocker(`FROM ${aspnet8}\nENV ASPNETCORE_URLS=http://+:80\nENV ASPNETCORE_URLS=http://+:8080\n${run}`, {}, aspnet8)).toBeNull();
    const aspnet6 = 'mcr.microsoft.com/dotnet/aspnet:6.0';
    expect(blocker(`FROM ${aspnet6}\n${run}`, {}, aspnet6)).toBe('privileged-port');
    expect(blocker(`FROM ${aspnet6}\nENV ASPNETCORE_URLS=http://+:8080\n${run}`, {}, aspnet6)).toBeNull();
    expect(blocker(`FROM ${aspnet6}\nARG PORT=8080\nENV ASPNETCORE_URLS=http://+:$PORT\n${run}`, {}, aspnet6)).toBeNull();
  });

  it('finds what the container relies on in /root, which other users cannot read', () => {
    expect(blocker('FROM a\nRUN pip install --user -r requirements.txt\nCMD ["gunicorn", "app:app"]\n')).toBe('root-home');
    expect(blocker('FROM a\nCOPY --from=build /root/.local /root/.local\nENV PATH=/root/.local/bin:$PATH\nCMD ["x"]\n')).toBe('root-home');
    expect(blocker('FROM a\nENV PATH="${PATH}:/root/.cargo/bin"\nCMD ["x"]\n')).toBe('root-home');
    expect(blocker('FROM a\nENV NVM_DIR /root/.nvm\nCMD ["x"]\n')).toBe('root-home');
    expect(blocker('FROM a\nCOPY run /root/app/run\nCMD ["/root/app/run"]\n', { run: '#!/bin/sh\nexec server\n' })).toBe('root-home');
    expect(blocker('FROM a\nWORKDIR /root\nCMD ["./server"]\n')).toBe('root-home');
    // Elsewhere, or as another user, or a path that only starts the same.
    expect(blocker('FROM a\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install -r requirements.txt\nCMD ["x"]\n')).toBeNull();
    expect(blocker('FROM a\nENV ROOTFS=/rootfs\nWORKDIR /root\nWORKDIR /app\nCMD ["x"]\n')).toBeNull();
    expect(blocker('FROM a\nUSER app\nRUN pip install --user httpie\nUSER root\nRUN true\nCMD ["x"]\n')).toBeNull();
  });

  it('says who `pip install --user` runs as only when the base image is known', () => {
    const reason = (text: string, image: string | null) => {
      const file = parseDockerfile(text);
      return rootBlocker(file, file.stages.at(-1)!, memoryBuildContext({}), image === null ? null : identify(image))?.reason ?? null;
    };
    const run = 'RUN pip install --user -r requirements.txt\nCMD ["gunicorn", "app:app"]\n';
    expect(reason(`FROM python:3.12-slim\n${run}`, 'python:3.12-slim')).toMatch(/^`pip install --user` runs as root, so its packages go to \/root\/.local/);
    // An image the knowledge base does not know may end with a USER of its own (freqtrade's images run as ftuser).
    expect(reason(`FROM example/bot:develop\n${run}`, null)).toMatch(
      /^`pip install --user` runs as the user example\/bot:develop ends with, which the knowledge base does not know: as root, its packages would go to \/root\/.local/,
    );
    expect(reason(`FROM example/bot:develop\nUSER root\n${run}`, null)).toMatch(/^`pip install --user` runs as root/);
    expect(reason(`FROM example/bot:develop\nUSER bot\n${run}`, null)).toBeNull();
  });

  it('names what the command runs before a change an entrypoint makes only as root', () => {
    const entrypoint = [
      '#!/usr/bin/env bash',
      'set -Eeuo pipefail',
      'if [[ "$1" == apache2* ]] || [ "$1" = \'php-fpm\' ]; then',
      '\tif [ "$(id -u)" = \'0\' ]; then chown www-data:www-data .; fi',
      'fi',
      'exec "$@"',
      '',
    ].join('\n');
    const text = 'FROM a\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["apache2-foreground"]\n';
    const file = parseDockerfile(text);
    const found = rootBlocker(file, file.stages[0]!, memoryBuildContext({ 'docker-entrypoint.sh': entrypoint }), identify('debian:bookworm'));
    expect(found).toMatchObject({ code: 'needs-root', reason: 'the command runs apache2-foreground: Apache starts as root to bind its port and switch to www-data' });
    // With nothing root-only in the command, the script's change is the reason.
    const bare = parseDockerfile(text.replace('apache2-foreground', 'server'));
    expect(rootBlocker(bare, bare.stages[0]!, memoryBuildContext({ 'docker-entrypoint.sh': entrypoint }), identify('debian:bookworm'))).toMatchObject({
      code: 'needs-root',
      reason: 'docker-entrypoint.sh runs `chown www-data:www-data .`: giving files to another user needs root',
    });
  });

  it('reads hints about how the container is run', () => {
    expect(blocker('# docker run --privileged img\nFROM a\nCMD ["x"]\n')).toBe('privileged-hint');
    expect(blocker('FROM a\nLABEL run="docker run -v /var/run/docker.sock:/var/run/docker.sock img"\nCMD ["x"]\n')).toBe('privileged-hint');
  });

  it('finds in-place edits at start of files in folders the build leaves to root', () => {
    const start = (script: string, extra = '') => blocker(`FROM a\nWORKDIR /app\nCOPY . .\n${extra}CMD ["./start.sh"]\n`, { 'start.sh': `#!/bin/sh\n${script}\nexec node server.js\n` });
    expect(start('sed -i "s|@URL@|$URL|g" /app/dist/index.html')).toBe('writes-app-folder');
    expect(start('sed -ri "s/a/b/" config.js')).toBe('writes-app-folder');
    expect(start('sed -i -e "s/a/b/" -e "s/c/d/" /etc/app.conf')).toBe('writes-app-folder');
    expect(start("perl -pi -e 's/a/b/' /app/config.js")).toBe('writes-app-folder');
    expect(start('sed --in-place=.bak "s/a/b/" "$CONFIG"')).toBe('writes-app-folder');
    // In a temporary folder, a VOLUME, or not in place: the user may.
    expect(start('sed -i "s/a/b/" /tmp/app.conf')).toBeNull();
    expect(start('sed -i "s/a/b/" /data/app.conf', 'VOLUME /data\n')).toBeNull();
    expect(start('sed -n "s/a/b/p" /app/config.js > /tmp/out')).toBeNull();
    expect(start("perl -ne 'print' /app/config.js")).toBeNull();
    expect(start('sed -E "s/a/b/" /app/config.js | head')).toBeNull();
    // The stage gives files to a user: left to the Dockerfile.
    expect(start('sed -i "s/a/b/" /app/config.js', 'RUN chown -R 1000 /app\n')).toBeNull();
  });

  it('finds in-place edits that find, xargs or a prefix run', () => {
    const start = (script: string) => blocker('FROM a\nWORKDIR /app\nCOPY . .\nCMD ["./start.sh"]\n', { 'start.sh': `#!/bin/sh\n${script}\nexec node server.js\n` });
    expect(start('find /app/dist -name "*.js" -exec sed -i "s|@URL@|$URL|g" {} +')).toBe('writes-app-folder');
    expect(start('find -L dist -type f -execdir sed -i "s/a/b/" {} \\;')).toBe('writes-app-folder');
    expect(start('find . -name "*.html" -exec perl -pi -e "s/a/b/" {} +')).toBe('writes-app-folder');
    expect(start('grep -rl @URL@ dist | xargs sed -i "s|@URL@|$URL|g"')).toBe('writes-app-folder');
    expect(start('ls dist/*.js | xargs -I F sed -i "s/a/b/" F')).toBe('writes-app-folder');
    expect(start('exec sed -i "s/a/b/" /app/config.js')).toBe('writes-app-folder');
    expect(start("perl -lpi -e 's/a/b/' /app/config.js")).toBe('writes-app-folder');
    // Below /tmp, or not in place: the user may.
    expect(start('find /tmp/www -name "*.js" -exec sed -i "s/a/b/" {} +')).toBeNull();
    expect(start('find /app/dist -name "*.js" -exec sed -n "/a/p" {} +')).toBeNull();
    expect(start('find /app/dist -name "*.map" -delete')).toBeNull();
    expect(start('ls /app | xargs echo')).toBeNull();
  });

  it('reads the scripts a start script runs by path', () => {
    const files = { 'start.sh': '#!/bin/sh\nscripts/replace.sh "$A" "$B"\nexec yarn start\n', 'scripts/replace.sh': 'for f in $(grep -rl "$1" dist/); do\n  sed -i -e "s|$1|$2|g" "$f"\ndone\n' };
    expect(blocker('FROM a\nWORKDIR /app\nCOPY . .\nCMD ["/app/start.sh"]\n', files)).toBe('writes-app-folder');
    expect(blocker('FROM a\nWORKDIR /app\nCOPY . .\nCMD ["/app/start.sh"]\n', { ...files, 'scripts/replace.sh': 'echo "$1" "$2"\n' })).toBeNull();
    // Through a shell or sourced, as entrypoints often run them.
    const via = (line: string, replace = files['scripts/replace.sh']) => blocker('FROM a\nWORKDIR /app\nCOPY . .\nCMD ["/app/start.sh"]\n', { 'start.sh': `#!/bin/sh\n${line}\nexec yarn start\n`, 'scripts/replace.sh': replace });
    expect(via('sh scripts/replace.sh "$A" "$B"')).toBe('writes-app-folder');
    expect(via('bash -e /app/scripts/replace.sh "$A" "$B"')).toBe('writes-app-folder');
    expect(via('. ./scripts/replace.sh')).toBe('writes-app-folder');
    expect(via('sh scripts/replace.sh', 'echo "$1"\n')).toBeNull();
    expect(via('sh -c "echo scripts/replace.sh"')).toBeNull();
  });
});

describe('rootBlocker: ldconfig at start', () => {
  it('needs root where it rebuilds /etc/ld.so.cache', () => {
    expect(blocker('FROM a\nCMD ["ldconfig", "/app/bin/launcher"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD ["sh", "-c", "ldconfig && exec server"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD ["sh", "-c", "ldconfig -v && exec server"]\n')).toBe('needs-root');
  });

  it('does not where it only prints, links, or writes no system cache', () => {
    expect(blocker('FROM a\nCMD ["sh", "-c", "ldconfig -p | grep -q libcuda && exec server"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD ["sh", "-c", "ldconfig -n /app/lib && exec server"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD ["sh", "-c", "ldconfig -N && exec server"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD ["sh", "-c", "ldconfig -C/tmp/ld.so.cache && exec server"]\n')).toBeNull();
  });
});

describe('rootBlocker: ulimit at start', () => {
  it('needs root where it sets a hard limit, which only root may raise', () => {
    expect(blocker('FROM a\nCMD ["sh", "-c", "ulimit -n 65536 && exec /app/bin/server"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD ulimit -Hl unlimited && exec server\n')).toBe('needs-root');
    expect(blocker('FROM a\nCMD ["sh", "-c", "ulimit -H -n 4096; exec server"]\n')).toBe('needs-root');
    expect(blocker('FROM a\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n', { 'start.sh': '#!/bin/sh\nulimit -c unlimited\nexec server\n' })).toBe('needs-root');
  });

  it('does not where it only moves the soft limit, names the current limit, or prints', () => {
    expect(blocker('FROM a\nCMD ["sh", "-c", "ulimit -S -n 65536 && exec server"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD ["sh", "-c", "ulimit -Sn 65536 && exec server"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD ["sh", "-c", "ulimit -n hard && exec server"]\n')).toBeNull();
    expect(blocker('FROM a\nCMD ["sh", "-c", "ulimit -a && exec server"]\n')).toBeNull();
  });
});

describe('scanScript', () => {
  it('ignores comments and finds words, not substrings', () => {
    expect(scanScript('#!/bin/sh\n# we used to call gosu here\nexec "$@"\n')).toBeNull();
    expect(scanScript('exec /usr/local/bin/gosu "$USER" "$@"')).toMatchObject({ code: 'manages-privileges' });
    expect(scanScript('echo surely; ./subscribe')).toBeNull();
    expect(scanScript('exec dockerd --host=unix:///var/run/docker.sock')).toMatchObject({ code: 'needs-root' });
  });

  it('counts a program the script runs or sets as its command, not one it only compares', () => {
    // docker-php-entrypoint: `set -- php-fpm "$@"` then `exec "$@"` runs it.
    expect(scanScript('#!/bin/sh\nset -e\nif [ "${1#-}" != "$1" ]; then\n\tset -- php-fpm "$@"\nfi\nexec "$@"\n')).toMatchObject({
      code: 'needs-root',
      reason: 'runs php-fpm: php-fpm starts its master as root and its pools as www-data',
    });
    expect(scanScript('#!/bin/sh\nexec su-exec app "$@"\n')).toMatchObject({ code: 'manages-privileges' });
    // wordpress's entrypoint names the commands it prepares for, in tests and case patterns.
    const compared = [
      '#!/usr/bin/env bash',
      'if [[ "${1-}" == apache2* ]] || [ "${1-}" = \'php-fpm\' ] || test "$1" = nginx; then',
      '\tcase "$1" in',
      '\t\tapache2*) user=www-data ;;',
      '\t\tphp-fpm) user=www-data ;;',
      '\tesac',
      'fi',
      'exec "$@"',
      '',
    ].join('\n');
    expect(scanScript(compared)).toBeNull();
    expect(scanScript(compared.replace('\tesac\n', '\tesac\n\tchown "$user" .\n'))).toMatchObject({
      code: 'needs-root',
      kind: 'change',
      reason: 'runs `chown "$user" .`: giving files to another user needs root',
    });
    // A script the parser cannot read is still taken word by word.
    expect(scanScript('#!/bin/sh\nif [ "$1" = x ]; then exec gosu app "$@"\n')).toMatchObject({ code: 'manages-privileges' });
  });
});

describe('startCommand', () => {
  it('takes CMD and ENTRYPOINT through stages; an ENTRYPOINT resets the inherited CMD', () => {
    const file = parseDockerfile('FROM a AS base\nCMD ["base"]\nENTRYPOINT ["tini", "--"]\nFROM base\nENTRYPOINT ["run"]\n');
    const command = startCommand(file, file.stages[1]!);
    expect(command.entrypoint?.argv).toEqual(['run']);
    expect(command.cmd).toBeNull();
    const shell = parseDockerfile('FROM a\nCMD exec node server.js\n');
    expect(startCommand(shell, shell.stages[0]!).cmd?.argv).toEqual(['node', 'server.js']);
    const script = parseDockerfile('FROM a\nCMD cd /app && node x\n');
    expect(startCommand(script, script.stages[0]!).cmd?.argv).toBeNull();
  });
});

describe('rootBlocker: a data folder the configuration file sets', () => {
  const config = { 'conf/app.yaml': 'common:\n  path_prefix: /loki   # below it: chunks, rules\nserver:\n  log_dir: relative/logs\n', 'app': '' };
  const reason = (text: string, files: Record<string, string> = config) => {
    const file = parseDockerfile(text);
    return rootBlocker(file, file.stages.at(-1)!, memoryBuildContext(files), identify('gcr.io/distroless/static-debian12'))?.reason ?? null;
  };

  it('names the setting, without its comment, and the folder', () => {
    expect(reason('FROM gcr.io/distroless/static-debian12\nCOPY app /usr/bin/app\nCOPY conf/app.yaml /etc/app/config.yaml\nENTRYPOINT ["/usr/bin/app"]\nCMD ["-config.file=/etc/app/config.yaml"]\n')).toBe(
      "the command reads /etc/app/config.yaml (conf/app.yaml of the build context), whose `path_prefix: /loki` keeps the program's data in /loki: it makes that folder and writes there when it starts, which another user cannot do where the build leaves it to root (make it a VOLUME, or give it to the user with `chown`)",
    );
    // As a separate word after the option.
    expect(reason('FROM gcr.io/distroless/static-debian12\nCOPY app /usr/bin/app\nCOPY conf/app.yaml /etc/app/config.yaml\nENTRYPOINT ["/usr/bin/app", "--config", "/etc/app/config.yaml"]\n')).toMatch(/^the command reads \/etc\/app\/config\.yaml/);
  });

  it('leaves a folder the user is given, and a file the command does not name as its configuration', () => {
    expect(reason('FROM gcr.io/distroless/static-debian12\nCOPY app /usr/bin/app\nCOPY conf/app.yaml /etc/app/config.yaml\nVOLUME /loki\nENTRYPOINT ["/usr/bin/app"]\nCMD ["-config.file=/etc/app/config.yaml"]\n')).toBeNull();
    expect(reason('FROM gcr.io/distroless/static-debian12\nCOPY app /usr/bin/app\nCOPY conf/app.yaml /etc/app/config.yaml\nENTRYPOINT ["/usr/bin/app"]\nCMD ["-rules=/etc/app/config.yaml"]\n')).toBeNull();
  });
});

describe('scanScript: a script of another language', () => {
  it('reads the programs it hands to a runner from its strings', () => {
    const py = '#!/usr/local/bin/python3\nimport subprocess\nCA_UPDATE_CMD = \'update-ca-certificates\'\nsubprocess.run([CA_UPDATE_CMD])\n';
    expect(scanScript(py)).toEqual({ code: 'needs-root', reason: "hands update-ca-certificates to a program runner (`'update-ca-certificates'`): rewriting the system's certificate store needs root", kind: 'change' });
    expect(scanScript('#!/usr/bin/env ruby\nsystem("chown -R app /data")\n')).toMatchObject({ code: 'needs-root', reason: expect.stringContaining('hands chown') });
  });

  it('leaves a comment, a word inside a message, and a shell script\'s strings', () => {
    expect(scanScript('#!/usr/bin/env python3\n# we no longer run "chown" here\nprint("chown done")\n')).toBeNull();
    expect(scanScript('#!/usr/bin/env python3\nlog.info("could not chown the folder")\n')).toBeNull();
    expect(scanScript('#!/bin/sh\necho "chown"\nexec "$@"\n')).toBeNull();
  });
});
