/**
 * What `--no-install-recommends` and the cache flags can break, as data.
 *
 * apt installs a package's Recommends by default. With the flag it does not,
 * and neither does it install the Recommends of what the package depends on
 * (curl depends on libcurl4, which recommends ca-certificates). Each entry
 * says which packages only recommend something, which later use needs it and
 * what to install to keep that use working. Adding such a package restores
 * exactly what apt installed before for that need, so a rewrite that adds it
 * keeps the build working.
 *
 * The second part says which releases ship a tool too old for a flag.
 */

import { FAMILY_LABELS } from './distros.js';
import { packageOperandName } from './packageNames.js';
import { releaseFamily } from './identify.js';
import type { DistroFamily, IdentifiedImage } from './types.js';

/** Where a fact comes from and when it was checked against that source. */
export interface FactSource {
  readonly how: string;
  /** ISO date, `YYYY-MM-DD`. */
  readonly checked: string;
}

/**
 * What a later command may need from a recommended package:
 * - `tls`: verify https certificates (curl, wget, git over https) — ca-certificates;
 * - `c-headers`: compile and link C (gcc, make, pip/npm/gem builds…) — libc6-dev;
 * - `pip-source-build`: pip building a package from source (a local path, a VCS URL, an sdist,
 *   --no-binary; and any other install where no wheel fits, which the Dockerfile cannot tell);
 * - `keyserver`: fetch keys from a keyserver (`apt-key adv --recv-keys`, `gpg --recv-keys`) — dirmngr;
 * - `gpg`: run gpg itself (`apt-key`, `gpg --dearmor`);
 * - `ssh`: reach a repository over ssh (`git clone git@…`, `ssh`, `scp`);
 * - `cgo`: `go build` with cgo, which calls gcc;
 * - `make`: run make, or cmake with its default generator (Unix Makefiles), which needs make;
 * - `unzip`: Composer installing packages, whose dist archives are zip files it opens with unzip
 *   (or PHP's zip extension);
 * - `gem-native-build`: Bundler or RubyGems building a gem's native extension (puma, pg, bcrypt…),
 *   which the Dockerfile cannot tell from a Gemfile;
 * - `cargo`: run cargo, which Debian's rustc only recommends;
 * - `ghostscript`: ImageMagick or GraphicsMagick reading a PDF, PostScript or EPS file, which they
 *   hand to ghostscript (`convert doc.pdf page.png`; an app's thumbnails of uploaded PDFs);
 * - `web-fonts`: Chromium rendering a page that names Arial, Helvetica, Times New Roman or Courier
 *   New, which fontconfig maps to the Liberation fonts (screenshots and PDFs, with Puppeteer say);
 * - `office-fonts`: LibreOffice laying out a document that names Arial, Times New Roman or Courier New
 *   (converting it to PDF, headless), which fontconfig maps to the Liberation fonts;
 * - `office-modules`: unoconv converting a document, which takes the LibreOffice module that reads it
 *   (Writer for text, Calc for spreadsheets, Impress for slides, Draw for drawings);
 * - `mpi-headers`: compiling an MPI program (mpicc, mpifort; a make or cmake build that calls them), which
 *   takes mpi.h and the library to link;
 * - `ocr-engine`: Tesseract reading images (pytesseract, OCRmyPDF, \`tesseract\`), with the language data
 *   that a tesseract-ocr-* package installs;
 * - `chromium-sandbox`: Chromium starting its sandbox as a user other than root where the container
 *   allows no user namespaces (Docker's default seccomp profile), which takes the setuid helper;
 * - `vulkan-driver`: a program using a GPU through Vulkan (llama.cpp's and ollama's Vulkan backend, a
 *   renderer), whose loader finds no device without a driver (an ICD) for it;
 * - `docker-buildx`: the Docker CLI building images (\`docker build\`, \`docker buildx\`), which it hands to
 *   the buildx plugin;
 * - `docker-compose`: the Docker CLI's \`docker compose\`, the compose plugin;
 * - `lintian`: checking a Debian package with lintian (\`lintian\`, or \`debuild\`, which runs it after a build).
 */
export type RecommendedUse =
  | 'tls' | 'c-headers' | 'pip-source-build' | 'keyserver' | 'gpg' | 'ssh' | 'cgo' | 'make' | 'unzip' | 'gem-native-build' | 'cargo' | 'ghostscript'
  | 'web-fonts' | 'office-fonts' | 'office-modules' | 'mpi-headers' | 'ocr-engine' | 'chromium-sandbox' | 'vulkan-driver' | 'docker-buildx' | 'docker-compose' | 'lintian';

