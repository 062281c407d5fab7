import { describe, expect, it } from 'vitest';
import { contextFileAt } from '../../src/analysis/copiedFiles.js';
import { replacingRun } from '../../src/analysis/unnamedWrites.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { memoryBuildContext } from '../../src/engine/context.js';

/** How the RUN \`body\`, after \`COPY entrypoint.sh ./\` in /app, may write /app/entrypoint.sh; null when it may not. */
const replacing = (body: string) => {
  const file = parseDockerfile(`FROM python:3.12-slim-bookworm\nWORKDIR /app\nCOPY entrypoint.sh ./\nRUN ${body}\nENTRYPOINT ["/app/entrypoint.sh"]\n`);
  return replacingRun(file, file.stages[0]!.instructions.find((i) => i.keyword === 'RUN')!, '/app/entrypoint.sh');
};

describe('replacingRun', () => {
  it.each([
    'cp /opt/scripts/* .',
    'cp -r /usr/share/app-template/. /app/',
    'cd /opt && cp -r /x/. /app',
    'tar xf /tmp/a.tar -C /app',
    'tar xf /tmp/a.tar',
    'unzip x.zip',
    'git clone https://example.com/app.git .',
    'make install',
    'python setup.py install',
    'bash ./setup.sh',
    'find . -exec sh -c "x" \\;',
    'pip install -e .',
    '$SETUP',
    "sed -i 's/a/b/' /app/*.sh",
    'dos2unix *.sh',
    'cd / && dos2unix app/entry*',
    'sed -i s/a/b/ /app/{entrypoint,run}.sh',
    'for f in /app/*.sh; do sed -i \'s/a/b/\' "$f"; done',
    'sed -i -e s/a/b/ "$ENTRY"',
    'patch -p0 < /tmp/fix.patch',
    'cd / && patch -p1 -i /tmp/fix.patch',
    "ex -sc '%s/a/b/|x' entrypoint.sh",
    'wget -r -nH https://example.com/',
    'git clone https://example.com/app.git',
    'git clone https://example.com/app.git /app',
    'git clone --depth 1 "$REPO" /',
    'cd /opt && git clone https://example.com/app.git "$DIR"',
    'rsync -a /opt/src/ /app/',
    'rsync -a /opt/src/ .',
    'rsync -a /opt/src/ "$DEST"',
    'rsync -a --log-file=/app/entrypoint.sh /opt/src/ /opt/dest/',
  ])('may write files it does not name: %s', (body) => {
    expect(replacing(body)).toMatch(/^may write it \(`.+`, which may write files its words do not name\)$/);
  });

  it.each([
    'sed -i s/a/b/ entrypoint.sh',
    'sed -ri s/a/b/ /app/entrypoint.sh',
    'dos2unix entrypoint.sh',
    'curl -fsSLo /app/entrypoint.sh https://example.com/entrypoint.sh',
    'wget -N https://example.com/entrypoint.sh',
    'wget -qc https://example.com/entrypoint.sh',
    'wget -qO entrypoint.sh https://example.com/start',
    'rsync /tmp/entrypoint.sh /app/entrypoint.sh',
    'cp /tmp/entrypoint.sh /app',
  ])('writes the path it names: %s', (body) => {
    expect(replacing(body)).toMatch(/^writes it \(`.+`\)$/);
  });

  it.each([
    'chmod +x entrypoint.sh',
    'apt-get update && apt-get install -y curl',
    'pip install --no-cache-dir -r requirements.txt',
    'npm ci',
    'python -m venv /venv',
    'cp a.conf /etc/',
    'install -m 755 a /usr/local/bin/a',
    'cp entrypoint.sh /usr/local/bin/',
    'ln -s /app/entrypoint.sh /usr/local/bin/ep',
    'mv /tmp/scripts /app/',
    'cp -r /tmp/x /opt/',
    'cp /opt/scripts/*.conf /etc/',
    'tar xf x.tar -C /opt',
    'unzip x.zip -d /opt',
    'sed -i s/a/b/ /etc/x.conf',
    'sed s/a/b/ entrypoint.sh',
    'curl -o /tmp/x https://example.com/y',
    'find . -exec chmod 755 {} \\;',
    'git config --global a b',
    'sed -i s/a/b/ /etc/*.conf',
    'dos2unix /opt/*.sh',
    'sed -i "s/$A/b/" /etc/x.conf',
    'sed -i -e "$EXPR" /etc/x.conf',
    'wget https://example.com/entrypoint.sh',
    'wget -q "$URL"',
    'wget -nc -P /app https://example.com/entrypoint.sh',
    'wget -qnc https://example.com/entrypoint.sh',
    'git clone --depth 1 -b main https://example.com/app.git /opt/app',
    'git clone -q "$REPO" vendor/lib',
    'cd /opt && git clone https://example.com/app.git',
    'rsync -a /opt/src/ /opt/dest/',
    'rsync -av --exclude .git /app/ /opt/backup/',
    'rsync -a /app/ backup.example.com:/srv/app/',
  ])('leaves it alone: %s', (body) => {
    expect(replacing(body)).toBeNull();
  });

  it('takes a RUN it does not read as one that may write it', () => {
    const file = parseDockerfile('FROM python:3.12\nSHELL ["pwsh", "-Command"]\nCOPY entrypoint.sh /\nRUN Write-Output x\nENTRYPOINT ["/entrypoint.sh"]\n');
    expect(replacingRun(file, file.stages[0]!.instructions.find((i) => i.keyword === 'RUN')!, '/entrypoint.sh')).toBe(', which is not read, may write it');
  });

  it('says a RUN it does not read may write it, with a comma before which', () => {
    const file = parseDockerfile('FROM node:20-bookworm-slim\nSHELL ["pwsh", "-Command"]\nWORKDIR /app\nCOPY start.sh ./\nRUN Write-Output x\nCMD ["./start.sh"]\n');
    const found = contextFileAt(file, file.stages[0]!, memoryBuildContext({ 'start.sh': '#!/bin/sh\n' }), '/app/start.sh', true);
    expect(found).toMatchObject({ kind: 'unknown', why: 'the RUN on line 5, which is not read, may write it over what the COPY on line 4 put there' });
  });
});

