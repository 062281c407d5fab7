import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/shell/parse.js';
import { scriptUses } from '../../src/shell/uses.js';

/** `command → use(?)…` for each command of a script with uses; `?` marks a use it only may have. */
function uses(script: string): string[] {
  const parsed = parseScript(script);
  if (!parsed.ok) throw new Error(parsed.message);
  return scriptUses(parsed).map((u) => `${script.slice(u.at, u.end)} → ${u.uses.map((x) => `${x.use}${x.sure ? '' : '?'}`).join(' ')}`);
}

describe('scriptUses', () => {
  it('downloads need certificates; git over ssh needs an ssh client', () => {
    expect(uses('curl -fsSL https://x/y | sh -; wget -q http://x/z; git clone https://github.com/a/b; git clone git@github.com:a/b.git; git status')).toEqual([
      'curl -fsSL https://x/y → tls',
      'sh - → tls c-headers cgo make pip-source-build? ghostscript mpi-headers? lintian?',
      'wget -q http://x/z → tls',
      'git clone https://github.com/a/b → tls',
      'git clone git@github.com:a/b.git → ssh',
    ]);
  });

  it('package tools that only read or write their settings reach no server and compile nothing', () => {
    expect(uses('bundle config set --local without development; bundle install; bundle binstubs puma; gem list; gem list --remote; composer dump-autoload -o; composer --version; bundle exec rake assets:precompile')).toEqual([
      'bundle install → tls c-headers gem-native-build?',
      'gem list --remote → tls',
      'bundle exec rake assets:precompile → tls c-headers',
    ]);
  });

  it("Composer's phar run by PHP is Composer: it downloads over https and unpacks zip files", () => {
    expect(uses('php composer.phar install --no-dev; php -d memory_limit=-1 /usr/local/bin/composer.phar require x/y; php composer.phar dump-autoload; php artisan migrate')).toEqual([
      'php composer.phar install --no-dev → tls unzip',
      'php -d memory_limit=-1 /usr/local/bin/composer.phar require x/y → tls unzip',
    ]);
  });

  it('curl of plain http that follows no redirect checks no certificate; wget follows redirects', () => {
    expect(uses('curl -f http://localhost:${PORT:-8080}/health; curl -fsSL http://x/y -o y; curl -s http://x/z https://x/w; wget -q http://x/v')).toEqual([
      'curl -fsSL http://x/y -o y → tls',
      'curl -s http://x/z https://x/w → tls',
      'wget -q http://x/v → tls',
    ]);
  });

  it('wget of plain http to the container itself checks no certificate, wherever a redirect leads', () => {
    expect(uses('wget -qO- "http://localhost:${PORT:-3000}/_health"; wget -q --spider http://127.0.0.1:8080/; wget -qO- http://[::1]/ok; wget -q http://localhost.example.com/x; wget -q http://localhost/a https://x/b; https_proxy=$P wget -q http://localhost/c')).toEqual([
      'wget -q http://localhost.example.com/x → tls',
      'wget -q http://localhost/a https://x/b → tls',
      'https_proxy=$P wget -q http://localhost/c → tls',
    ]);
  });

  it('curl of plain http still checks certificates through an https proxy or a config file it reads', () => {
    expect(uses('curl -o f http://x/f --proxy https://proxy:3128; curl -K /etc/curlrc -o g http://x/g; curl -o h -x http://proxy:3128 http://x/h')).toEqual([
      'curl -o f http://x/f --proxy https://proxy:3128 → tls',
      'curl -K /etc/curlrc -o g http://x/g → tls',
    ]);
  });

  it('curl of plain http through a proxy whose address is not written out may check certificates too', () => {
    expect(uses('curl -o f --proxy "$PROXY" http://x/f; http_proxy=$P curl -o g http://x/g; all_proxy=https://p:3128 curl -o h http://x/h; http_proxy=http://p:3128 curl -o i http://x/i; HTTP_PROXY=$P curl -o j http://x/j')).toEqual([
      'curl -o f --proxy "$PROXY" http://x/f → tls',
      'http_proxy=$P curl -o g http://x/g → tls',
      'all_proxy=https://p:3128 curl -o h http://x/h → tls',
    ]);
  });

  it('a repository URL over ssh given to another tool needs an ssh client: the tool clones it with git', () => {
    expect(uses('pip install "lib @ git+ssh://git@github.com/a/b.git"; npm i git@github.com:a/b.git; yarn add ssh://git@h/a/b.git; pip install git+https://github.com/a/b; echo user@host:x')).toEqual([
      'pip install "lib @ git+ssh://git@github.com/a/b.git" → ssh pip-source-build? c-headers',
      'npm i git@github.com:a/b.git → ssh c-headers',
      'yarn add ssh://git@h/a/b.git → ssh c-headers',
      'pip install git+https://github.com/a/b → pip-source-build c-headers',
    ]);
  });

  it('compiling needs the C headers; pip may need build tools', () => {
    expect(uses('./configure && make && gcc -o x x.c; pip install flask; pip3 install -e .; pip install --only-binary :all: numpy; python3 setup.py build')).toEqual([
      './configure → c-headers',
      'make → c-headers make mpi-headers?',
      'gcc -o x x.c → c-headers',
      'pip install flask → pip-source-build? c-headers',
      'pip3 install -e . → pip-source-build c-headers',
      'python3 setup.py build → c-headers',
    ]);
    // A package manager a runner runs builds native addons as it would on its own.
    expect(uses('npx pnpm@9 install --frozen-lockfile; corepack yarn install; npx prisma generate')).toEqual(['npx pnpm@9 install --frozen-lockfile → c-headers', 'corepack yarn install → c-headers']);
  });

  it('upgrading pip, setuptools and wheel builds nothing: they are always wheels', () => {
    expect(uses('pip install --upgrade pip; pip3 install -U "pip>=24" setuptools==69.5.1 wheel; python3 -m pip install --upgrade pip setuptools; pip install --upgrade pip flask; pip install "setuptools[core]"; pip install --no-binary :all: pip; pip install -r requirements.txt pip')).toEqual([
      'pip install --upgrade pip flask → pip-source-build? c-headers',
      'pip install "setuptools[core]" → pip-source-build? c-headers',
      'pip install --no-binary :all: pip → pip-source-build c-headers',
      'pip install -r requirements.txt pip → pip-source-build? c-headers',
    ]);
  });

  it('gpg, apt-key and keyservers; go and cgo; scripts inside sh -c', () => {
    expect(uses('apt-key add k.asc; gpg --batch --recv-keys ABC; CGO_ENABLED=0 go build ./...; sh -c "curl -O https://x/y"')).toEqual([
      'apt-key add k.asc → gpg',
      'gpg --batch --recv-keys ABC → gpg keyserver',
      'CGO_ENABLED=0 go build ./... → tls c-headers?',
      'sh -c "curl -O https://x/y" → tls',
    ]);
  });

  it("MPI's compiler wrappers need its headers; a make or cmake build may call them", () => {
    expect(uses('mpicc -O2 -o hello hello.c; mpifort.mpich -o solve solve.f90; cmake -S . -B build; mpirun -n 2 ./hello')).toEqual([
      'mpicc -O2 -o hello hello.c → mpi-headers',
      'mpifort.mpich -o solve solve.f90 → mpi-headers',
      'cmake -S . -B build → c-headers make mpi-headers?',
    ]);
  });

  it('lintian, and debuild unless told not to, check a package with lintian', () => {
    expect(uses('dpkg-buildpackage -us -uc -b; lintian --check ../*.deb; debuild -us -uc; debuild --no-lintian -us -uc')).toEqual([
      'dpkg-buildpackage -us -uc -b → c-headers',
      'lintian --check ../*.deb → lintian',
      'debuild -us -uc → lintian',
    ]);
  });

  it('reads the -c string past options that take an argument, and not a script argument that looks like -c', () => {
    expect(uses('bash -O extglob -c "curl -O https://x/y"; bash -c -- "curl -O https://x/z"')).toEqual([
      'bash -O extglob -c "curl -O https://x/y" → tls',
      'bash -c -- "curl -O https://x/z" → tls',
    ]);
    // `-c true` is build.sh's arguments: the script is not seen into, so it may need anything.
    expect(uses('sh build.sh -c true')).toEqual(['sh build.sh -c true → tls c-headers cgo make pip-source-build? ghostscript mpi-headers? lintian?']);
  });

  it('ImageMagick and GraphicsMagick reading a PDF or PostScript file need ghostscript; other images do not', () => {
    expect(
      uses(
        'convert -density 150 manual.pdf[0] cover.png; magick pdf:- out.png; convert-im6.q16 a.EPS a.png; gm convert poster.ps poster.jpg; convert "$SRC" out.png; convert logo.svg logo.png; identify photo.jpg',
      ),
    ).toEqual([
      'convert -density 150 manual.pdf[0] cover.png → ghostscript',
      'magick pdf:- out.png → ghostscript',
      'convert-im6.q16 a.EPS a.png → ghostscript',
      'gm convert poster.ps poster.jpg → ghostscript',
      'convert "$SRC" out.png → ghostscript?',
    ]);
  });

  it("the Docker CLI's builds need its buildx plugin, docker compose its compose plugin; its other commands neither", () => {
    expect(uses('docker build -t app .; docker --context ci buildx build .; docker -H tcp://dind:2375 image build .; docker compose up -d; docker ps; docker image ls; docker version')).toEqual([
      'docker build -t app . → docker-buildx',
      'docker --context ci buildx build . → docker-buildx',
      'docker -H tcp://dind:2375 image build . → docker-buildx',
      'docker compose up -d → docker-compose',
    ]);
  });
});