export interface RecommendsFact {
  /** Packages (names as `apt-get install` takes them) that pull the recommendation, directly or through a dependency. */
  readonly packages: readonly string[];
  /** Also matches versioned names: `gcc-12`, `python3.11-…`. */
  readonly pattern?: RegExp;
  /** The use a later command makes of the recommended package. */
  readonly use: RecommendedUse;
  /** What to install explicitly to keep that use working. */
  readonly install: readonly string[];
  /** Packages that, when installed explicitly, already give the use (build-essential gives libc6-dev). */
  readonly satisfiedBy: readonly string[];
  /** What the package recommends, as Debian says it. */
  readonly because: string;
  /** Only on these releases (by image tag); absent: on every release. */
  readonly onlyOn?: readonly ReleaseMatch[];
  /**
   * What the programs of an image that ships the package may do when the container runs that
   * makes the use (`may fetch over https`), which the Dockerfile cannot show: then the use is
   * taken as made. Absent: only the commands the Dockerfile runs make it.
   */
  readonly shipped?: string;
  readonly source: FactSource;
}

const DEBIAN_12: FactSource = { how: 'apt-cache show / apt-cache depends on Debian 12 (bookworm)', checked: '2025-06-02' };

const DOCKER_CE_CLI: FactSource = {
  how: 'docker/docker-ce-packaging deb/common/control: docker-ce-cli Recommends: docker-buildx-plugin, docker-compose-plugin (docker/docker-ce-packaging#555 for compose); docker-ce Depends: docker-ce-cli',
  checked: '2026-12-06',
};

const NODE_GYP: FactSource = { how: `${DEBIAN_12.how}: npm Depends: node-gyp; node-gyp Recommends: build-essential`, checked: '2026-12-06' };

/**
 * A download tool (or its library) that only recommends the CA bundle: a later https fetch, or one its
 * programs make when the image that keeps it runs, needs ca-certificates.
 */
function caBundle(packages: readonly string[], because: string): RecommendsFact {
  return { packages, use: 'tls', shipped: 'may fetch over https', install: ['ca-certificates'], satisfiedBy: ['ca-certificates'], because, source: DEBIAN_12 };
}

const CROSS_GCC: FactSource = { how: `${DEBIAN_12.how}: gcc-aarch64-linux-gnu Recommends: libc6-dev-arm64-cross | libc-dev-arm64-cross, and so for each target`, checked: '2026-12-06' };

/**
 * A cross compiler for \`triplet\` (\`gcc-aarch64-linux-gnu\`, \`gcc-12-aarch64-linux-gnu\`), which only recommends the
 * target's C library (Debian's architecture \`arch\`): without it no C program, cgo's included, compiles for the target.
 * An image that keeps one is there to cross-compile (a builder run on the project).
 */
function crossGcc(triplet: string, arch: string): RecommendsFact {
  const libc = `libc6-dev-${arch}-cross`;
  return {
    packages: [`gcc-${triplet}`],
    pattern: new RegExp(`^gcc-\\d+(?:\\.\\d+)?-${triplet}$`),
    use: 'c-headers',
    install: [libc],
    satisfiedBy: [libc, `libc-dev-${arch}-cross`, `g++-${triplet}`, `crossbuild-essential-${arch}`],
    because: `gcc-${triplet} only recommends it (the ${arch} C library headers, crt1.o and libc.so it compiles and links against)`,
    shipped: `may compile C for ${arch} with it (a cross compiler is kept for that)`,
    source: CROSS_GCC,
  };
}