describe('contextFileAt of a start script', () => {
  const text = 'FROM node:20-bookworm-slim\nWORKDIR /app\nCOPY . .\nRUN cp /opt/scripts/* .\nCMD ["./start.sh"]\n';
  const ctx = memoryBuildContext({ 'start.sh': '#!/bin/sh\nexec node server.js\n' });

  it('is unknown when a later RUN may replace it, naming that RUN and what it runs', () => {
    const file = parseDockerfile(text);
    const found = contextFileAt(file, file.stages[0]!, ctx, '/app/start.sh', true);
    expect(found).toMatchObject({ kind: 'unknown', why: 'the RUN on line 4 may write it (`cp /opt/scripts/* .`, which may write files its words do not name) over what the COPY on line 3 put there' });
  });

  it('is one the build context lacks, before what a later RUN may write over it', () => {
    const file = parseDockerfile('FROM node:20-bookworm-slim\nWORKDIR /app\nCOPY start.sh ./\nRUN cp /opt/scripts/* .\nCMD ["./start.sh"]\n');
    const found = contextFileAt(file, file.stages[0]!, memoryBuildContext({ 'server.js': '' }), '/app/start.sh', true);
    expect(found).toMatchObject({ kind: 'unknown', why: 'COPY on line 3 copies start.sh, which is not in the build context' });
  });

  it('is the context file for a reader of other files, as before', () => {
    const file = parseDockerfile(text);
    expect(contextFileAt(file, file.stages[0]!, ctx, '/app/start.sh')).toMatchObject({ kind: 'context', path: 'start.sh' });
  });
});
