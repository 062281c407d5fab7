import { describe, expect, it } from 'vitest';
import { cachesFilled } from '../../src/shell/fills.js';
import { parseScript } from '../../src/shell/parse.js';

/** The caches each command of a one-line script fills, as `command → kinds`. */
function fills(script: string): string[] {
  const parsed = parseScript(script);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.commands.map((c) => `${script.slice(c.start, c.end)} → ${cachesFilled(c).join(',') || '-'}`);
}

describe('cachesFilled', () => {
  it('knows what downloads besides installs', () => {
    expect(fills('apt-get update; apt-get -y dist-upgrade; apt-get build-dep -y x; apt-get download x; apt-get clean; apt-get purge -y x')).toEqual([
      'apt-get update → apt-lists',
      'apt-get -y dist-upgrade → apt-archives',
      'apt-get build-dep -y x → apt-archives',
      'apt-get download x → apt-archives',
      'apt-get clean → -',
      'apt-get purge -y x → -',
    ]);
    expect(fills('add-apt-repository -y ppa:x/y; add-apt-repository -n ppa:x/y; apt-add-repository --no-update universe')).toEqual([
      'add-apt-repository -y ppa:x/y → apt-lists',
      'add-apt-repository -n ppa:x/y → -',
      'apt-add-repository --no-update universe → -',
    ]);
  });

  it('reads conda, mamba and micromamba as filling the package cache, unless offline or only cleaning', () => {
    expect(fills('conda install -y numpy; mamba env create -f env.yml; conda env export; micromamba create -y -n x --offline python; /opt/conda/bin/conda update -n base conda; conda clean -afy; conda run -n x python')).toEqual([
      'conda install -y numpy → conda',
      'mamba env create -f env.yml → conda',
      'conda env export → -',
      'micromamba create -y -n x --offline python → -',
      '/opt/conda/bin/conda update -n base conda → conda',
      'conda clean -afy → -',
      'conda run -n x python → -',
    ]);
  });

  it('reads yum, dnf and microdnf as loading metadata for everything but a few offline subcommands', () => {
    expect(fills('dnf swap -y a b; yum makecache; yum group install -y x; dnf module enable -y nodejs:20; dnf clean all; dnf -C list; dnf history; yum-config-manager --enable x; microdnf update -y')).toEqual([
      'dnf swap -y a b → dnf',
      'yum makecache → yum',
      'yum group install -y x → yum',
      'dnf module enable -y nodejs:20 → dnf',
      'dnf clean all → -',
      'dnf -C list → -',
      'dnf history → -',
      'yum-config-manager --enable x → -',
      'microdnf update -y → dnf',
    ]);
    expect(fills('zypper refresh; zypper --non-interactive in x; zypper addrepo u r; zypper cc')).toEqual([
      'zypper refresh → zypper',
      'zypper --non-interactive in x → zypper',
      'zypper addrepo u r → -',
      'zypper cc → -',
    ]);
  });

  it('apk, pip, npm, yarn, pnpm and gem, and what keeps their caches empty', () => {
    expect(fills('apk update; apk fetch x; apk add --no-cache x; apk del x; apk cache download')).toEqual([
      'apk update → apk',
      'apk fetch x → apk',
      'apk add --no-cache x → -',
      'apk del x → -',
      'apk cache download → apk',
    ]);
    expect(fills('pip download x; pip install --no-cache-dir x; PIP_NO_CACHE_DIR=1 pip install x; pip uninstall -y x')).toEqual([
      'pip download x → pip',
      'pip install --no-cache-dir x → -',
      'PIP_NO_CACHE_DIR=1 pip install x → -',
      'pip uninstall -y x → -',
    ]);
    expect(fills('npm ci; npm exec -y x; npx x; npx --offline x; npm run build; npm cache clean --force; sudo -u node npm pack x')).toEqual([
      'npm ci → npm',
      'npm exec -y x → npm',
      'npx x → npm',
      'npx --offline x → -',
      'npm run build → -',
      'npm cache clean --force → -',
      'sudo -u node npm pack x → npm',
    ]);
    expect(fills('yarn; yarn dlx x; yarn build; pnpm dlx x; pnpx y; gem fetch x')).toEqual([
      'yarn → yarn',
      'yarn dlx x → yarn',
      'yarn build → -',
      'pnpm dlx x → pnpm',
      'pnpx y → pnpm',
      'gem fetch x → gem',
    ]);
    // A runner fills its own cache with the manager it fetches, then the manager fills its own.
    expect(fills('npx pnpm@9 install; npx --offline yarn@1 install; pnpx pnpm@9 install; corepack yarn install; bunx pnpm install')).toEqual([
      'npx pnpm@9 install → npm,pnpm',
      'npx --offline yarn@1 install → yarn',
      'pnpx pnpm@9 install → pnpm',
      'corepack yarn install → yarn',
      'bunx pnpm install → pnpm',
    ]);
    // A manager cleaning the cache its runner fills leaves it empty; another manager's cleanup does not.
    expect(fills('npx --yes npm@10 cache clean --force; npx --yes yarn@1 cache clean')).toEqual([
      'npx --yes npm@10 cache clean --force → -',
      'npx --yes yarn@1 cache clean → npm',
    ]);
  });
});