export const RECOMMENDS: readonly RecommendsFact[] = [
  caBundle(['curl', 'libcurl4', 'libcurl3-gnutls', 'libcurl4-openssl-dev', 'libcurl4-gnutls-dev'], 'libcurl4, which curl uses, only recommends it'),
  caBundle(['wget'], 'wget only recommends it'),
  caBundle(['wget2'], 'wget2 only recommends it'),
  caBundle(['aria2'], 'aria2 only recommends it'),
  caBundle(['git'], 'git only recommends it'),
  crossGcc('aarch64-linux-gnu', 'arm64'),
  crossGcc('x86-64-linux-gnu', 'amd64'),
  crossGcc('arm-linux-gnueabihf', 'armhf'),
  crossGcc('arm-linux-gnueabi', 'armel'),
  crossGcc('i686-linux-gnu', 'i386'),
  crossGcc('powerpc64le-linux-gnu', 'ppc64el'),
  crossGcc('s390x-linux-gnu', 's390x'),
  crossGcc('riscv64-linux-gnu', 'riscv64'),
  {
    packages: ['gcc', 'cc', 'gcc-multilib'],
    pattern: /^gcc-\d+(?:\.\d+)?$/,
    use: 'c-headers',
    install: ['libc6-dev'],
    satisfiedBy: ['libc6-dev', 'libc-dev', 'build-essential', 'g++', 'libstdc++-dev'],
    because: 'gcc only recommends it (the C library headers, crt1.o and libc.so)',
    source: DEBIAN_12,
  },
  {
    // Debian's and Ubuntu's npm; the nodejs images' own npm comes with the image, not from apt.
    // node-gyp runs make and g++ (whose libstdc++ headers bring libc6-dev's): each is kept on its own.
    packages: ['npm', 'node-gyp'],
    use: 'c-headers',
    install: ['g++'],
    satisfiedBy: ['g++', 'build-essential'],
    because: "npm's node-gyp, which compiles a package's native addon, only recommends build-essential, which brings g++",
    source: NODE_GYP,
  },
  {
    packages: ['npm', 'node-gyp'],
    use: 'c-headers',
    install: ['make'],
    satisfiedBy: ['make', 'build-essential'],
    because: "npm's node-gyp, which compiles a package's native addon, only recommends build-essential, which brings make",
    source: NODE_GYP,
  },
  {
    packages: ['python3-pip'],
    use: 'pip-source-build',
    install: ['build-essential', 'python3-dev'],
    satisfiedBy: ['build-essential'],
    because: 'python3-pip only recommends them, and pip needs them to build a package from source',
    source: DEBIAN_12,
  },
  {
    // Python 2's pip: Python 3's headers would not build its extensions. It is only in releases
    // (Debian 10, Ubuntu 18.04 and before) whose pip also only recommends setuptools, which it builds with.
    packages: ['python-pip'],
    use: 'pip-source-build',
    install: ['build-essential', 'python-all-dev', 'python-setuptools'],
    satisfiedBy: ['build-essential'],
    because: 'python-pip only recommends them, and pip needs them to build a package from source',
    source: { how: 'apt-cache show python-pip on Debian 10 (buster) and Ubuntu 18.04: Recommends: build-essential, python-all-dev, python-setuptools, python-wheel', checked: '2026-12-05' },
  },
  {
    packages: ['gpg'],
    use: 'keyserver',
    install: ['dirmngr'],
    satisfiedBy: ['dirmngr', 'gnupg', 'gnupg2'],
    because: 'gpg only recommends gnupg, which brings dirmngr, the part that talks to keyservers',
    source: DEBIAN_12,
  },
  {
    packages: ['gnupg', 'gnupg2'],
    use: 'keyserver',
    install: ['dirmngr'],
    satisfiedBy: ['dirmngr'],
    because: 'gnupg only recommended dirmngr, the part that talks to keyservers, before 2.1.21-4 (Debian 9 stretch has 2.1.18)',
    onlyOn: [{ repositories: ['*'], tag: /(?:^|-)stretch(?:[.-]|$)/, release: 'Debian 9 (stretch)' }, { repositories: ['library/debian'], tag: /^9(?:[.-]|$)/, release: 'Debian 9 (stretch)' }],
    source: { how: 'docker-library/python#826: dirmngr moved from Recommends to Depends of gnupg in 2.1.21-4', checked: '2025-06-02' },
  },
  {
    packages: ['dirmngr', 'gpg-agent', 'gnupg-agent'],
    use: 'gpg',
    install: ['gnupg'],
    satisfiedBy: ['gnupg', 'gnupg2', 'gnupg1', 'gpg'],
    because: 'dirmngr and gpg-agent only recommend it, and apt-key runs gpg',
    source: { how: `${DEBIAN_12.how}; /usr/bin/apt-key (apt 2.6) looks for gpg, gpg2 or gpg1`, checked: '2025-06-02' },
  },
  {
    // Caddy's install instructions: `apt install debian-keyring debian-archive-keyring apt-transport-https curl`, then `curl … | gpg --dearmor`.
    packages: ['debian-keyring'],
    use: 'gpg',
    install: ['gnupg'],
    satisfiedBy: ['gnupg', 'gnupg2', 'gnupg1', 'gpg'],
    because: 'debian-keyring only recommends it',
    source: { how: `${DEBIAN_12.how}: debian-keyring Recommends: gnupg (>= 1.0.6-4)`, checked: '2026-12-06' },
  },
  {
    packages: ['git'],
    use: 'ssh',
    install: ['openssh-client'],
    satisfiedBy: ['openssh-client', 'ssh', 'ssh-client'],
    because: 'git only recommends ssh-client, which openssh-client provides',
    source: DEBIAN_12,
  },
  {
    packages: ['mercurial'],
    use: 'ssh',
    install: ['openssh-client'],
    satisfiedBy: ['openssh-client', 'ssh', 'ssh-client'],
    because: 'mercurial only recommends it, and runs ssh for ssh:// repositories',
    source: DEBIAN_12,
  },
  {
    packages: ['lftp'],
    use: 'ssh',
    install: ['openssh-client'],
    satisfiedBy: ['openssh-client', 'ssh', 'ssh-client'],
    because: 'lftp only recommends ssh-client, which openssh-client provides, and runs ssh for sftp:// addresses',
    source: DEBIAN_12,
  },
  {
    packages: ['golang-go', 'golang'],
    pattern: /^golang-1\.\d+(?:-go)?$/,
    use: 'cgo',
    install: ['gcc', 'libc6-dev'],
    satisfiedBy: ['build-essential'],
    because: 'the Go toolchain package only recommends gcc, g++, libc6-dev and pkg-config, which cgo uses',
    source: DEBIAN_12,
  },
  {
    packages: ['cmake'],
    use: 'make',
    install: ['make'],
    satisfiedBy: ['make', 'build-essential'],
    because: 'cmake only recommends gcc and make, and its default generator writes Makefiles',
    source: DEBIAN_12,
  },
  {
    packages: ['cmake'],
    use: 'c-headers',
    install: ['gcc', 'libc6-dev'],
    satisfiedBy: ['gcc', 'cc', 'g++', 'clang', 'build-essential'],
    because: 'cmake only recommends gcc and make (and gcc only recommends libc6-dev)',
    source: DEBIAN_12,
  },
  {
    packages: ['composer'],
    use: 'unzip',
    install: ['unzip'],
    satisfiedBy: ['unzip', 'php-zip', '7zip', 'p7zip-full'],
    because: 'composer only recommends it (and git), and without unzip or the zip extension cannot open the zip archives packages come in',
    source: { how: `${DEBIAN_12.how}; Composer's ZipDownloader fails when neither unzip, 7z nor ext-zip is there`, checked: '2026-12-05' },
  },
  {
    packages: ['bundler', 'ruby-bundler'],
    use: 'gem-native-build',
    install: ['build-essential', 'ruby-dev'],
    satisfiedBy: ['build-essential'],
    because: 'bundler only recommends them, and gems with native extensions need them to build',
    source: DEBIAN_12,
  },
  {
    packages: ['rustc'],
    pattern: /^rustc-\d+(?:\.\d+)?$/,
    use: 'cargo',
    install: ['cargo'],
    satisfiedBy: ['cargo'],
    because: 'rustc only recommends it',
    source: DEBIAN_12,
  },
  {
    // Every binding depends on libmagickcore-6.q16-6, which recommends ghostscript (and gsfonts);
    // imagemagick-6.q16 recommends it itself. Without it ImageMagick reads no PDF, PostScript or EPS.
    packages: [
      'imagemagick', 'imagemagick-6.q16', 'imagemagick-6.q16hdri', 'libmagickcore-dev', 'libmagickwand-dev', 'libmagickcore-6.q16-dev',
      'libmagickwand-6.q16-dev', 'php-imagick', 'python3-wand', 'ruby-rmagick', 'libimage-magick-perl',
    ],
    // ImageMagick 6 and 7 (Debian 13's libmagickcore-7.q16-10), Ubuntu 24.04's t64 names, and the C++ binding.
    pattern: /^(?:libmagick(?:core|wand|\+\+)-[67]\.q16(?:hdri)?-\d+(?:t64)?(?:-extra)?|imagemagick-[67]\.q16(?:hdri)?|php\d+(?:\.\d+)?-imagick)$/,
    use: 'ghostscript',
    shipped: 'may read PDF, PostScript or EPS files with ImageMagick',
    install: ['ghostscript'],
    satisfiedBy: ['ghostscript'],
    because: 'ImageMagick only recommends it, and hands it PDF, PostScript and EPS files to read',
    source: { how: `${DEBIAN_12.how}: imagemagick-6.q16 and libmagickcore-6.q16-6 Recommends: ghostscript; apt-cache depends --recurse of each package named; Debian 13's Packages index: imagemagick-7.q16 and libmagickcore-7.q16-10 Recommends: ghostscript`, checked: '2026-12-06' },
  },
  {
    packages: ['graphicsmagick', 'libgraphicsmagick1-dev', 'php-gmagick'],
    pattern: /^(?:libgraphicsmagick-q16-\d+(?:t64)?|php\d+(?:\.\d+)?-gmagick)$/,
    use: 'ghostscript',
    shipped: 'may read PDF, PostScript or EPS files with GraphicsMagick',
    install: ['ghostscript'],
    satisfiedBy: ['ghostscript'],
    because: 'GraphicsMagick (libgraphicsmagick-q16-3) only recommends it, and hands it PDF, PostScript and EPS files to read',
    source: { how: `${DEBIAN_12.how}: libgraphicsmagick-q16-3 Recommends: ghostscript, fonts-urw-base35`, checked: '2026-12-06' },
  },
  {
    // chromium, chromium-shell, chromium-headless-shell and chromium-driver (through chromium) depend on
    // chromium-common. Without the Liberation fonts a page that names Arial renders in DejaVu Sans,
    // wider: text reflows, and screenshots and PDFs differ from what they were.
    packages: ['chromium', 'chromium-common', 'chromium-shell', 'chromium-headless-shell', 'chromium-driver'],
    use: 'web-fonts',
    shipped: 'may render web pages (screenshots, PDFs) with Chromium',
    install: ['fonts-liberation'],
    satisfiedBy: ['fonts-liberation', 'fonts-liberation2'],
    because: 'chromium-common only recommends fonts-liberation, the fonts metric-compatible with Arial, Times New Roman and Courier New that pages name',
    source: { how: `${DEBIAN_12.how}: chromium-common Recommends: upower, udev, libgl1-mesa-dri, chromium-sandbox, fonts-liberation, notification-daemon, system-config-printer; Debian 13's Packages index: chromium-common Recommends: fonts-liberation (and the rest but chromium-sandbox)`, checked: '2026-12-06' },
  },
  {
    // Every LibreOffice package (and python3-uno and unoconv, through libreoffice-core) depends on
    // libreoffice-common. Without the Liberation fonts a document that names Arial or Times New Roman
    // is laid out in DejaVu, wider: lines and pages break elsewhere, and converted PDFs differ.
    packages: [
      'libreoffice', 'libreoffice-common', 'libreoffice-core', 'libreoffice-core-nogui', 'libreoffice-nogui', 'libreoffice-writer', 'libreoffice-writer-nogui',
      'libreoffice-calc', 'libreoffice-calc-nogui', 'libreoffice-impress', 'libreoffice-impress-nogui', 'libreoffice-draw', 'libreoffice-draw-nogui',
      'libreoffice-math', 'libreoffice-base-core', 'libreoffice-script-provider-python', 'python3-uno', 'unoconv',
    ],
    use: 'office-fonts',
    shipped: 'may convert or render office documents with LibreOffice',
    install: ['fonts-liberation2'],
    satisfiedBy: ['fonts-liberation2', 'fonts-liberation', 'ttf-mscorefonts-installer'],
    because: 'libreoffice-common only recommends fonts-liberation2 (or ttf-mscorefonts-installer), the fonts metric-compatible with Arial, Times New Roman and Courier New that documents name',
    source: { how: `${DEBIAN_12.how}: libreoffice-common Recommends: fonts-liberation2 | ttf-mscorefonts-installer; apt-get install -s --no-install-recommends of libreoffice-writer, libreoffice-core-nogui and unoconv installs no Liberation font, and without the flag fonts-liberation2`, checked: '2026-12-06' },
  },
  {
    // unoconv depends on python3-uno, which brings libreoffice-core: LibreOffice without a module that
    // opens documents. It fails on every file ("Unable to store document") until one is installed.
    packages: ['unoconv'],
    use: 'office-modules',
    shipped: 'converts office documents with unoconv',
    install: ['libreoffice-writer', 'libreoffice-calc', 'libreoffice-impress', 'libreoffice-draw'],
    satisfiedBy: [
      'libreoffice', 'libreoffice-writer', 'libreoffice-calc', 'libreoffice-impress', 'libreoffice-draw', 'libreoffice-nogui',
      'libreoffice-writer-nogui', 'libreoffice-calc-nogui', 'libreoffice-impress-nogui', 'libreoffice-draw-nogui',
    ],
    because: 'unoconv only recommends the LibreOffice modules that open documents (Writer, Calc, Impress, Draw); it depends on python3-uno alone',
    source: { how: `${DEBIAN_12.how}: unoconv Depends: python3, python3-uno; Recommends: libreoffice-writer, libreoffice-draw, libreoffice-calc, libreoffice-impress`, checked: '2026-12-06' },
  },
  {
    // mpich holds mpicc and the other wrappers; mpi.h, libmpich.so and the compilers they call (g++,
    // gfortran) come with libmpich-dev, which it only recommends.
    packages: ['mpich'],
    use: 'mpi-headers',
    install: ['libmpich-dev'],
    satisfiedBy: ['libmpich-dev', 'mpi-default-dev'],
    because: 'mpich only recommends libmpich-dev, which holds mpi.h and the library mpicc links, and brings g++ and gfortran',
    source: { how: `${DEBIAN_12.how}: mpich Recommends: libmpich-dev; dpkg -c of mpich and libmpich-dev 4.0.2-3+b1: mpicc.mpich is mpich's, /usr/include/x86_64-linux-gnu/mpich/mpi.h and libmpich.so are libmpich-dev's, which Depends: g++, gfortran | fortran-compiler`, checked: '2026-12-06' },
  },
  {
    // A language or script pack holds only traineddata; the program is tesseract-ocr, which each pack
    // only recommends (tesseract-ocr itself depends on the English and OSD packs).
    packages: [],
    pattern: /^tesseract-ocr-(?!all$)[a-z][a-z0-9-]*$/,
    use: 'ocr-engine',
    shipped: 'may read text in images with Tesseract, with the language data it installs',
    install: ['tesseract-ocr'],
    satisfiedBy: ['tesseract-ocr', 'tesseract-ocr-all'],
    because: 'the tesseract-ocr-* language packs hold only the language data and recommend tesseract-ocr, the program that reads it',
    source: { how: `${DEBIAN_12.how}: tesseract-ocr-eng, tesseract-ocr-deu, tesseract-ocr-osd and tesseract-ocr-script-latn Recommends: tesseract-ocr (>= 4.9.9); tesseract-ocr-all Depends: tesseract-ocr`, checked: '2026-12-06' },
  },
  {
    // Debian 13 dropped the recommendation: its Chromium relies on user namespaces alone.
    packages: ['chromium', 'chromium-common', 'chromium-shell', 'chromium-headless-shell', 'chromium-driver'],
    use: 'chromium-sandbox',
    shipped: 'may start Chromium with its sandbox, which as a user other than root, where the container allows no user namespaces (Docker\'s default), takes the setuid helper',
    install: ['chromium-sandbox'],
    satisfiedBy: ['chromium-sandbox'],
    because: 'chromium and chromium-common only recommend chromium-sandbox, its setuid sandbox helper',
    onlyOn: [
      { repositories: ['*'], tag: /(?:^|-)(?:bookworm|bullseye)(?:[.-]|$)/, release: 'Debian 12 (bookworm) or 11 (bullseye)' },
      { repositories: ['library/debian'], tag: /^(?:12|11)(?:[.-]|$)/, release: 'Debian 12 (bookworm) or 11 (bullseye)' },
    ],
    source: { how: `${DEBIAN_12.how}: chromium and chromium-common Recommends: chromium-sandbox; Debian 13's Packages index: neither does`, checked: '2026-12-06' },
  },
  {
    // The loader alone finds no GPU: the drivers (Mesa's radv, anv, lavapipe) are what it loads. NVIDIA's
    // driver comes from the host through the container toolkit; every other GPU needs Mesa's.
    packages: ['libvulkan1', 'libvulkan-dev', 'vulkan-tools'],
    use: 'vulkan-driver',
    shipped: 'may use a GPU through Vulkan, whose loader finds no device without a driver',
    install: ['mesa-vulkan-drivers'],
    satisfiedBy: ['mesa-vulkan-drivers', 'nvidia-vulkan-icd', 'vulkan-icd'],
    because: 'libvulkan1, the Vulkan loader, only recommends mesa-vulkan-drivers or another vulkan-icd, the drivers it loads for AMD, Intel and software rendering',
    source: { how: `${DEBIAN_12.how}: libvulkan1 Recommends: mesa-vulkan-drivers | vulkan-icd; libvulkan-dev and vulkan-tools Depend: libvulkan1`, checked: '2026-12-06' },
  },
  {
    // Docker's own packages (download.docker.com), not Debian's docker.io. docker-ce depends on docker-ce-cli.
    packages: ['docker-ce-cli', 'docker-ce'],
    use: 'docker-buildx',
    shipped: 'may build images (`docker build`)',
    install: ['docker-buildx-plugin'],
    satisfiedBy: ['docker-buildx-plugin'],
    because: 'docker-ce-cli only recommends docker-buildx-plugin, which `docker build` (from Docker 23 on) and `docker buildx` run',
    source: DOCKER_CE_CLI,
  },
  {
    packages: ['docker-ce-cli', 'docker-ce'],
    use: 'docker-compose',
    shipped: 'may run `docker compose`',
    install: ['docker-compose-plugin'],
    satisfiedBy: ['docker-compose-plugin'],
    because: 'docker-ce-cli only recommends docker-compose-plugin, which is `docker compose`',
    source: DOCKER_CE_CLI,
  },
  {
    // A packaging image installs devscripts for debuild and the like; its build script checks the .deb with lintian.
    packages: ['devscripts'],
    use: 'lintian',
    install: ['lintian'],
    satisfiedBy: ['lintian'],
    because: 'devscripts only recommends it, and debuild runs it after each build',
    source: { how: `${DEBIAN_12.how}: devscripts Recommends: … lintian, …; debuild(1): lintian is run on the result unless --no-lintian`, checked: '2026-12-07' },
  },
];

/** The facts that apply to installing `pkg` (an operand as written in `apt-get install`, `curl=7.*` allowed). */
export function recommendsOf(pkg: string): RecommendsFact[] {
  const name = packageOperandName(pkg);
  return RECOMMENDS.filter((f) => f.packages.includes(name) || (f.pattern?.test(name) ?? false));
}

// ---------------------------------------------------------------------------
// Tools too old for a flag.

/** A distribution release, as an image's tag names it. */
export interface ReleaseMatch {
  /** Repositories (`library/…` canonical names) whose tag is the release; `*`: any repository. */
  readonly repositories: readonly string[];
  /** A tag (or tag prefix up to `-`) that names the release. */
  readonly tag: RegExp;
  /** The release, for messages. */
  readonly release: string;
}

export interface OldToolFact {
  readonly tool: 'pip' | 'apk' | 'gem';
  readonly flag: string;
  /** The first version that has the flag. */
  readonly since: string;
  /** Releases whose packaged tool is older. */
  readonly releases: readonly ReleaseMatch[];
  readonly source: FactSource;
}

export const OLD_TOOLS: readonly OldToolFact[] = [
  {
    tool: 'pip',
    flag: '--no-cache-dir',
    since: 'pip 6.0',
    releases: [
      { repositories: ['library/ubuntu'], tag: /^(?:14\.04|trusty|12\.04|precise)(?:[.-]|$)/, release: 'Ubuntu 14.04 or older (python-pip 1.5)' },
      { repositories: ['library/debian'], tag: /^(?:8|jessie|7|wheezy)(?:[.-]|$)/, release: 'Debian 8 (jessie) or older (python-pip 1.5)' },
    ],
    source: { how: "pip's changelog: --no-cache-dir came with 6.0 (2014-12-22); packages.ubuntu.com trusty python-pip 1.5.4, packages.debian.org jessie python-pip 1.5.6", checked: '2025-06-02' },
  },
  {
    tool: 'gem',
    flag: '--no-document',
    since: 'RubyGems 2.0',
    releases: [
      { repositories: ['library/ubuntu'], tag: /^(?:14\.04|trusty|12\.04|precise)(?:[.-]|$)/, release: 'Ubuntu 14.04 or older (ruby 1.9.3, RubyGems 1.8)' },
      { repositories: ['library/debian'], tag: /^(?:7|wheezy|6|squeeze)(?:[.-]|$)/, release: 'Debian 7 (wheezy) or older (ruby 1.9.3, RubyGems 1.8)' },
      { repositories: ['library/centos'], tag: /^(?:6|5)(?:[.-]|$)/, release: 'CentOS 6 or older (ruby 1.8.7, RubyGems 1.3)' },
    ],
    source: {
      how: "RubyGems History.txt: 2.0.0 (2013-02-24) added --document and --no-document; packages.ubuntu.com trusty ruby1.9.1 (RubyGems 1.8.23), packages.debian.org wheezy, CentOS 6 rubygems 1.3.7",
      checked: '2026-12-04',
    },
  },
  {
    tool: 'apk',
    flag: '--no-cache',
    since: 'apk-tools 2.6 (Alpine 3.3)',
    releases: [{ repositories: ['library/alpine'], tag: /^(?:3\.[0-2]|2\.\d+)(?:[.-]|$)/, release: 'Alpine 3.2 or older' }],
    source: { how: 'Alpine 3.3.0 release notes: apk --no-cache is new in apk-tools 2.6', checked: '2025-06-02' },
  },
];

/** The release among `releases` that `repository:tag` is (`repository` canonical: `library/ubuntu`), or null. */
export function matchRelease(releases: readonly ReleaseMatch[], repository: string, tag: string | null): ReleaseMatch | null {
  return releases.find((r) => (r.repositories.includes('*') || r.repositories.includes(repository)) && tag !== null && r.tag.test(tag)) ?? null;
}

/** The release of `repository:tag` whose packaged `tool` lacks its flag, or null when the image is not known to be one. */
export function oldToolRelease(tool: OldToolFact['tool'], repository: string, tag: string | null): { fact: OldToolFact; release: string } | null {
  const fact = OLD_TOOLS.find((f) => f.tool === tool)!;
  const found = matchRelease(fact.releases, repository, tag);
  return found === null ? null : { fact, release: found.release };
}

// ---------------------------------------------------------------------------
// A tool that follows the RHEL release an image is built from.

/**
 * A flag that a package manager of RHEL took in a minor release, whose older versions fail on it. UBI and RHEL's
 * rebuilds (Oracle Linux, Rocky Linux, AlmaLinux) ship RHEL's package release by release, so the release an image
 * is built from, as its tag names it, says whether its tool has the flag.
 */
export interface RhelToolFact {
  readonly tool: string;
  readonly flag: string;
  /** The version that took the flag, and the release that first shipped it. */
  readonly since: string;
  readonly first: { readonly major: number; readonly minor: number };
  /** The families that ship RHEL's package release by release. */
  readonly families: readonly DistroFamily[];
  readonly source: FactSource;
}

export const MICRODNF_WEAK_DEPS: RhelToolFact = {
  tool: 'microdnf',
  flag: '--setopt=install_weak_deps',
  since: 'microdnf 3.4.0 (RHEL 8.3)',
  first: { major: 8, minor: 3 },
  families: ['ubi', 'oraclelinux', 'rockylinux', 'almalinux'],
  source: {
    how:
      'rpm-software-management/microdnf: 3.4.0 (2020-01-15) added --setopt=install_weak_deps=0/1; up to 3.3.0 dnf/dnf-main.c took ' +
      '--setopt=tsflags=nodocs alone and failed on any other ("Unable to handle: install_weak_deps=0"). RHEL 8\'s microdnf.spec ' +
      '(openela-main/microdnf): 3.0.1-3 (RHEL 8.1, RHSA-2019:3583), 3.0.1-8 (2020-01-13, RHEL 8.2), 3.4.0-1 (2020-04-06; RHEL 8.3 ' +
      'carries it, microdnf#75), 3.8.0 from RHEL 8.5; Rocky Linux 9 microdnf-3.8.0-2.el9, AlmaLinux 10 microdnf-3.10.1-1.el10',
    checked: '2026-12-07',
  },
};

/** What an image's release says of a RHEL tool's flag: it has it, it lacks it (in \`release\`), or it cannot tell (\`why\`). */
export type RhelToolVerdict =
  | { readonly kind: 'has' }
  | { readonly kind: 'lacks'; readonly release: string }
  | { readonly kind: 'unknown'; readonly why: string };

/**
 * Whether the image's tool has the flag, by the release the image is built from. On the release that first shipped it,
 * the minor release the tag names decides (\`ubi8/ubi-minimal:8.1\`); a tag that names no minor release (\`8\`,
 * \`8-slim\`, \`latest\`, none) is rebuilt on each new one, and is taken as the newest. A digest without a minor release
 * in the tag pins a build of any, and so does a tag that names the image's own version (\`ubi8/openjdk-17:1.14\`,
 * \`openjdk:17-oraclelinux8\`) rather than the release's: they say nothing.
 */
export function rhelToolVerdict(fact: RhelToolFact, image: IdentifiedImage): RhelToolVerdict {
  const family = releaseFamily(image.release);
  const release = image.release.release;
  if (!fact.families.includes(family) || release === null) return { kind: 'unknown', why: `${image.raw} is not known to be built from a release of RHEL` };
  const name = `${FAMILY_LABELS[family]} ${release.version}`;
  const major = Number(release.version);
  if (major !== fact.first.major) return major > fact.first.major ? { kind: 'has' } : { kind: 'lacks', release: name };
  if (image.repository.kind !== 'os') return { kind: 'unknown', why: `the tag of ${image.raw} names no minor release of ${name}` };
  const minor = /^\d+\.(\d+)/.exec(image.version ?? '')?.[1];
  if (minor !== undefined) return Number(minor) >= fact.first.minor ? { kind: 'has' } : { kind: 'lacks', release: `${name}.${minor}` };
  return image.digest === null ? { kind: 'has' } : { kind: 'unknown', why: `${image.raw} names a build of ${name} by its digest alone, not its minor release` };
}

// ---------------------------------------------------------------------------
// Images whose package manager already installs no recommended packages.

export interface RecommendsOffImage {
  readonly manager: 'zypper';
  /** Canonical repository names (`opensuse/leap`, `registry.suse.com/bci/bci-base`). */
  readonly repositories: RegExp;
  /** The setting, and where the image writes it. */
  readonly setting: string;
  readonly source: FactSource;
}

export const RECOMMENDS_OFF_IMAGES: readonly RecommendsOffImage[] = [
  {
    manager: 'zypper',
    // Docker Hub's and registry.opensuse.org's Leap and Tumbleweed, openSUSE's BCI images, and SUSE's BCI and SLE 15 images.
    repositories: /^(?:(?:registry\.opensuse\.org\/)?opensuse\/(?:leap|tumbleweed)|registry\.opensuse\.org\/opensuse\/bci\/[\w.-]+|registry\.suse\.com\/(?:bci\/[\w.-]+|suse\/sle15))$/,
    setting: 'solver.onlyRequires = true in /etc/zypp/zypp.conf',
    source: {
      how:
        "openSUSE's kiwi description of its Tumbleweed container image (opensuse-tumbleweed-image config.sh, \"Disable recommends\": sed -i 's/.*solver.onlyRequires.*/solver.onlyRequires = true/g' /etc/zypp/zypp.conf); " +
        'SUSE/BCI-dockerfile-generator src/bci_build/package/base.py, the same line for the BCI base image the other BCI images build on; openSUSE/docker-containers#21: the same for the openSUSE (Leap) images since 2016',
      checked: '2026-12-07',
    },
  },
];

/** What says that `manager` in an image of `repository` (canonical) already installs no recommended packages, or null. */
export function recommendsOffIn(manager: RecommendsOffImage['manager'], repository: string): RecommendsOffImage | null {
  return RECOMMENDS_OFF_IMAGES.find((i) => i.manager === manager && i.repositories.test(repository)) ?? null;
}

// ---------------------------------------------------------------------------
// RPM weak dependencies a later command is known to need.

/**
 * An RPM package that only recommends (a weak dependency) what a later command needs, on Fedora and RHEL: naming
 * the package that gives the use in the same install restores it, as for apt's recommends. Few are known.
 */
export interface RpmWeakDepFact {
  /** Package names as \`dnf install\` takes them (\`python3\`, \`python3.11-devel\`). */
  readonly pattern: RegExp;
  /** The later command that needs it: \`pip\` (pip, pip3, \`python3 -m pip\`). */
  readonly use: 'pip';
  /** The package that gives the use, for a package the pattern matched. */
  install(name: string): string;
  /** Any package named that gives the use already. */
  readonly satisfiedBy: RegExp;
  readonly because: string;
  readonly source: FactSource;
}

export const RPM_WEAK_DEPS: readonly RpmWeakDepFact[] = [
  {
    // python3 (RHEL 9's python3.9) and python3.11…, and their -devel: pip is the recommended python3-pip (python3.11-pip).
    pattern: /^python3(?:\.\d+)?(?:-devel)?$/,
    use: 'pip',
    install: (name) => `${name.replace(/-devel$/, '')}-pip`,
    satisfiedBy: /^python3(?:\.\d+)?-pip$/,
    because: "pip is in python3-pip, which Fedora's and RHEL's python3 and python3-devel packages only recommend",
    source: {
      how: 'the python3.9 spec of Fedora and RHEL 9 (as Azure Linux carries it), %package -n python3: Recommends: python3-setuptools, Recommends: python3-pip; Fedora\'s python3.X spec, %package -n python3-devel: Recommends: python3-pip ("Python developers are very likely to need pip")',
      checked: '2026-12-07',
    },
  },
];

/** The facts that apply to installing \`pkg\` with dnf, microdnf or a yum that is dnf. */
export function rpmWeakDepsOf(pkg: string): RpmWeakDepFact[] {
  return RPM_WEAK_DEPS.filter((f) => f.pattern.test(pkg));
}
